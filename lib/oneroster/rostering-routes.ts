/**
 * The rostering service's route table: all 41 GET operations of the official document
 * (onerosterv1p2rostersservice_openapi3_v1p0.json), each with the scopes its `security`
 * lists and the envelope property of its response schema.
 *
 * Every handler reads from one per-request Roster (rostering.ts), already limited to the
 * caller's school and, for a diary service, to the children it may see; so an id of a
 * hidden child, of another school or of the wrong kind (a teacher at /students/{id}) is
 * simply not found: unknownobject, 404. The relationship routes list only current
 * memberships (active enrollments) — a student who moved to another class is no longer
 * among the first class's students, though the ended enrollment is still listed.
 */
import { SCOPE } from "./caller";
import { OneRosterError } from "./errors";
import type { CollectionRoute, ObjectRoute, RouteContext, RouteTable } from "./http";
import type { FieldTree } from "./query";
import { openRoster, ROSTERING_BASE, type Enrollment, type Roster, type User } from "./rostering";
import { ACADEMIC_SESSION_FIELDS, CLASS_FIELDS, COURSE_FIELDS, DEMOGRAPHICS_FIELDS, ENROLLMENT_FIELDS, ORG_FIELDS, USER_FIELDS } from "./rostering/fields";

const CORE = [SCOPE.roster, SCOPE.rosterCore] as const;
const FULL = [SCOPE.roster] as const;
const DEMOGRAPHICS = [SCOPE.rosterDemographics] as const;

type Lister = (r: Roster, p: Readonly<Record<string, string>>) => Promise<readonly object[]>;
type Getter = (r: Roster, p: Readonly<Record<string, string>>) => Promise<object>;

function collection(pattern: string, operationId: string, scopes: readonly string[], property: string, fields: FieldTree, list: Lister): CollectionRoute {
  return { method: "GET", kind: "collection", pattern, operationId, scopes, property, fields, list: (ctx: RouteContext) => list(openRoster(ctx.caller), ctx.params) };
}

function object(pattern: string, operationId: string, scopes: readonly string[], property: string, fields: FieldTree, get: Getter): ObjectRoute {
  return { method: "GET", kind: "object", pattern, operationId, scopes, property, fields, get: (ctx: RouteContext) => get(openRoster(ctx.caller), ctx.params) };
}

/** The object with this id among those of the right kind, or unknownobject. */
function find<T extends { sourcedId: string }>(list: readonly T[], id: string | undefined, what: string, ok: (o: T) => boolean = () => true): T {
  const hit = list.find((o) => o.sourcedId === id && ok(o));
  if (!hit) throw new OneRosterError("unknownobject", `There is no ${what} with sourcedId "${(id ?? "").slice(0, 80)}".`);
  return hit;
}

const isStudent = (u: User) => u.roles.some((r) => r.role === "student");
const isTeacher = (u: User) => u.roles.some((r) => r.role === "teacher");
const isTerm = (s: { type: string }) => s.type === "term";
const isGradingPeriod = (s: { type: string }) => s.type === "gradingPeriod";

/** Users with a current enrollment of this role in the class, in the users' order. */
async function enrolledUsers(r: Roster, classId: string, role: Enrollment["role"]): Promise<User[]> {
  const [users, enrollments] = await Promise.all([r.users(), r.enrollments()]);
  const ids = new Set(enrollments.filter((e) => e.class.sourcedId === classId && e.role === role && e.status === "active").map((e) => e.user.sourcedId));
  return users.filter((u) => ids.has(u.sourcedId));
}

/** Classes in which the user has a current enrollment. */
async function classesOf(r: Roster, userId: string) {
  const [classes, enrollments] = await Promise.all([r.classes(), r.enrollments()]);
  const ids = new Set(enrollments.filter((e) => e.user.sourcedId === userId && e.status === "active").map((e) => e.class.sourcedId));
  return classes.filter((c) => ids.has(c.sourcedId));
}

async function school(r: Roster, id: string | undefined) {
  return find(await r.orgs(), id, "school", (o) => o.type === "school");
}

/** The class of the school (the path names both; a class of another school is unknown). */
async function classInSchool(r: Roster, p: Readonly<Record<string, string>>) {
  const s = await school(r, p["schoolSourcedId"]);
  return find(await r.classes(), p["classSourcedId"], "class in this school", (c) => c.school.sourcedId === s.sourcedId);
}

