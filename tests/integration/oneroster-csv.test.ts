/**
 * The OneRoster 1.2 CSV exchange on the demo school (issue 9): its bulk export, imported
 * into an empty second school by that school's administrator, exports again as the same
 * roster files — apart from the school's own id, which is each school's, and its name in
 * orgs.csv (the package's one school is read as «us»). Importing the same package twice
 * changes nothing; a delta after one change holds just that person; a broken package is
 * refused with the file, line and column named and not a row written.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { seedDemoSchool } from "../../prisma/seed/demo-school";
import { loadPrincipal } from "../../lib/auth/load-principal";
import type { Principal } from "../../lib/auth/principal";
import { SCOPE, type ApiCaller } from "../../lib/oneroster/caller";
import { exportOneRosterCsv } from "../../lib/oneroster/csv/export";
import { importOneRosterCsv } from "../../lib/oneroster/csv/import";
import { ROSTER_FILES } from "../../lib/oneroster/csv/columns";

let t: TestDb;
let demoId: string;
let bulk: Uint8Array;

const toolOf = (schoolId: string): ApiCaller => ({ schoolId, apiClientId: "", name: "test", kind: "SCHOOL_TOOL", scopes: Object.values(SCOPE) });

async function files(zip: Uint8Array): Promise<Map<string, string>> {
  const z = await JSZip.loadAsync(zip);
  const out = new Map<string, string>();
  for (const f of Object.values(z.files)) out.set(f.name, await f.async("string"));
  return out;
}

async function rezip(zip: Uint8Array, change: (name: string, text: string) => string): Promise<Uint8Array> {
  const z = await JSZip.loadAsync(zip);
  const out = new JSZip();
  for (const f of Object.values(z.files)) out.file(f.name, change(f.name, await f.async("string")));
  return out.generateAsync({ type: "uint8array" });
}

/** A new school with nothing in it but its administrator, signed in. */
async function emptySchool(name: string): Promise<Principal> {
  const s = await t.db.school.create({ data: { name, shortName: name, address: "г. Сургут", region: "ХМАО — Югра", timeZone: "Asia/Yekaterinburg" } });
  const st = await t.db.staff.create({ data: { schoolId: s.id, lastName: "Админова", firstName: "Анна", position: "директор", roles: ["ADMIN"] } });
  const u = await t.db.user.create({ data: { schoolId: s.id, login: `admin-${s.id}`, kind: "ADMIN", staffId: st.id } });
  const p = await loadPrincipal(u.id, u.sessionVersion);
  if (!p) throw new Error("no principal");
  return p;
}

/** Rows of the school in every table the import writes. */
async function counts(schoolId: string) {
  const where = { schoolId };
  return {
    years: await t.db.academicYear.count({ where }),
    periods: await t.db.period.count({ where }),
    subjects: await t.db.subject.count({ where }),
    cohorts: await t.db.cohort.count({ where }),
    items: await t.db.curriculumItem.count({ where }),
    teachers: await t.db.curriculumTeacher.count({ where }),
    students: await t.db.student.count({ where }),
    staff: await t.db.staff.count({ where }),
    guardians: await t.db.guardian.count({ where }),
    guardianships: await t.db.guardianship.count({ where }),
    memberships: await t.db.cohortMembership.count({ where }),
    runs: await t.db.importRun.count({ where }),
  };
}

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  demoId = (await seedDemoSchool(t.db, { today: new Date() })).schoolId;
  bulk = await exportOneRosterCsv(toolOf(demoId));
});
afterAll(async () => {
  await t?.close();
});

describe("OneRoster CSV export", () => {
  it("is a 1.2 bulk package with the binding's headers, and the same bytes twice", async () => {
    const f = await files(bulk);
    const manifest = f.get("manifest.csv") ?? "";
    expect(manifest.split("\r\n")).toEqual(expect.arrayContaining(["manifest.version,1.0", "oneroster.version,1.2", "file.users,bulk", "file.roles,bulk", "file.results,bulk", "file.userProfiles,absent"]));
    expect(f.get("users.csv")?.split("\r\n")[0]).toBe(
      "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
    );
    // bulk: no status, no dateLastModified
    const student = (f.get("users.csv") ?? "").split("\r\n")[1] ?? "";
    expect(student.split(",").slice(1, 3)).toEqual(["", ""]);
    expect(Buffer.from(await exportOneRosterCsv(toolOf(demoId))).equals(Buffer.from(bulk))).toBe(true);
  });
});

