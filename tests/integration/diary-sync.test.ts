/**
 * The family's diary for the device on a real database (issue 7, items 2–3): the first
 * sync has every screen of each child and the year's marks; a delta after a mark is
 * corrected brings that mark, after a mark is removed its id, and leaves out the screens
 * that did not change; nothing changed → nothing sent. Only one's own consented
 * children; another school's guardian and a teacher get nothing of school A.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { outcome } from "../support/refusal";
import { parseHave, screenHash, syncDiary, type SyncAnswer, type SyncChild } from "../../lib/diary/sync";
import { readDiaryWeek } from "../../lib/diary/week";
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

/** what the device would send back: every hash it holds */
function haveOf(a: SyncAnswer): string {
  return a.children.flatMap((c) => Object.entries(c.hashes).map(([k, h]) => `${c.id}/${k}:${h}`)).join(",");
}

const SCREENS = ["class", "holidays", "homework", `marks-${"<year>"}`, "recommendations", "results", "tests", "week", "week-next"];

describe("the first sync", () => {
  it("has every screen of each of the guardian's children, hashed, and the year's marks", async () => {
    const a = await syncDiary(await f.as("a.g1"));
    expect(a.full).toBe(true);
    expect(a.children.map((c) => c.id).sort()).toEqual([f.A.s1, f.A.s3].sort());
    for (const c of a.children) {
      expect(c.screens.map((s) => s.key).sort()).toEqual(SCREENS.map((k) => k.replace("<year>", yearPeriod)).sort());
      for (const s of c.screens) expect(c.hashes[s.key]).toBe(s.hash);
      expect(c.fullMarks).toBe(true);
      expect(c.removed).toEqual([]);
    }
    const s1 = childOf(a, f.A.s1);
    expect(s1.marks.map((m) => [m.subjectName, m.symbol, m.workType, m.weight, m.date]).sort()).toEqual([
      ["Математика", "5", "Работа на уроке", "1", f.today],
      ["Русский язык", "4", "Работа на уроке", "1", f.today],
    ]);
    // the week is the very DTO the diary's page renders
    const week = s1.screens.find((s) => s.key === "week");
    expect(week?.data).toEqual(await readDiaryWeek(await f.as("a.g1"), f.A.s1, f.today));
    expect(week?.hash).toBe(screenHash(week?.data));
    // the cursor: the time of the read less ten seconds of overlap
    expect(Date.parse(a.serverTime) - Date.parse(a.version)).toBe(10_000);
  });

  it("a student gets their own diary only", async () => {
    const a = await syncDiary(await f.as("a.s1"));
    expect(a.children.map((c) => c.id)).toEqual([f.A.s1]);
  });
});

describe("a delta", () => {
  it("with nothing changed since the read, sends no mark and no screen but lists every hash", async () => {
    const g1 = await f.as("a.g1");
    const first = await syncDiary(g1);
    const delta = await syncDiary(g1, { since: first.serverTime, have: haveOf(first) });
    expect(delta.full).toBe(false);
    for (const c of delta.children) {
      expect(c.screens).toEqual([]);
      expect(c.marks).toEqual([]);
      expect(c.removed).toEqual([]);
      expect(c.fullMarks).toBe(false);
      expect(c.hashes).toEqual(childOf(first, c.id).hashes);
    }
  });

  it("after a mark is corrected brings that mark and only the screens that show it; after a removal, its id", async () => {
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
    // the week and the year's marks show marks; homework, tests, teachers, holidays… did not change
    expect(d1.screens.map((s) => s.key).sort()).toEqual([`marks-${yearPeriod}`, "week"]);
    const marksPage = d1.screens.find((s) => s.key === `marks-${yearPeriod}`)?.data as { subjects: { subjectName: string; average: { text: string } | null }[] };
    expect(marksPage.subjects.find((s) => s.subjectName === "Математика")?.average?.text).toBe("3,00");
    // the other child: nothing at all
    const d3 = childOf(delta, f.A.s3);
    expect([d3.screens, d3.marks, d3.removed]).toEqual([[], [], []]);
  });

  it("sends a child the device holds nothing of in full, and an unreadable cursor means a full sync", async () => {
    const g1 = await f.as("a.g1");
    const first = await syncDiary(g1);
    const onlyS1 = haveOf({ ...first, children: first.children.filter((c) => c.id === f.A.s1) });
    const delta = await syncDiary(g1, { since: first.serverTime, have: onlyS1 });
    const d3 = childOf(delta, f.A.s3);
    expect(d3.fullMarks).toBe(true);
    expect(d3.screens).toHaveLength(SCREENS.length);
    expect(d3.marks.map((m) => m.symbol)).toEqual(["4"]);
    expect(childOf(delta, f.A.s1).screens).toEqual([]);
    expect((await syncDiary(g1, { since: "вчера", have: haveOf(first) })).full).toBe(true);
  });

  it("ignores malformed `have` entries", () => {
    const have = parseHave(`${f.A.s1}/week:${"a".repeat(22)},junk,${f.A.s1}/x:short,../etc:${"b".repeat(22)}`);
    expect([...have.keys()]).toEqual([f.A.s1]);
    expect([...(have.get(f.A.s1)?.keys() ?? [])]).toEqual(["week"]);
  });
});

describe("who gets what", () => {
  it("another school's guardian gets only their own child, whatever ids they send", async () => {
    const bg = await f.as("b.g");
    const a = await syncDiary(bg, { since: new Date().toISOString(), have: `${f.A.s1}/week:${"a".repeat(22)}` });
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
