/**
 * Exam results (R6) on a real database: the year's scales, the import of the exam
 * centre's file (preview, row-level errors, all or nothing, idempotent, a corrected
 * score a new version), publication in the family's diary, the message to the family at
 * once, and the 24-hour screen with its reasons.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { outcome, refusal } from "../support/refusal";
import { applyExamImport, previewExamImport } from "../../lib/exams/import";
import { examMonitor } from "../../lib/exams/monitor";
import { listScales, saveScale } from "../../lib/exams/scales";
import { getDiaryResults } from "../../lib/diary/results";
import { parseReceivedAt, receivedAtValue } from "../../lib/exams/file";
import ruExams from "../../lib/i18n/messages/ru/exams.json";
import { addDays, dateToDay, dayToDate, formatDayRu } from "../../lib/time";

let t: TestDb;
let f: TwoSchools;
/** «ДД.ММ.ГГГГ» of the students' birthdays and of the exam (today) */
let born: Record<"s1" | "s2" | "s3", string>;
let examDay: string;

const HEAD = "Экзамен;Дата экзамена;Фамилия;Имя;Отчество;Дата рождения;Предмет;Первичный балл";
/** A file as the exam centre sends it, received by the school just now. */
const csv = (...rows: string[]) => ({ fileName: "ogje.csv", bytes: new TextEncoder().encode(`\uFEFF${[HEAD, ...rows].join("\r\n")}\r\n`), receivedAt: new Date() as string | Date });

const counts = async () => ({
  results: await t.db.examResult.count(),
  messages: await t.db.outboxMessage.count({ where: { kind: "EXAM_RESULT" } }),
});

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const day = async (id: string) => formatDayRu(dateToDay((await t.db.student.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id } }, select: { birthDate: true } })).birthDate));
  born = { s1: await day(f.A.s1), s2: await day(f.A.s2), s3: await day(f.A.s3) };
  examDay = formatDayRu(f.today);
  // g1 (mother of s1 and s3) has a confirmed e-mail; g2 (mother of s2) has no contact
  await t.db.contact.create({
    data: { schoolId: f.A.id, guardianId: f.A.g1, channel: "EMAIL", value: "ivanova@mail.ru", source: "WRITTEN_APPLICATION", applicationNumber: "7", applicationDate: dayToDate(f.today), confirmedAt: new Date() },
  });
});
afterAll(async () => {
  await t.close();
});

describe("scales", () => {
  it("the administrator enters a scale; a wrong order is refused field by field and saves nothing", async () => {
    const admin = await f.as("a.admin");
    const bad = await refusal(saveScale(admin, { kind: "OGE", subjectId: f.A.math, maxScore: 31, min3: 15, min4: 8, min5: 22 }));
    expect(bad.code).toBe("BAD_INPUT");
    expect(bad.fieldErrors).toEqual({ min4: ["Балл для «4» не может быть меньше балла для «3»."] });
    expect(await t.db.examScale.count()).toBe(0);

    await saveScale(admin, { kind: "OGE", subjectId: f.A.math, maxScore: 31, min3: 8, min4: 15, min5: 22 });
    await saveScale(admin, { kind: "OGE", subjectId: f.A.rus, maxScore: 33, min3: 10, min4: 20, min5: 29 });
    // saving again changes the same row
    await saveScale(admin, { kind: "OGE", subjectId: f.A.rus, maxScore: 33, min3: 11, min4: 20, min5: 29 });
    expect(await t.db.examScale.count()).toBe(2);
    const list = await listScales(admin, "OGE");
    expect(list.rows.map((r) => [r.subjectName, r.scale])).toEqual([
      ["Математика", { maxScore: 31, min3: 8, min4: 15, min5: 22 }],
      ["Русский язык", { maxScore: 33, min3: 11, min4: 20, min5: 29 }],
    ]);
  });

  it("only an administrator of the school manages scales and imports", async () => {
    const teacher = await f.as("a.math");
    expect(await outcome(saveScale(teacher, { kind: "OGE", subjectId: f.A.math, maxScore: 31, min3: 8, min4: 15, min5: 22 }))).toBe("FORBIDDEN");
    expect(await outcome(previewExamImport(teacher, csv(`ОГЭ;${examDay};Иванов;Пётр;;${born.s1};Математика;18`)))).toBe("FORBIDDEN");
    expect(await outcome(examMonitor(await f.as("a.g1")))).toBe("FORBIDDEN");
    // another school's subject is not found
    expect(await outcome(saveScale(await f.as("b.admin"), { kind: "OGE", subjectId: f.A.math, maxScore: 31, min3: 8, min4: 15, min5: 22 }))).toBe("NOT_FOUND");
  });
});

