/**
 * The OneRoster 1.2 CSV export of one school: the rostering objects of
 * lib/oneroster/rostering.ts and the gradebook objects of lib/oneroster/gradebook.ts —
 * the very objects the REST API answers with — written as the CSV binding's files, so the
 * file and the API never disagree.
 *
 * Bulk (no `since`): the school as it is now; every file `bulk`, `status` and
 * `dateLastModified` left empty as the binding wants, and so only what is current — a
 * student who left, an ended membership, a removed mark are not in it (a bulk file lists
 * what exists). Delta (`since`): only the objects changed after that moment, each with
 * its status (`tobedeleted` for what ended) and dateLastModified; a file with nothing
 * changed is declared absent.
 *
 * The caller decides what is in it, as on the API: its school, for a diary service only
 * the children with a consent, demographics only with the demographics scope, the
 * gradebook files only with a gradebook scope.
 */
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { db as appDb } from "@/lib/db/server";
import { env } from "@/lib/env";
import { SCOPE, type ApiCaller } from "@/lib/oneroster/caller";
import { listCategories, listLineItems, listResults, listScoreScales } from "@/lib/oneroster/gradebook";
import { rosterCollections } from "@/lib/oneroster/rostering";
import { GRADEBOOK_FILES, ROSTER_FILES, type DataFile, type Row } from "@/lib/oneroster/csv/columns";
import { schoolToday } from "@/lib/time";
import { buildPackage, cellsOf, type CsvPackageFile, type FileMode } from "@/lib/oneroster/csv/write";

type Common = { sourcedId: string; status: string; dateLastModified: string };
type Ref = { sourcedId: string };

/** A list of references, sorted: its order means nothing, and a stable one keeps the file stable. */
const ids = (refs: readonly Ref[] | undefined): string => (refs ?? []).map((r) => r.sourcedId).sort().join(",");
const join = (v: readonly string[] | undefined): string => (v ?? []).join(",");
const opt = (v: string | number | undefined | null): string => (v === undefined || v === null ? "" : String(v));

export type ExportOptions = { since?: Date | undefined; client?: Db };

