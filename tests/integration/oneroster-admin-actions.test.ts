/**
 * The administrator's OneRoster screen (app/(staff)/admin/oneroster): its two actions as
 * the form calls them, with a FormData holding the uploaded ZIP. A teacher is refused and
 * nothing is logged; «Проверить» tells what would be added and which files are read, and
 * writes nothing; a broken package comes back with its mistakes (the first 500, and how
 * many in all); «Загрузить» applies the package, and the run is in the screen's history.
 *
 * Only the session is stood in for (the signed-in user of a request) and Next's cache
 * revalidation (there is no request here); the database is a real one.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { seedDemoSchool } from "../../prisma/seed/demo-school";
import { loadPrincipal } from "../../lib/auth/load-principal";
import type { Principal } from "../../lib/auth/principal";
import { SCOPE } from "../../lib/oneroster/caller";
import { exportOneRosterCsv } from "../../lib/oneroster/csv/export";
import { applyOneRosterAction, checkOneRosterAction } from "../../app/(staff)/admin/oneroster/actions";
import { listOneRosterRuns } from "../../components/admin/oneroster/import-runs";

const session = vi.hoisted(() => ({ current: null as Principal | null }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("../../lib/errors");
  const get = async () => session.current;
  return {
    getPrincipal: get,
    requirePrincipal: async () => {
      if (!session.current) throw new AppError("UNAUTHENTICATED");
      return session.current;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let t: TestDb;
let demoId: string;
let bulk: Uint8Array;

function form(bytes: Uint8Array, name = "oneroster.zip"): FormData {
  const f = new FormData();
  f.set("file", new File([bytes.slice()], name, { type: "application/zip" }));
  return f;
}

async function principalOf(userId: string): Promise<Principal> {
  const u = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
  const p = await loadPrincipal(u.id, u.sessionVersion);
  if (!p) throw new Error("no principal");
  return p;
}

/** A new school with nothing in it but its administrator. */
async function emptySchool(name: string): Promise<Principal> {
  const s = await t.db.school.create({ data: { name, shortName: name, address: "г. Сургут", region: "ХМАО — Югра", timeZone: "Asia/Yekaterinburg" } });
  const st = await t.db.staff.create({ data: { schoolId: s.id, lastName: "Админова", firstName: "Анна", position: "директор", roles: ["ADMIN"] } });
  const u = await t.db.user.create({ data: { schoolId: s.id, login: `admin-${s.id}`, kind: "ADMIN", staffId: st.id } });
  return principalOf(u.id);
}

async function written(schoolId: string) {
  const where = { schoolId };
  return {
    students: await t.db.student.count({ where }),
    cohorts: await t.db.cohort.count({ where }),
    guardians: await t.db.guardian.count({ where }),
    runs: await t.db.importRun.count({ where }),
  };
}

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  demoId = (await seedDemoSchool(t.db, { today: new Date() })).schoolId;
  bulk = await exportOneRosterCsv({ schoolId: demoId, apiClientId: "", name: "test", kind: "SCHOOL_TOOL", scopes: Object.values(SCOPE) });
});
afterAll(async () => {
  await t?.close();
});

describe("OneRoster upload actions", () => {
  it("refuse a teacher, in Russian, and log nothing", async () => {
    const teacher = await t.db.user.findFirstOrThrow({ where: { schoolId: demoId, kind: "TEACHER" } });
    session.current = await principalOf(teacher.id);
    const before = await written(demoId);
    for (const action of [checkOneRosterAction, applyOneRosterAction]) {
      const result = await action(null, form(bulk));
      expect(result).toMatchObject({ ok: false, message: "У вас нет прав на это действие." });
    }
    expect(await written(demoId)).toEqual(before);
  });

  it("ask for a file when none is chosen", async () => {
    session.current = await emptySchool("Школа без файла");
    const result = await checkOneRosterAction(null, new FormData());
    expect(result).toMatchObject({ ok: false, fieldErrors: { file: ["Выберите архив ZIP с пакетом OneRoster."] } });
  });

  it("«Проверить» tells what would be added and which files are read, and writes nothing", async () => {
    const admin = await emptySchool("Школа для проверки");
    session.current = admin;
    const before = await written(admin.schoolId);
    const result = await checkOneRosterAction(null, form(bulk, "моя-школа.zip"));
    if (!result?.ok) throw new Error(`refused: ${result?.message}`);
    expect(result.data.report).toMatchObject({ status: "CHECKED", fileName: "моя-школа.zip", errors: [] });
    expect(result.data.report.counts.created).toBeGreaterThan(100);
    const users = result.data.files.find((f) => f.file === "users.csv");
    expect(users?.loaded).toBe(true);
    expect(users?.rows).toBeGreaterThan(100);
    // marks travel in the package but are not taken from it
    expect(result.data.files.find((f) => f.file === "results.csv")?.loaded).toBe(false);
    expect(await written(admin.schoolId)).toEqual(before);
    expect(await listOneRosterRuns(admin)).toEqual([]);
  });

  it("a broken package comes back with its first 500 mistakes and how many in all, nothing written", async () => {
    const admin = await emptySchool("Школа с ошибками");
    session.current = admin;
    const before = await written(admin.schoolId);
    // 600 people without names and without roles: three mistakes each
    const zip = new JSZip();
    zip.file("manifest.csv", "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\nfile.users,bulk\r\n");
    const rows = Array.from({ length: 600 }, (_, i) => `u${i},true,,`);
    zip.file("users.csv", ["sourcedId,enabledUser,givenName,familyName", ...rows].join("\r\n"));
    const result = await checkOneRosterAction(null, form(await zip.generateAsync({ type: "uint8array" })));
    if (!result?.ok) throw new Error(`refused: ${result?.message}`);
    expect(result.data.report.status).toBe("REJECTED");
    expect(result.data.errorCount).toBe(1800);
    expect(result.data.report.errors).toHaveLength(500);
    expect(result.data.report.errors[0]).toEqual({ file: "users.csv", line: 2, column: "givenName", value: "", message: "Не заполнен столбец «givenName»." });
    expect(await written(admin.schoolId)).toEqual(before);
  });

  it("«Загрузить» applies the package and the run is listed in the history", async () => {
    const admin = await emptySchool("Школа-приёмник");
    session.current = admin;
    const result = await applyOneRosterAction(null, form(bulk, "из-журнала.zip"));
    if (!result?.ok) throw new Error(`refused: ${result?.message}`);
    expect(result.data.report.status).toBe("APPLIED");
    const after = await written(admin.schoolId);
    expect(after.students).toBeGreaterThan(100);
    expect(after.runs).toBe(1);
    const runs = await listOneRosterRuns(admin);
    expect(runs).toEqual([
      expect.objectContaining({ kind: "ONEROSTER", fileName: "из-журнала.zip", status: "APPLIED", created: result.data.report.counts.created, actor: "Админова Анна" }),
    ]);
  });
});
