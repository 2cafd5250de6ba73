/**
 * Files attached to homework on a real database (issue 4, item 3): what is accepted, that
 * a refused file saves nothing, and who may have a file: the journal's teachers and
 * administration, the family of a student the homework was for, and nobody else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { getLesson } from "../../lib/journal/lesson";
import { addHomework, listHomeworkFiles, readHomeworkFile, removeHomework } from "../../lib/journal/homework";
import { outcome, refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let math5: string;
let math6: string;

const enc = new TextEncoder();
const pdf = enc.encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const text = enc.encode("Решить № 214, 215.\nПовторить правило на с. 45.\n");
const program = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff]);

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  const find = async (cohortId: string) =>
    (await t.db.lesson.findFirstOrThrow({ where: { schoolId: f.A.id, cohortId, subjectId: f.A.math }, select: { id: true } })).id;
  math5 = await find(f.A.c5);
  math6 = await find(f.A.c6);
});
afterAll(async () => {
  await t.close();
});

const counts = async () => ({ homework: await t.db.homework.count(), files: await t.db.homeworkFile.count() });

describe("attaching files", () => {
  it("keeps the files with the homework and lists them on the lesson with name and size", async () => {
    const math = await f.as("a.math");
    const { id } = await addHomework(math, {
      lessonId: math5, text: "№ 214, 215", dueDate: f.today,
      files: [{ name: "C:\\fakepath\\Лист задания.pdf", bytes: pdf }, { name: "правило.txt", bytes: text }],
    });
    const hw = (await getLesson(math, math5)).homework.find((h) => h.id === id);
    expect(hw?.files.map((x) => [x.fileName, x.size])).toEqual([["Лист задания.pdf", pdf.length], ["правило.txt", text.length]]);
    const stored = await t.db.homeworkFile.findFirstOrThrow({ where: { homeworkId: id, fileName: "Лист задания.pdf" } });
    expect(stored.mimeType).toBe("application/pdf");
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    const read = await readHomeworkFile(math, stored.id);
    expect(read).toMatchObject({ fileName: "Лист задания.pdf", mimeType: "application/pdf", size: pdf.length });
    expect(Buffer.from(read.data).equals(Buffer.from(pdf))).toBe(true);
  });

  it("a file of a refused type changes nothing, and the refusal says which file and why", async () => {
    const math = await f.as("a.math");
    const before = await counts();
    const e = await refusal(addHomework(math, {
      lessonId: math5, text: "С программой", dueDate: f.today,
      files: [{ name: "лист.pdf", bytes: pdf }, { name: "задание.pdf", bytes: program }],
    }));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.fieldErrors?.files).toEqual([expect.stringMatching(/^Файл «задание\.pdf» не принят: /)]);
    expect(await counts()).toEqual(before);
  });

  it("refuses more than five files, and more than 5 MB together, saving nothing", async () => {
    const math = await f.as("a.math");
    const before = await counts();
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.txt`, bytes: text }));
    const many = await refusal(addHomework(math, { lessonId: math5, text: "Шесть файлов", dueDate: f.today, files: six }));
    expect(many.fieldErrors?.files?.[0]).toMatch(/не больше 5/);
    const half = new Uint8Array(2.6 * 1024 * 1024).fill(0x61);
    const big = await refusal(addHomework(math, {
      lessonId: math5, text: "Большие файлы", dueDate: f.today, files: [{ name: "a.txt", bytes: half }, { name: "b.txt", bytes: half }],
    }));
    expect(big.fieldErrors?.files?.[0]).toMatch(/вместе больше 5 МБ/);
    expect(await counts()).toEqual(before);
  });

  it("goes with its homework when the homework is removed", async () => {
    const math = await f.as("a.math");
    const { id } = await addHomework(math, { lessonId: math5, text: "Удалить с файлом", dueDate: f.today, files: [{ name: "x.txt", bytes: text }] });
    expect(await t.db.homeworkFile.count({ where: { homeworkId: id } })).toBe(1);
    await removeHomework(math, id);
    expect(await t.db.homeworkFile.count({ where: { homeworkId: id } })).toBe(0);
  });
});

describe("who may have a file", () => {
  let classFile5: string;
  let classFile6: string;
  let ownFileS2: string;
  let hw5: string;
  let hw6: string;
  let hwS2: string;

  beforeAll(async () => {
    const math = await f.as("a.math");
    const give = async (lessonId: string, studentId?: string) => {
      const { id } = await addHomework(math, { lessonId, text: "С листом", dueDate: f.today, studentId, files: [{ name: "лист.pdf", bytes: pdf }] });
      const file = await t.db.homeworkFile.findFirstOrThrow({ where: { homeworkId: id }, select: { id: true } });
      return [id, file.id] as const;
    };
    [hw5, classFile5] = await give(math5);
    [hw6, classFile6] = await give(math6);
    [hwS2, ownFileS2] = await give(math5, f.A.s2);
  });

  it("the class's homework: its teacher, the administration, the class's families and students", async () => {
    for (const login of ["a.math", "a.admin", "a.deputy", "a.g1", "a.g2", "a.s1"]) {
      expect([login, await outcome(readHomeworkFile(await f.as(login), classFile5))]).toEqual([login, "OK"]);
    }
  });

  it("a guardian of another class, a teacher of another subject and another school get NOT_FOUND", async () => {
    // a.g2's only child is in 5А; the file is 6А's
    expect(await outcome(readHomeworkFile(await f.as("a.g2"), classFile6))).toBe("NOT_FOUND");
    expect(await outcome(readHomeworkFile(await f.as("a.s1"), classFile6))).toBe("NOT_FOUND");
    expect(await outcome(readHomeworkFile(await f.as("a.rus"), classFile5))).toBe("NOT_FOUND");
    for (const login of ["b.g", "b.s", "b.teacher", "b.admin"]) {
      expect([login, await outcome(readHomeworkFile(await f.as(login), classFile5))]).toEqual([login, "NOT_FOUND"]);
    }
    // a.g1 has a child in 6А too
    expect(await outcome(readHomeworkFile(await f.as("a.g1"), classFile6))).toBe("OK");
  });

  it("one student's homework: that student's family only, not the classmates'", async () => {
    expect(await outcome(readHomeworkFile(await f.as("a.g2"), ownFileS2))).toBe("OK");
    expect(await outcome(readHomeworkFile(await f.as("a.g1"), ownFileS2))).toBe("NOT_FOUND");
    expect(await outcome(readHomeworkFile(await f.as("a.s1"), ownFileS2))).toBe("NOT_FOUND");
    expect(await outcome(readHomeworkFile(await f.as("a.math"), ownFileS2))).toBe("OK");
  });

  it("a made-up id is NOT_FOUND, like a file one may not see", async () => {
    const g = await f.as("a.g1");
    expect((await refusal(readHomeworkFile(g, "not-an-id"))).code).toBe("NOT_FOUND");
    expect((await refusal(readHomeworkFile(g, "019a0000-0000-7000-8000-000000000000"))).message).toBe("Файл не найден.");
  });

  it("the diary's list leaves out homework the user may not see", async () => {
    const g2 = await listHomeworkFiles(await f.as("a.g2"), [hw5, hw6, hwS2]);
    expect(Object.keys(g2).sort()).toEqual([hw5, hwS2].sort());
    expect(g2[hw5]?.map((x) => [x.fileName, x.mimeType])).toEqual([["лист.pdf", "application/pdf"]]);
    const s1 = await listHomeworkFiles(await f.as("a.s1"), [hw5, hw6, hwS2]);
    expect(Object.keys(s1)).toEqual([hw5]);
    expect(await listHomeworkFiles(await f.as("b.g"), [hw5, hw6, hwS2])).toEqual({});
  });

  it("a student who joined the class after the homework was due does not get it", async () => {
    const newcomer = await t.db.student.create({
      data: { schoolId: f.A.id, lastName: "Новиков", firstName: "Лев", birthDate: new Date("2015-05-05"), gender: "MALE", recordNumber: "R-new" },
    });
    const later = new Date(Date.parse(`${f.today}T00:00:00Z`) + 86_400_000);
    await t.db.cohortMembership.create({ data: { schoolId: f.A.id, cohortId: f.A.c5, studentId: newcomer.id, startDate: later } });
    await t.db.user.create({ data: { schoolId: f.A.id, login: "a.new", kind: "STUDENT", studentId: newcomer.id } });
    expect(await outcome(readHomeworkFile(await f.as("a.new"), classFile5))).toBe("NOT_FOUND");
  });
});