describe("import", () => {
  it("a file with bad rows changes nothing and names each row, field and reason in Russian", async () => {
    const admin = await f.as("a.admin");
    // two students of the same name and birthday, told apart only by the patronymic
    const twin = { lastName: "Сидоров", firstName: "Иван", birthDate: dayToDate("2011-05-05"), gender: "MALE" as const };
    await t.db.student.create({ data: { schoolId: f.A.id, ...twin, middleName: "Петрович", recordNumber: "T-1" } });
    await t.db.student.create({ data: { schoolId: f.A.id, ...twin, middleName: "Павлович", recordNumber: "T-2" } });
    const file = csv(
      `ОГЭ;${examDay};Иванов;Пётр;;${born.s1};Математика;18`,
      `ОГЭ;${examDay};Иванов;Павел;;${born.s1};Математика;18`,
      `ОГЭ;${examDay};Сидоров;Иван;;05.05.2011;Математика;18`,
      `ОГЭ;${examDay};Петров;Илья;;${born.s2};Астрономия;18`,
      `ОГЭ;${examDay};Петров;Илья;;${born.s2};Математика;32`,
      `ГВЭ;${examDay};Петров;Илья;;${born.s2};Русский язык;12`,
      `ОГЭ;вчера;Петров;Илья;;${born.s2};Русский язык;12`,
    );
    const before = await counts();
    const preview = await previewExamImport(admin, file);
    expect(preview.status).toBe("REJECTED");
    expect(preview.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "Фамилия"], [4, "Отчество"], [5, "Предмет"], [6, "Первичный балл"], [7, "Предмет"], [8, "Дата экзамена"],
    ]);
    const msg = preview.errors.map((e) => e.message);
    expect(msg[0]).toContain("Ученика «Иванов Павел», родившегося");
    expect(msg[1]).toContain("в школе 2 ученика");
    expect(msg[2]).toBe("Предмета «Астрономия» в школе нет. Напишите его так, как он назван в учебном плане.");
    expect(msg[3]).toBe("Балл больше максимального: ОГЭ по предмету «Математика» — не больше 31.");
    expect(msg[4]).toContain("Для предмета «Русский язык» нет шкалы перевода баллов ГВЭ на");
    expect(msg[5]).toBe("Дата экзамена не распознана. Пишите так: 20.05.2026.");

    // confirming the same file is refused the same way: the good first row is not written either
    const applied = await applyExamImport(admin, file);
    expect(applied.status).toBe("REJECTED");
    expect(applied.errors).toHaveLength(6);
    expect(await counts()).toEqual(before);
    const runs = await t.db.importRun.findMany({ where: { schoolId: f.A.id, kind: "EXAM_RESULTS" }, select: { status: true } });
    expect(runs.map((r) => r.status)).toEqual(["REJECTED", "REJECTED"]);
  });

  it("a good file: the preview writes nothing; confirming publishes the results and tells the family; the same file again changes nothing", async () => {
    const admin = await f.as("a.admin");
    const file = csv(
      `ОГЭ;${examDay};Иванов;Пётр;;${born.s1};математика;18`,
      `ОГЭ;${examDay};ИВАНОВ;Пётр;;${born.s1};Русский язык;30`,
      `огэ;${examDay};Петров;Илья;;${born.s2};Математика;7`,
    );
    // the receipt time as the form's field sends it: the school's local time, to the minute
    const typedAt = new Date();
    file.receivedAt = receivedAtValue(typedAt, admin.timeZone);
    const received = new Date(Math.floor(typedAt.getTime() / 60_000) * 60_000);
    const preview = await previewExamImport(admin, file);
    expect(preview.errors).toEqual([]);
    expect(preview.status).toBe("PREVIEW");
    expect(preview.receivedAt).toEqual(received);
    expect(preview.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(preview.rows.map((r) => [r.line, r.student, r.className, r.subject, r.score, r.maxScore, r.mark, r.result])).toEqual([
      [2, "Иванов Пётр", "5А", "Математика", 18, 31, 4, "created"],
      [3, "Иванов Пётр", "5А", "Русский язык", 30, 33, 5, "created"],
      [4, "Петров Илья", "5А", "Математика", 7, 31, 2, "created"],
    ]);
    expect((await counts()).results).toBe(0);

    const now = new Date();
    const done = await applyExamImport(admin, file, now);
    expect(done.status).toBe("APPLIED");
    expect(done.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const rows = await t.db.examResult.findMany({ where: { schoolId: f.A.id }, orderBy: { primaryScore: "asc" } });
    expect(rows.map((r) => [r.primaryScore, r.maxScore, r.mark, r.version, r.kind, dateToDay(r.examDate), r.yearId])).toEqual([
      [7, 31, 2, 1, "OGE", f.today, f.A.yearId],
      [18, 31, 4, 1, "OGE", f.today, f.A.yearId],
      [30, 33, 5, 1, "OGE", f.today, f.A.yearId],
    ]);
    for (const r of rows) {
      expect(r.receivedAt).toEqual(received);
      expect(r.publishedAt).toEqual(now);
    }
    const run = await t.db.importRun.findFirstOrThrow({ where: { schoolId: f.A.id, kind: "EXAM_RESULTS", status: "APPLIED" } });
    expect([run.created, run.updated, run.unchanged, run.fileName]).toEqual([3, 0, 0, "ogje.csv"]);
    expect(rows.every((r) => r.importRunId === run.id)).toBe(true);

    // the mother of s1 has an e-mail: two messages; the mother of s2 has no contact: none
    const messages = await t.db.outboxMessage.findMany({ where: { kind: "EXAM_RESULT" }, orderBy: { subject: "asc" } });
    expect(done.messages).toBe(2);
    expect(messages.map((m) => [m.guardianId, m.channel, m.subject])).toEqual([
      [f.A.g1, "EMAIL", "Результат ОГЭ: Иванов П., Математика — «4»"],
      [f.A.g1, "EMAIL", "Результат ОГЭ: Иванов П., Русский язык — «5»"],
    ]);
    expect(messages[0]?.body).toContain("Первичный балл: 18 из 31.");

    // the same file again, said to have come later: the results keep their first receipt
    const again = await applyExamImport(admin, { ...file, receivedAt: new Date() });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(again.messages).toBe(0);
    expect(await counts()).toEqual({ results: 3, messages: 2 });
    expect((await t.db.examResult.findMany({ select: { version: true, receivedAt: true, publishedAt: true } })).every((r) => r.version === 1 && r.receivedAt.getTime() === received.getTime() && r.publishedAt?.getTime() === now.getTime())).toBe(true);
  });

  it("a corrected score (an appeal) updates the row, raises its version and sends the new result instead of the old one", async () => {
    const admin = await f.as("a.admin");
    const file = csv(`ОГЭ;${examDay};Иванов;Пётр;;${born.s1};Математика;23`);
    const preview = await previewExamImport(admin, file);
    expect(preview.rows.map((r) => [r.result, r.before, r.mark])).toEqual([["updated", { score: 18, mark: 4 }, 5]]);
    const rusBefore = await t.db.examResult.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: f.A.s1, subjectId: f.A.rus } });
    const now = new Date();
    const done = await applyExamImport(admin, file, now);
    expect(done.counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const r = await t.db.examResult.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: f.A.s1, subjectId: f.A.math } });
    expect([r.primaryScore, r.mark, r.version]).toEqual([23, 5, 2]);
    // the appeal's file came now: the changed result takes its receipt; the untouched one keeps its own
    expect(r.receivedAt).toEqual(file.receivedAt);
    expect(r.publishedAt).toEqual(now);
    const rusAfter = await t.db.examResult.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: f.A.s1, subjectId: f.A.rus } });
    expect([rusAfter.receivedAt, rusAfter.publishedAt, rusAfter.version]).toEqual([rusBefore.receivedAt, rusBefore.publishedAt, 1]);
    const messages = await t.db.outboxMessage.findMany({ where: { kind: "EXAM_RESULT", eventKey: { startsWith: `exam:${r.id}:` } }, orderBy: { eventKey: "asc" } });
    expect(messages.map((m) => [m.eventKey, m.status])).toEqual([
      [`exam:${r.id}:v1`, "SKIPPED"],
      [`exam:${r.id}:v2`, "PENDING"],
    ]);
    expect(messages[1]?.subject).toBe("Результат ОГЭ изменён: Иванов П., Математика — «5»");
    // the history keeps who loaded the result and what it was before the appeal
    const history = await t.db.auditEvent.findMany({ where: { entity: "EXAM_RESULT", entityId: r.id }, orderBy: { at: "asc" } });
    expect(history.map((h) => [h.action, h.actorUserId, (h.oldValue as { primaryScore?: number } | null)?.primaryScore ?? null, (h.newValue as { primaryScore?: number }).primaryScore])).toEqual([
      ["CREATE", admin.userId, null, 18],
      ["UPDATE", admin.userId, 18, 23],
    ]);
  });
});

