/**
 * The family's diary for the device on a real database (issue 7, items 2–3): the first
 * sync has every screen of each child and the year's marks, and its pieces join back into
 * exactly the DTOs the diary's pages render; a delta after a mark is corrected brings
 * that mark and only the pieces that show it (its day, its subject's card and list), after
 * a mark is removed its id; nothing changed → nothing sent, not even the list of screens.
 * The address's `have` and the body's say the same. Only one's own consented children;
 * another school's guardian and a teacher get nothing of school A.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { outcome } from "../support/refusal";
import { parseHave, screenHash, screenKind, syncDiary, type HaveBody, type SyncAnswer, type SyncChild } from "../../lib/diary/sync";
import { dayKey, joinMarksPage, joinSection, joinWeek, subjectKey, subjectMarksKey } from "../../lib/diary/sync-shape";
import { readDiaryWeek } from "../../lib/diary/week";
import { readDiaryMarks } from "../../lib/diary/marks";
import { getDiaryHomework } from "../../lib/diary/homework";
import { getDiaryClass } from "../../lib/diary/class";
import { addDays } from "../../lib/time";
import { withdrawConsent } from "../../lib/consent/events";

let t: TestDb;
let f: TwoSchools;
let yearPeriod: string;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
  yearPeriod = (await t.db.period.findFirstOrThrow({ where: { schoolId: f.A.id, kind: "YEAR" }, select: { id: true } })).id;
});
afterAll(async () => {
  await t.close();
});

function childOf(a: SyncAnswer, id: string): SyncChild {
  const c = a.children.find((x) => x.id === id);
  if (!c) throw new Error(`no child ${id}`);
  return c;
}

/** what the device would send back after a first sync: every screen it was sent, with its hash */
function haveOf(a: SyncAnswer): HaveBody {
  return Object.fromEntries(a.children.map((c) => [c.id, Object.fromEntries(c.screens.map((s) => [s.key, s.hash]))]));
}

/** the same as GET's `have` */
function haveText(a: SyncAnswer): string {
  return a.children.flatMap((c) => c.screens.map((s) => `${c.id}/${s.key}:${s.hash}`)).join(",");
}

const screensOf = (c: SyncChild) => new Map(c.screens.map((s) => [s.key, s.data]));

describe("the first sync", () => {
  it("has every screen of each of the guardian's children, hashed, and the year's marks", async () => {
    const a = await syncDiary(await f.as("a.g1"));
    expect(a.full).toBe(true);
    expect(a.today).toBe(f.today);
    expect(a.children.map((c) => c.id).sort()).toEqual([f.A.s1, f.A.s3].sort());
    for (const c of a.children) {
      expect(c.keys).toEqual(c.screens.map((s) => s.key));
      // the weeks with their days, the year (under way: cut into cards and lists) and the six sections
      const kinds = new Set(c.screens.map((s) => screenKind(s.key)));
      expect([...kinds].sort()).toEqual(["class", "day", "holidays", "homework", "marks", "recommendations", "results", "subject", "subject-marks", "tests", "week", "week-next"]);
      expect(c.screens.filter((s) => screenKind(s.key) === "day")).toHaveLength(12);
      expect(c.screens.some((s) => s.key === `marks-${yearPeriod}`)).toBe(true);
      for (const s of c.screens) expect(s.hash).toBe(screenHash(s.data));
      expect(c.fullMarks).toBe(true);
      expect(c.removed).toEqual([]);
    }
    const s1 = childOf(a, f.A.s1);
    expect(s1.marks.map((m) => [m.subjectName, m.symbol, m.workType, m.weight, m.date]).sort()).toEqual([
      ["Математика", "5", "Работа на уроке", "1", f.today],
      ["Русский язык", "4", "Работа на уроке", "1", f.today],
    ]);
    // the cursor: the time of the read less ten seconds of overlap
    expect(Date.parse(a.serverTime) - Date.parse(a.version)).toBe(10_000);
  });

  it("joins back into exactly the DTOs the diary's pages render", async () => {
    const g1 = await f.as("a.g1");
    const a = await syncDiary(g1);
    for (const c of a.children) {
      const screens = screensOf(c);
      expect(joinWeek(screens, "week", a.today)).toEqual(await readDiaryWeek(g1, c.id, f.today));
      expect(joinWeek(screens, "week-next", a.today)).toEqual(await readDiaryWeek(g1, c.id, addDays(f.today, 7)));
      expect(joinMarksPage(screens, yearPeriod, a.today)).toEqual(await readDiaryMarks(g1, c.id, yearPeriod));
      expect(joinSection(screens, "homework", a.today)).toEqual(await getDiaryHomework(g1, c.id));
      expect(joinSection(screens, "class", a.today)).toEqual(await getDiaryClass(g1, c.id));
    }
  });

  it("a student gets their own diary only", async () => {
    const a = await syncDiary(await f.as("a.s1"));
    expect(a.children.map((c) => c.id)).toEqual([f.A.s1]);
  });
});