/** A zip of manifest.csv and the data files; bulk without `since`, delta with it. */
export async function exportOneRosterCsv(caller: ApiCaller, options: ExportOptions = {}): Promise<Uint8Array> {
  const client = options.client ?? appDb;
  const since = options.since;
  const mode: FileMode = since ? "delta" : "bulk";
  const keep = (o: Common): boolean => (since ? Date.parse(o.dateLastModified) > since.getTime() : o.status === "active");
  const common = (o: Common) => (since ? { sourcedId: o.sourcedId, status: o.status, dateLastModified: o.dateLastModified } : { sourcedId: o.sourcedId });

  const r = await rosterCollections(caller, client);
  const users = r.users.filter(keep);
  const present = new Set(r.users.filter((u) => u.status === "active").map((u) => u.sourcedId));
  const rows: Record<DataFile, string[][]> = Object.fromEntries([...ROSTER_FILES, ...GRADEBOOK_FILES].map((f) => [f, []])) as unknown as Record<DataFile, string[][]>;
  const put = <F extends DataFile>(file: F, row: Row<F>) => rows[file].push(cellsOf(file, row));

  for (const o of r.orgs.filter(keep)) put("orgs", { ...common(o), name: o.name, type: o.type, identifier: o.identifier });
  for (const s of r.academicSessions.filter(keep)) {
    put("academicSessions", { ...common(s), title: s.title, type: s.type, startDate: s.startDate, endDate: s.endDate, parentSourcedId: opt(s.parent?.sourcedId), schoolYear: s.schoolYear });
  }
  for (const c of r.courses.filter(keep)) {
    put("courses", { ...common(c), title: c.title, courseCode: c.courseCode, grades: join(c.grades), orgSourcedId: c.org.sourcedId, subjects: join(c.subjects) });
  }
  for (const c of r.classes.filter(keep)) {
    put("classes", {
      ...common(c), title: c.title, grades: join(c.grades), courseSourcedId: c.course.sourcedId, classCode: c.classCode, classType: c.classType,
      location: opt(c.location), schoolSourcedId: c.school.sourcedId, termSourcedIds: ids(c.terms), subjects: join(c.subjects),
    });
  }
  for (const u of users) {
    put("users", {
      ...common(u), enabledUser: u.enabledUser, givenName: u.givenName, familyName: u.familyName, middleName: opt(u.middleName),
      // in a bulk file an agent who is not in it (a guardian whose children all left) is left out too
      agentSourcedIds: ids(since ? u.agents : u.agents.filter((a) => present.has(a.sourcedId))), grades: join(u.grades), primaryOrgSourcedId: u.primaryOrg.sourcedId,
    });
    // roles.csv (1.2): one row per role of the user; its id is the user's and the role's
    for (const role of u.roles) {
      put("roles", { ...common(u), sourcedId: `${u.sourcedId}.${role.role}`, userSourcedId: u.sourcedId, roleType: role.roleType, role: role.role, orgSourcedId: role.org.sourcedId });
    }
  }
  for (const e of r.enrollments.filter(keep)) {
    if (!since && !present.has(e.user.sourcedId)) continue;
    put("enrollments", {
      ...common(e), classSourcedId: e.class.sourcedId, schoolSourcedId: e.school.sourcedId, userSourcedId: e.user.sourcedId, role: e.role, primary: e.primary,
      beginDate: opt(e.beginDate), endDate: opt(e.endDate),
    });
  }
  if (caller.scopes.includes(SCOPE.rosterDemographics)) {
    for (const d of r.demographics.filter(keep)) put("demographics", { ...common(d), birthDate: d.birthDate, sex: d.sex });
  }

  const files: CsvPackageFile[] = ROSTER_FILES.map((file) => ({ file, mode, rows: rows[file] }));
  if (caller.scopes.includes(SCOPE.gradebookRead) || caller.scopes.includes(SCOPE.gradebookCore)) {
    const ctx = { db: client, caller, origin: env.APP_URL.replace(/\/+$/, "") };
    const [categories, lineItems, results, scales] = await Promise.all([listCategories(ctx), listLineItems(ctx), listResults(ctx, { kind: "all" }), listScoreScales(ctx)]);
    for (const c of categories.filter(keep)) put("categories", { ...common(c), title: c.title, weight: String(c.weight) });
    for (const l of lineItems.filter(keep)) {
      put("lineItems", {
        ...common(l), title: l.title, assignDate: l.assignDate, dueDate: l.dueDate, classSourcedId: l.class.sourcedId, categorySourcedId: l.category.sourcedId,
        academicSessionSourcedId: opt((l.gradingPeriod ?? l.academicSession)?.sourcedId), resultValueMin: opt(l.resultValueMin), resultValueMax: opt(l.resultValueMax),
        schoolSourcedId: l.school.sourcedId,
      });
    }
    for (const x of results.filter(keep)) {
      put("results", {
        ...common(x), lineItemSourcedId: x.lineItem.sourcedId, studentSourcedId: x.student.sourcedId, scoreStatus: x.scoreStatus, score: opt(x.score),
        scoreDate: x.scoreDate, comment: opt(x.comment), textScore: opt(x.textScore), classSourcedId: x.class.sourcedId,
      });
    }
    for (const s of scales.filter(keep)) {
      put("scoreScales", {
        ...common(s), title: s.title, type: s.type, courseSourcedId: s.course.sourcedId, classSourcedId: s.class.sourcedId,
        // each value as {lhs:rhs}, the list joined by commas like every list of the binding
        scoreScaleValue: s.scoreScaleValue.map((v) => `{${v.itemValueLHS}:${v.itemValueRHS}}`).join(","),
      });
    }
    files.push(...GRADEBOOK_FILES.map((file) => ({ file, mode, rows: rows[file] })));
  }
  return buildPackage(files);
}

/** Every scope: the administrator's own export sees the whole school, as a school tool does. */
export function adminCaller(schoolId: string, name: string): ApiCaller {
  return { schoolId, apiClientId: "", name, kind: "SCHOOL_TOOL", scopes: Object.values(SCOPE) };
}

/**
 * The administrator's download: the whole school (every scope), bulk or since a moment,
 * named after the school and the day. Only an administrator may take it: it holds every
 * child's name and birth date.
 */
export async function adminOneRosterExport(p: Principal, since?: Date): Promise<{ fileName: string; asciiName: string; body: Uint8Array }> {
  assertCan(p, "school.manage");
  const school = await appDb.school.findUniqueOrThrow({ where: { id: p.schoolId }, select: { shortName: true } });
  const body = await exportOneRosterCsv(adminCaller(p.schoolId, p.displayName), { since });
  const day = schoolToday(p.timeZone);
  const name = school.shortName.replace(/[\\/:*?"<>|\s]+/g, "-").replace(/^-+|-+$/g, "") || "school";
  return { fileName: `oneroster-${name}-${day}.zip`, asciiName: `oneroster-${p.schoolId.slice(0, 8)}-${day}.zip`, body };
}