export const ROSTERING_ROUTES: RouteTable = {
  service: { name: "rostering", base: ROSTERING_BASE },
  routes: [
    // ── academic sessions ──
    collection("/academicSessions", "getAllAcademicSessions", CORE, "academicSessions", ACADEMIC_SESSION_FIELDS, (r) => r.academicSessions()),
    object("/academicSessions/{sourcedId}", "getAcademicSession", CORE, "academicSession", ACADEMIC_SESSION_FIELDS, async (r, p) =>
      find(await r.academicSessions(), p["sourcedId"], "academic session"),
    ),
    collection("/terms", "getAllTerms", CORE, "academicSessions", ACADEMIC_SESSION_FIELDS, (r) => r.terms()),
    object("/terms/{sourcedId}", "getTerm", CORE, "academicSession", ACADEMIC_SESSION_FIELDS, async (r, p) => find(await r.terms(), p["sourcedId"], "term", isTerm)),
    collection("/terms/{termSourcedId}/classes", "getClassesForTerm", FULL, "classes", CLASS_FIELDS, async (r, p) => {
      const term = find(await r.terms(), p["termSourcedId"], "term", isTerm);
      return (await r.classes()).filter((c) => c.terms.some((t) => t.sourcedId === term.sourcedId));
    }),
    collection("/terms/{termSourcedId}/gradingPeriods", "getGradingPeriodsForTerm", FULL, "academicSessions", ACADEMIC_SESSION_FIELDS, async (r, p) => {
      const term = find(await r.terms(), p["termSourcedId"], "term", isTerm);
      return (await r.gradingPeriods()).filter((g) => g.parent?.sourcedId === term.sourcedId);
    }),
    collection("/gradingPeriods", "getAllGradingPeriods", CORE, "academicSessions", ACADEMIC_SESSION_FIELDS, (r) => r.gradingPeriods()),
    object("/gradingPeriods/{sourcedId}", "getGradingPeriod", CORE, "academicSession", ACADEMIC_SESSION_FIELDS, async (r, p) =>
      find(await r.gradingPeriods(), p["sourcedId"], "grading period", isGradingPeriod),
    ),

    // ── classes ──
    collection("/classes", "getAllClasses", CORE, "classes", CLASS_FIELDS, (r) => r.classes()),
    object("/classes/{sourcedId}", "getClass", CORE, "class", CLASS_FIELDS, async (r, p) => find(await r.classes(), p["sourcedId"], "class")),
    collection("/classes/{classSourcedId}/students", "getStudentsForClass", FULL, "users", USER_FIELDS, async (r, p) => {
      const c = find(await r.classes(), p["classSourcedId"], "class");
      return enrolledUsers(r, c.sourcedId, "student");
    }),
    collection("/classes/{classSourcedId}/teachers", "getTeachersForClass", FULL, "users", USER_FIELDS, async (r, p) => {
      const c = find(await r.classes(), p["classSourcedId"], "class");
      return enrolledUsers(r, c.sourcedId, "teacher");
    }),

    // ── courses ──
    collection("/courses", "getAllCourses", CORE, "courses", COURSE_FIELDS, (r) => r.courses()),
    object("/courses/{sourcedId}", "getCourse", CORE, "course", COURSE_FIELDS, async (r, p) => find(await r.courses(), p["sourcedId"], "course")),
    collection("/courses/{courseSourcedId}/classes", "getClassesForCourse", FULL, "classes", CLASS_FIELDS, async (r, p) => {
      const course = find(await r.courses(), p["courseSourcedId"], "course");
      return (await r.classes()).filter((c) => c.course.sourcedId === course.sourcedId);
    }),

    // ── demographics ──
    collection("/demographics", "getAllDemographics", DEMOGRAPHICS, "demographics", DEMOGRAPHICS_FIELDS, (r) => r.demographics()),
    object("/demographics/{sourcedId}", "getDemographics", DEMOGRAPHICS, "demographics", DEMOGRAPHICS_FIELDS, async (r, p) =>
      find(await r.demographics(), p["sourcedId"], "demographics record"),
    ),

    // ── enrollments ──
    collection("/enrollments", "getAllEnrollments", CORE, "enrollments", ENROLLMENT_FIELDS, (r) => r.enrollments()),
    object("/enrollments/{sourcedId}", "getEnrollment", CORE, "enrollment", ENROLLMENT_FIELDS, async (r, p) => find(await r.enrollments(), p["sourcedId"], "enrollment")),

    // ── orgs and schools ──
    collection("/orgs", "getAllOrgs", CORE, "orgs", ORG_FIELDS, (r) => r.orgs()),
    object("/orgs/{sourcedId}", "getOrg", CORE, "org", ORG_FIELDS, async (r, p) => find(await r.orgs(), p["sourcedId"], "org")),
    collection("/schools", "getAllSchools", CORE, "orgs", ORG_FIELDS, async (r) => (await r.orgs()).filter((o) => o.type === "school")),
    object("/schools/{sourcedId}", "getSchool", CORE, "org", ORG_FIELDS, (r, p) => school(r, p["sourcedId"])),
    collection("/schools/{schoolSourcedId}/classes", "getClassesForSchool", FULL, "classes", CLASS_FIELDS, async (r, p) => {
      const s = await school(r, p["schoolSourcedId"]);
      return (await r.classes()).filter((c) => c.school.sourcedId === s.sourcedId);
    }),
    collection("/schools/{schoolSourcedId}/classes/{classSourcedId}/enrollments", "getEnrollmentsForClassInSchool", FULL, "enrollments", ENROLLMENT_FIELDS, async (r, p) => {
      const c = await classInSchool(r, p);
      return (await r.enrollments()).filter((e) => e.class.sourcedId === c.sourcedId);
    }),
    collection("/schools/{schoolSourcedId}/classes/{classSourcedId}/students", "getStudentsForClassInSchool", FULL, "users", USER_FIELDS, async (r, p) =>
      enrolledUsers(r, (await classInSchool(r, p)).sourcedId, "student"),
    ),
    collection("/schools/{schoolSourcedId}/classes/{classSourcedId}/teachers", "getTeachersForClassInSchool", FULL, "users", USER_FIELDS, async (r, p) =>
      enrolledUsers(r, (await classInSchool(r, p)).sourcedId, "teacher"),
    ),
    collection("/schools/{schoolSourcedId}/courses", "getCoursesForSchool", FULL, "courses", COURSE_FIELDS, async (r, p) => {
      const s = await school(r, p["schoolSourcedId"]);
      return (await r.courses()).filter((c) => c.org.sourcedId === s.sourcedId);
    }),
    collection("/schools/{schoolSourcedId}/enrollments", "getEnrollmentsForSchool", FULL, "enrollments", ENROLLMENT_FIELDS, async (r, p) => {
      const s = await school(r, p["schoolSourcedId"]);
      return (await r.enrollments()).filter((e) => e.school.sourcedId === s.sourcedId);
    }),
    collection("/schools/{schoolSourcedId}/students", "getStudentsForSchool", FULL, "users", USER_FIELDS, async (r, p) => {
      const s = await school(r, p["schoolSourcedId"]);
      return (await r.users()).filter((u) => isStudent(u) && u.roles.some((x) => x.org.sourcedId === s.sourcedId));
    }),
    collection("/schools/{schoolSourcedId}/teachers", "getTeachersForSchool", FULL, "users", USER_FIELDS, async (r, p) => {
      const s = await school(r, p["schoolSourcedId"]);
      return (await r.users()).filter((u) => u.roles.some((x) => x.role === "teacher" && x.org.sourcedId === s.sourcedId));
    }),
    collection("/schools/{schoolSourcedId}/terms", "getTermsForSchool", FULL, "academicSessions", ACADEMIC_SESSION_FIELDS, async (r, p) => {
      await school(r, p["schoolSourcedId"]);
      return r.terms();
    }),

    // ── users ──
    collection("/users", "getAllUsers", CORE, "users", USER_FIELDS, (r) => r.users()),
    object("/users/{sourcedId}", "getUser", CORE, "user", USER_FIELDS, async (r, p) => find(await r.users(), p["sourcedId"], "user")),
    collection("/users/{userSourcedId}/classes", "getClassesForUser", FULL, "classes", CLASS_FIELDS, async (r, p) => {
      const u = find(await r.users(), p["userSourcedId"], "user");
      return classesOf(r, u.sourcedId);
    }),
    collection("/students", "getAllStudents", CORE, "users", USER_FIELDS, async (r) => (await r.users()).filter(isStudent)),
    object("/students/{sourcedId}", "getStudent", CORE, "user", USER_FIELDS, async (r, p) => find(await r.users(), p["sourcedId"], "student", isStudent)),
    collection("/students/{studentSourcedId}/classes", "getClassesForStudent", FULL, "classes", CLASS_FIELDS, async (r, p) => {
      const u = find(await r.users(), p["studentSourcedId"], "student", isStudent);
      return classesOf(r, u.sourcedId);
    }),
    collection("/teachers", "getAllTeachers", CORE, "users", USER_FIELDS, async (r) => (await r.users()).filter(isTeacher)),
    object("/teachers/{sourcedId}", "getTeacher", CORE, "user", USER_FIELDS, async (r, p) => find(await r.users(), p["sourcedId"], "teacher", isTeacher)),
    collection("/teachers/{teacherSourcedId}/classes", "getClassesForTeacher", FULL, "classes", CLASS_FIELDS, async (r, p) => {
      const u = find(await r.users(), p["teacherSourcedId"], "teacher", isTeacher);
      return classesOf(r, u.sourcedId);
    }),
  ],
};