describe("a delta", () => {
  it("with nothing changed since the read, sends no mark, no screen and not even the list of screens", async () => {
    const g1 = await f.as("a.g1");
    const first = await syncDiary(g1);
    const delta = await syncDiary(g1, { since: first.serverTime, have: haveOf(first) });
    expect(delta.full).toBe(false);
    for (const c of delta.children) {
      expect(c.screens).toEqual([]);
      expect(c.marks).toEqual([]);
      expect(c.removed).toEqual([]);
      expect(c.fullMarks).toBe(false);
      expect(c.keys).toBeNull();
    }
    // the address's form says the same
    expect(await syncDiary(g1, { since: first.serverTime, have: haveText(first) })).toMatchObject({ children: delta.children });
  });

  it("lists the screens when the device holds one the child no longer has, or one it cannot read", async () => {
    const g1 = await f.as("a.g1");
    const first = await syncDiary(g1);
    const have = haveOf(first);
    const s1 = have[f.A.s1] ?? {};
    s1["day-2020-01-06"] = "a".repeat(22);
    const delta = await syncDiary(g1, { since: first.serverTime, have });
    expect(childOf(delta, f.A.s1).keys).toEqual(childOf(first, f.A.s1).keys);
    expect(childOf(delta, f.A.s3).keys).toBeNull();
    delete s1["day-2020-01-06"];
    s1["week"] = "not a hash";
    const unread = await syncDiary(g1, { since: first.serverTime, have });
    expect(childOf(unread, f.A.s1).keys).toEqual(childOf(first, f.A.s1).keys);
    // the screen whose hash could not be read is sent again
    expect(childOf(unread, f.A.s1).screens.map((s) => s.key)).toEqual(["week"]);
  });

  it("after a mark is corrected brings that mark and only the pieces that show it; after a removal, its id", async () => {
    const g1 = await f.as("a.g1");
    const first = await syncDiary(g1);
    const s1 = childOf(first, f.A.s1);
    const math = s1.marks.find((m) => m.subjectName === "Математика");
    const rus = s1.marks.find((m) => m.subjectName === "Русский язык");
    if (!math || !rus) throw new Error("fixture marks");
    const since = first.serverTime;
    await new Promise((r) => setTimeout(r, 5));
    await t.db.mark.update({ where: { schoolId_id: { schoolId: f.A.id, id: math.id } }, data: { value: 3, version: { increment: 1 } } });
    await t.db.mark.update({ where: { schoolId_id: { schoolId: f.A.id, id: rus.id } }, data: { removedAt: new Date(), version: { increment: 1 } } });

    const delta = await syncDiary(g1, { since, have: haveOf(first) });
    const d1 = childOf(delta, f.A.s1);
    expect(d1.marks.map((m) => [m.id, m.symbol])).toEqual([[math.id, "3"]]);
    expect(d1.removed).toEqual([rus.id]);
    expect(d1.keys).toBeNull();
    // the day of the marks (when it is a day of the week shown) and each subject's card and list of the year;
    // the week's other days, the other pieces and the sections did not change
    const week = s1.screens.find((s) => s.key === "week")?.data as { days: string[] };
    const pieces = [math.subjectId, rus.subjectId].flatMap((id) => [subjectKey(yearPeriod, id), subjectMarksKey(yearPeriod, id)]);
    expect(d1.screens.map((s) => s.key).sort()).toEqual([...pieces, ...(week.days.includes(f.today) ? [dayKey(f.today)] : [])].sort());
    const card = d1.screens.find((s) => s.key === subjectKey(yearPeriod, math.subjectId))?.data as { average: { text: string } | null };
    expect(card.average?.text).toBe("3,00");
    // what the device holds then joins into the page as the server renders it now
    const held = new Map([...screensOf(s1), ...screensOf(d1)]);
    expect(joinMarksPage(held, yearPeriod, delta.today)).toEqual(await readDiaryMarks(g1, f.A.s1, yearPeriod));
    expect(joinWeek(held, "week", delta.today)).toEqual(await readDiaryWeek(g1, f.A.s1, f.today));
    // the other child: nothing at all
    const d3 = childOf(delta, f.A.s3);
    expect([d3.screens, d3.marks, d3.removed, d3.keys]).toEqual([[], [], [], null]);
  });

  it("sends a child the device holds nothing of in full, and an unreadable cursor means a full sync", async () => {
    const g1 = await f.as("a.g1");
    const first = await syncDiary(g1);
    const onlyS1 = haveOf({ ...first, children: first.children.filter((c) => c.id === f.A.s1) });
    const delta = await syncDiary(g1, { since: first.serverTime, have: onlyS1 });
    const d3 = childOf(delta, f.A.s3);
    expect(d3.fullMarks).toBe(true);
    expect(d3.screens.map((s) => s.key)).toEqual(childOf(first, f.A.s3).keys);
    expect(d3.keys).toEqual(childOf(first, f.A.s3).keys);
    expect(d3.marks.map((m) => m.symbol)).toEqual(["4"]);
    expect(childOf(delta, f.A.s1).screens).toEqual([]);
    expect((await syncDiary(g1, { since: "вчера", have: haveOf(first) })).full).toBe(true);
  });

  it("reads `have` from the address and from the body alike, leaving out malformed entries", () => {
    const h = "a".repeat(22);
    const fromText = parseHave(`${f.A.s1}/week:${h},junk,${f.A.s1}/x:short,../etc:${"b".repeat(22)}`);
    expect([...fromText.screens.keys()]).toEqual([f.A.s1]);
    expect([...(fromText.screens.get(f.A.s1)?.keys() ?? [])]).toEqual(["week"]);
    expect(fromText.exact).toBe(false);
    const fromBody = parseHave({ [f.A.s1]: { week: h, "marks-x-list": h }, "../etc": { week: h } });
    expect([...fromBody.screens.keys()]).toEqual([f.A.s1]);
    expect(fromBody.exact).toBe(false);
    expect(parseHave({ [f.A.s1]: { week: h, [`day-${f.today}`]: h } })).toEqual({ screens: new Map([[f.A.s1, new Map([["week", h], [`day-${f.today}`, h]])]]), exact: true });
  });
});