describe("OneRoster CSV round trip", () => {
  let admin: Principal;

  beforeAll(async () => {
    admin = await emptySchool("Школа-приёмник");
  });

  it("sets up an empty school that exports the same roster", async () => {
    const report = await importOneRosterCsv(admin, bulk, { dryRun: false });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe("APPLIED");
    expect(report.counts.created).toBeGreaterThan(100);

    const again = await files(await exportOneRosterCsv(toolOf(admin.schoolId)));
    const first = await files(bulk);
    // the receiving school's own administrator was there before the import
    const own = admin.staffId ?? "";
    const withoutOwn = (text: string | undefined) => (text ?? "").split("\r\n").filter((l) => !l.startsWith(own)).join("\r\n");
    for (const file of ROSTER_FILES.map((f) => `${f}.csv`)) {
      if (file === "orgs.csv" || !first.has(file)) continue;
      expect(withoutOwn(again.get(file)), file).toBe(first.get(file)?.replaceAll(demoId, admin.schoolId));
    }
    // orgs.csv: the importing school itself, with its own id and name
    expect(again.get("orgs.csv")?.split("\r\n")[1]).toBe(`${admin.schoolId},,,Школа-приёмник,school,Школа-приёмник,`);
  });

  it("changes nothing when the same package is imported again", async () => {
    const before = await counts(admin.schoolId);
    const report = await importOneRosterCsv(admin, bulk, { dryRun: false });
    expect(report.status).toBe("APPLIED");
    expect(report.counts).toMatchObject({ created: 0, updated: 0 });
    expect(await counts(admin.schoolId)).toEqual({ ...before, runs: before.runs + 1 });
  });

  it("a dry run checks and writes nothing", async () => {
    const other = await emptySchool("Школа-проверка");
    const before = await counts(other.schoolId);
    const report = await importOneRosterCsv(other, bulk, { dryRun: true });
    expect(report.status).toBe("CHECKED");
    expect(report.counts.created).toBeGreaterThan(100);
    expect(await counts(other.schoolId)).toEqual(before);
  });
});

describe("OneRoster CSV delta", () => {
  it("after one change holds just that person", async () => {
    const since = new Date();
    await new Promise((r) => setTimeout(r, 5));
    const student = await t.db.student.findFirstOrThrow({ where: { schoolId: demoId, leftAt: null }, orderBy: { id: "asc" } });
    await t.db.student.update({ where: { schoolId_id: { schoolId: demoId, id: student.id } }, data: { firstName: "Переименованный" } });
    const f = await files(await exportOneRosterCsv(toolOf(demoId), { since }));
    const users = (f.get("users.csv") ?? "").trim().split("\r\n");
    expect(users).toHaveLength(2);
    expect(users[1]).toMatch(new RegExp(`^${student.id},active,\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z,true,,,Переименованный,`));
    expect(f.get("manifest.csv")).toContain("file.users,delta");
    expect(f.get("manifest.csv")).toContain("file.classes,absent");
    expect(f.has("classes.csv")).toBe(false);
  });
});

describe("OneRoster CSV refusals", () => {
  let admin: Principal;
  beforeAll(async () => {
    admin = await emptySchool("Школа-для-ошибок");
  });

  async function refused(zip: Uint8Array) {
    const before = await counts(admin.schoolId);
    const report = await importOneRosterCsv(admin, zip, { dryRun: false });
    expect(report.status).toBe("REJECTED");
    const after = await counts(admin.schoolId);
    // nothing written but the run's log line
    expect(after).toEqual({ ...before, runs: before.runs + 1 });
    return report.errors;
  }

  it("a missing required column", async () => {
    const zip = await rezip(bulk, (name, text) => (name === "users.csv" ? text.replace(",familyName,", ",surname,") : text));
    const errors = await refused(zip);
    expect(errors).toEqual([expect.objectContaining({ file: "users.csv", line: 1, column: "familyName", message: "В файле нет столбца «familyName»." })]);
  });

  it("an enrollment of an unknown class", async () => {
    const unknown = "01900000-0000-7000-8000-000000000000";
    let line = 0;
    const zip = await rezip(bulk, (name, text) => {
      if (name !== "enrollments.csv") return text;
      const lines = text.split("\r\n");
      const cells = (lines[5] ?? "").split(",");
      cells[3] = unknown;
      lines[5] = cells.join(",");
      line = 6;
      return lines.join("\r\n");
    });
    const errors = await refused(zip);
    expect(errors).toEqual([expect.objectContaining({ file: "enrollments.csv", line, column: "classSourcedId", value: unknown, message: "Такого класса нет ни в classes.csv, ни в школе." })]);
  });

  it("a bad date", async () => {
    let line = 0;
    const zip = await rezip(bulk, (name, text) => {
      if (name !== "academicSessions.csv") return text;
      const lines = text.split("\r\n");
      const i = lines.findIndex((l) => l.split(",")[4] === "term");
      const cells = (lines[i] ?? "").split(",");
      cells[5] = "01.09.2026";
      lines[i] = cells.join(",");
      line = i + 1;
      return lines.join("\r\n");
    });
    const errors = await refused(zip);
    expect(line).toBeGreaterThan(1);
    expect(errors).toContainEqual(expect.objectContaining({ file: "academicSessions.csv", line, column: "startDate", value: "01.09.2026", message: "Дата записана не так: нужно ГГГГ-ММ-ДД, например 2026-09-01." }));
  });
});
