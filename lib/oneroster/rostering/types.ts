/**
 * The OneRoster 1.2 rostering objects as this provider builds them: the subset of the
 * official document's fields the journal has data for (contacts never among them). The
 * integration test validates every answer against the document itself, so these types
 * only have to keep our own code honest.
 */

export type Status = "active" | "tobedeleted";

export type GUIDRef<T extends string> = { href: string; sourcedId: string; type: T };

type Base = { sourcedId: string; status: Status; dateLastModified: string; metadata?: Record<string, unknown> };

export type Org = Base & { name: string; type: "school"; identifier: string };

export type AcademicSession = Base & {
  title: string;
  startDate: string;
  endDate: string;
  type: "term" | "gradingPeriod";
  parent?: GUIDRef<"academicSession">;
  children?: GUIDRef<"academicSession">[];
  schoolYear: string;
};

export type Course = Base & {
  title: string;
  courseCode: string;
  grades: string[];
  subjects?: string[];
  org: GUIDRef<"org">;
};

export type RosterClass = Base & {
  title: string;
  classCode: string;
  classType: "homeroom" | "scheduled";
  location?: string;
  grades: string[];
  subjects?: string[];
  course: GUIDRef<"course">;
  school: GUIDRef<"org">;
  terms: GUIDRef<"academicSession">[];
};

export type UserRole = "student" | "teacher" | "siteAdministrator" | "parent" | "guardian" | "relative";

export type Role = { roleType: "primary" | "secondary"; role: UserRole; org: GUIDRef<"org"> };

export type User = Base & {
  enabledUser: "true" | "false";
  givenName: string;
  familyName: string;
  middleName?: string;
  roles: Role[];
  primaryOrg: GUIDRef<"org">;
  agents: GUIDRef<"user">[];
  grades?: string[];
};

export type Enrollment = Base & {
  user: GUIDRef<"user">;
  class: GUIDRef<"class">;
  school: GUIDRef<"org">;
  role: "student" | "teacher";
  primary: "true" | "false";
  beginDate?: string;
  endDate?: string;
};

export type Demographics = Base & { birthDate: string; sex: "male" | "female" };

/** Everything the rostering service gives one caller, by the CSV binding's file names. */
export type RosterCollections = {
  orgs: Org[];
  academicSessions: AcademicSession[];
  courses: Course[];
  classes: RosterClass[];
  users: User[];
  enrollments: Enrollment[];
  demographics: Demographics[];
};