describe("the family's diary", () => {
  it("shows the child's published results with score, mark and the time of publication; not another family's, not an unpublished one", async () => {
    const results = await getDiaryResults(await f.as("a.g1"), f.A.s1);
    expect(results.stateExams.map((e) => [e.exam, e.subjectName, e.examDate, e.primaryScore, e.maxScore, e.mark])).toEqual([
      ["ОГЭ", "Математика", f.today, 23, 31, "5"],
      ["ОГЭ", "Русский язык", f.today, 30, 33, "5"],
    ]);
    expect(results.stateExams.every((e) => !Number.isNaN(Date.parse(e.publishedAt)))).toBe(true);
    expect((await getDiaryResults(await f.as("a.s1"), f.A.s1)).stateExams).toHaveLength(2);
    expect(await outcome(getDiaryResults(await f.as("a.g2"), f.A.s1))).toBe("NOT_FOUND");

    await t.db.examResult.updateMany({ where: { schoolId: f.A.id, studentId: f.A.s1, subjectId: f.A.rus }, data: { publishedAt: null } });
    expect((await getDiaryResults(await f.as("a.g1"), f.A.s1)).stateExams.map((e) => e.subjectName)).toEqual(["Математика"]);
    await t.db.examResult.updateMany({ where: { schoolId: f.A.id, studentId: f.A.s1, subjectId: f.A.rus }, data: { publishedAt: new Date() } });
  });
});