describe("who gets what", () => {
  it("another school's guardian gets only their own child, whatever ids they send", async () => {
    const bg = await f.as("b.g");
    const a = await syncDiary(bg, { since: new Date().toISOString(), have: { [f.A.s1]: { week: "a".repeat(22) } } });
    expect(a.children.map((c) => c.id)).toEqual([f.B.sB]);
    expect(JSON.stringify(a)).not.toContain(f.A.s1);
  });

  it("a teacher and an administrator are refused", async () => {
    expect(await outcome(syncDiary(await f.as("a.math")))).toBe("FORBIDDEN");
    expect(await outcome(syncDiary(await f.as("b.teacher")))).toBe("FORBIDDEN");
    expect(await outcome(syncDiary(await f.as("a.admin")))).toBe("FORBIDDEN");
  });

  it("a guardian gets only the children with a current consent: after a withdrawal the child is gone from the answer", async () => {
    const g1 = await f.as("a.g1");
    await withdrawConsent(g1, { studentId: f.A.s3, ip: "10.0.0.9", userAgent: "Mozilla/5.0 (тест)" });
    const a = await syncDiary(await f.as("a.g1"));
    expect(a.children.map((c) => c.id)).toEqual([f.A.s1]);
    expect(JSON.stringify(a)).not.toContain(f.A.s3);
  });
});