describe("the 24-hour screen", () => {
  it("tells for each result whether the family was informed, and why not; problems first, the oldest first", async () => {
    const admin = await f.as("a.admin");
    const now = new Date();
    let m = await examMonitor(admin, { now });
    expect(m.total).toBe(3);
    const verdicts = () => m.rows.map((r) => [r.student, r.subject, r.informed.verdict, r.informed.guardians.map((g) => g.state)]);
    // s2's mother has no contact: a problem; s1's messages wait in the outbox: on their way
    expect(verdicts()).toEqual([
      ["Петров И.", "Математика", "NOT_INFORMED", ["NO_CONTACT"]],
      ["Иванов П.", "Математика", "WAITING", ["WAITING"]],
      ["Иванов П.", "Русский язык", "WAITING", ["WAITING"]],
    ]);
    expect(m.problems).toBe(1);

    // the messages are sent; a day and a half later nothing is waiting, the one problem is overdue
    await t.db.outboxMessage.updateMany({ where: { kind: "EXAM_RESULT", status: "PENDING" }, data: { status: "SENT", sentAt: new Date(now.getTime() + 60_000) } });
    m = await examMonitor(admin, { now: new Date(now.getTime() + 36 * 3_600_000), problemsOnly: true });
    expect(verdicts()).toEqual([["Петров И.", "Математика", "NOT_INFORMED", ["NO_CONTACT"]]]);
    expect(m.rows[0]?.informed.overdue).toBe(true);

    // the mother withdraws her consent: the family is on the paper list
    const text = await t.db.consentText.findFirstOrThrow({ where: { schoolId: f.A.id } });
    await t.db.consentEvent.create({ data: { schoolId: f.A.id, guardianId: f.A.g2, studentId: f.A.s2, textId: text.id, decision: "WITHDRAWN", form: "PAPER", documentNumber: "2", documentDate: dayToDate(f.today) } });
    m = await examMonitor(admin, { now, problemsOnly: true });
    expect(verdicts()).toEqual([["Петров И.", "Математика", "NOT_INFORMED", ["NO_CONSENT"]]]);

    // a failed delivery names the error; the oldest receipt first (s1's corrected maths came last)
    await t.db.outboxMessage.updateMany({ where: { kind: "EXAM_RESULT", guardianId: f.A.g1, status: "SENT" }, data: { status: "FAILED", sentAt: null, lastError: "550 ящик не существует" } });
    m = await examMonitor(admin, { now, problemsOnly: true });
    expect(m.rows.map((r) => r.informed.guardians.map((g) => (g.state === "FAILED" ? g.error : g.state)))).toEqual([
      ["550 ящик не существует"], ["NO_CONSENT"], ["550 ящик не существует"],
    ]);

    // another school sees none of it
    expect((await examMonitor(await f.as("b.admin"))).total).toBe(0);
  });
});

describe("review fixes", () => {
  it("the receipt time is required, readable, not in the future and not before an exam of the file; a refused one writes nothing", async () => {
    const admin = await f.as("a.admin");
    const row = `ОГЭ;${examDay};Иванова;Дарья;;${born.s3};Математика;20`;
    const before = await counts();
    const runs = await t.db.importRun.count();
    const cases: [string | Date, string][] = [
      ["", "Укажите, когда школа получила файл от РЦОИ"],
      ["вчера вечером", "Дата и время получения не распознаны"],
      [new Date(Date.now() + 3_600_000), "Это время ещё не наступило"],
      [`${formatDayRu(addDays(f.today, -1))} 10:00`, `Файл не мог прийти раньше экзамена: в строке 2 экзамен ${examDay}`],
    ];
    for (const [receivedAt, text] of cases) {
      for (const call of [previewExamImport, applyExamImport]) {
        const e = await refusal(call(admin, { ...csv(row), receivedAt }));
        expect(e.code).toBe("BAD_INPUT");
        expect(e.fieldErrors?.receivedAt?.[0]).toContain(text);
      }
    }
    expect(await counts()).toEqual(before);
    expect(await t.db.importRun.count()).toBe(runs);
  });

  it("an exam result goes to a guardian on the daily digest at once", async () => {
    const admin = await f.as("a.admin");
    await t.db.deliveryPreference.deleteMany({ where: { schoolId: f.A.id, guardianId: f.A.g1 } });
    await t.db.deliveryPreference.create({ data: { schoolId: f.A.id, guardianId: f.A.g1, frequency: "DAILY", kinds: [] } });
    const now = new Date();
    const done = await applyExamImport(admin, { ...csv(`ОГЭ;${examDay};Иванова;Дарья;;${born.s3};Русский язык;25`), receivedAt: now }, now);
    expect(done.messages).toBe(1);
    const r = await t.db.examResult.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: f.A.s3, subjectId: f.A.rus } });
    const m = await t.db.outboxMessage.findFirstOrThrow({ where: { schoolId: f.A.id, eventKey: `exam:${r.id}:v1` } });
    expect([m.channel, m.status, m.notBefore]).toEqual(["EMAIL", "PENDING", now]);
    await t.db.deliveryPreference.deleteMany({ where: { schoolId: f.A.id, guardianId: f.A.g1 } });
  });

  it("two imports of the same results at once: the second is refused in Russian and writes nothing", async () => {
    const admin = await f.as("a.admin");
    // another import commits the same result between this one's check and its write
    await t.db.$executeRawUnsafe(`CREATE FUNCTION exam_twin() RETURNS trigger AS $$
      BEGIN
        IF pg_trigger_depth() = 1 THEN
          INSERT INTO "ExamResult" ("schoolId", "id", "yearId", "studentId", "subjectId", "kind", "examDate", "primaryScore", "maxScore", "mark", "receivedAt", "publishedAt", "version", "updatedAt")
          VALUES (NEW."schoolId", gen_random_uuid(), NEW."yearId", NEW."studentId", NEW."subjectId", NEW."kind", NEW."examDate", NEW."primaryScore", NEW."maxScore", NEW."mark", NEW."receivedAt", NEW."publishedAt", 1, now());
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await t.db.$executeRawUnsafe(`CREATE TRIGGER exam_twin BEFORE INSERT ON "ExamResult" FOR EACH ROW EXECUTE FUNCTION exam_twin()`);
    try {
      const before = await counts();
      const runs = await t.db.importRun.count();
      const e = await refusal(applyExamImport(admin, csv(`ОГЭ;${examDay};Петров;Илья;;${born.s2};Русский язык;25`)));
      expect(e.code).toBe("CONFLICT");
      expect(e.message).toBe("Этот файл уже загружается или уже загружен — обновите страницу и проверьте.");
      expect(await counts()).toEqual(before);
      expect(await t.db.importRun.count()).toBe(runs);
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER exam_twin ON "ExamResult"`);
      await t.db.$executeRawUnsafe(`DROP FUNCTION exam_twin()`);
    }
  });

  it("a subject is found by name among those of the exam's kind; two that fit are named", async () => {
    const admin = await f.as("a.admin");
    const trade = await t.db.subject.create({ data: { schoolId: f.A.id, name: "МАТЕМАТИКА", shortName: "Мат-ПО", kind: "VOCATIONAL" } });
    const file = csv(`ОГЭ;${examDay};Иванов;Пётр;;${born.s1};математика;23`);
    const ok = await previewExamImport(admin, file);
    expect(ok.errors).toEqual([]);
    expect(ok.rows.map((r) => [r.subject, r.result])).toEqual([["Математика", "unchanged"]]);

    const twin = await t.db.subject.create({ data: { schoolId: f.A.id, name: "математика", shortName: "мат", kind: "SUBJECT" } });
    const bad = await previewExamImport(admin, file);
    expect(bad.status).toBe("REJECTED");
    expect(bad.errors.map((e) => [e.line, e.column])).toEqual([[2, "Предмет"]]);
    expect(bad.errors[0]?.message).toContain("«Математика» (учебный предмет) и «математика» (учебный предмет)");
    await t.db.subject.deleteMany({ where: { schoolId: f.A.id, id: { in: [trade.id, twin.id] } } });
  });

  it("a school record without a patronymic matches a file row with one, and the preview shows both names; two such records are named", async () => {
    const admin = await f.as("a.admin");
    const ok = await previewExamImport(admin, csv(`ОГЭ;${examDay};Иванов;Пётр;Сергеевич;${born.s1};Математика;23`));
    expect(ok.errors).toEqual([]);
    expect(ok.rows.map((r) => [r.student, r.fileStudent, r.result])).toEqual([["Иванов Пётр", "Иванов Пётр Сергеевич", "unchanged"]]);

    // «Сидоров Иван Петрович» is in the school; a second «Сидоров Иван» of the same birthday has no patronymic
    await t.db.student.create({ data: { schoolId: f.A.id, lastName: "Сидоров", firstName: "Иван", birthDate: dayToDate("2011-05-05"), gender: "MALE", recordNumber: "T-3" } });
    const two = await previewExamImport(admin, csv(`ОГЭ;${examDay};Сидоров;Иван;Петрович;05.05.2011;Математика;18`));
    expect(two.errors.map((e) => [e.line, e.column])).toEqual([[2, "Отчество"]]);
    expect(two.errors[0]?.message).toContain("подходят 2 ученика школы: «Сидоров Иван Петрович» и «Сидоров Иван»");
  });

  it("a result published more than 24 hours after the school received it is late", async () => {
    const admin = await f.as("a.admin");
    const typed = `${examDay} 00:00`;
    const received = parseReceivedAt(typed, admin.timeZone);
    if (!received) throw new Error("unreadable");
    const publishedAt = new Date(received.getTime() + 25 * 3_600_000);
    const preview = await previewExamImport(admin, { ...csv(`ОГЭ;${examDay};Иванова;Дарья;;${born.s3};Математика;20`), receivedAt: typed }, publishedAt);
    expect(preview.publishLate).toBe(true);
    await applyExamImport(admin, { ...csv(`ОГЭ;${examDay};Иванова;Дарья;;${born.s3};Математика;20`), receivedAt: typed }, publishedAt);
    const r = await t.db.examResult.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: f.A.s3, subjectId: f.A.math } });
    expect([r.receivedAt, r.publishedAt]).toEqual([received, publishedAt]);
    const m = await examMonitor(admin, { now: new Date(publishedAt.getTime() + 60_000) });
    expect(m.rows.find((x) => x.id === r.id)?.informed).toMatchObject({ verdict: "PUBLISHED_LATE", problem: true });
    expect(ruExams.exams.monitor.verdicts.PUBLISHED_LATE).toBe("опубликовано позже 24 часов после получения");
  });

  it("a family on paper is informed once an extract of the child is printed after the result came", async () => {
    const admin = await f.as("a.admin");
    const now = new Date();
    const s2math = await t.db.examResult.findFirstOrThrow({ where: { schoolId: f.A.id, studentId: f.A.s2, subjectId: f.A.math } });
    const row = async () => (await examMonitor(admin, { now })).rows.find((x) => x.id === s2math.id)?.informed;
    // the mother withdrew her consent (above): an extract printed before the result does not count
    await t.db.extractPrint.create({
      data: { schoolId: f.A.id, studentId: f.A.s2, fromDate: dayToDate(f.today), toDate: dayToDate(f.today), printedById: admin.userId, printedAt: new Date(s2math.receivedAt.getTime() - 60_000) },
    });
    expect(await row()).toMatchObject({ verdict: "NOT_INFORMED", problem: true, guardians: [{ state: "NO_CONSENT" }] });
    const printedAt = new Date(s2math.receivedAt.getTime() + 60_000);
    await t.db.extractPrint.create({ data: { schoolId: f.A.id, studentId: f.A.s2, fromDate: dayToDate(f.today), toDate: dayToDate(f.today), printedById: admin.userId, printedAt } });
    expect(await row()).toMatchObject({ verdict: "INFORMED_ON_PAPER", problem: false, guardians: [{ state: "PAPER", at: printedAt, late: false }] });
  });

  it("the screen keeps the results of the last 400 days across school years, and an older one while its family is not told", async () => {
    const admin = await f.as("a.admin");
    const now = new Date();
    const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3_600_000);
    const old = await t.db.academicYear.create({ data: { schoolId: f.A.id, name: "прошлые годы", startDate: dayToDate(addDays(f.today, -900)), endDate: dayToDate(addDays(f.today, -200)) } });
    const result = (studentId: string, subjectId: string, receivedAt: Date) => t.db.examResult.create({
      data: { schoolId: f.A.id, yearId: old.id, studentId, subjectId, kind: "GVE", examDate: dayToDate(dateToDay(receivedAt)), primaryScore: 10, maxScore: 20, mark: 4, receivedAt, publishedAt: receivedAt },
    });
    const lastSpring = await result(f.A.s1, f.A.rus, daysAgo(300));
    await t.db.outboxMessage.create({
      data: { schoolId: f.A.id, kind: "EXAM_RESULT", eventKey: `exam:${lastSpring.id}:v1`, guardianId: f.A.g1, studentId: f.A.s1, channel: "EMAIL", address: "ivanova@mail.ru", body: "…", status: "SENT", sentAt: daysAgo(300) },
    });
    const oldTold = await result(f.A.s3, f.A.rus, daysAgo(500));
    await t.db.outboxMessage.create({
      data: { schoolId: f.A.id, kind: "EXAM_RESULT", eventKey: `exam:${oldTold.id}:v1`, guardianId: f.A.g1, studentId: f.A.s3, channel: "EMAIL", address: "ivanova@mail.ru", body: "…", status: "SENT", sentAt: daysAgo(500) },
    });
    const oldUntold = await result(f.A.s1, f.A.math, daysAgo(500));
    const m = await examMonitor(admin, { now });
    const ids = m.rows.map((r) => r.id);
    expect(ids).toContain(lastSpring.id);
    expect(m.rows.find((r) => r.id === lastSpring.id)?.informed.verdict).toBe("INFORMED");
    expect(ids).toContain(oldUntold.id);
    expect(m.rows.find((r) => r.id === oldUntold.id)?.informed).toMatchObject({ verdict: "NOT_INFORMED", problem: true });
    expect(ids).not.toContain(oldTold.id);
  });
});
