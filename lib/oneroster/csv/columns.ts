/**
 * The OneRoster 1.2 CSV binding: which files a package holds and the header of each, in
 * the binding's order. The exporter writes exactly these columns and the importer
 * checks a file's header against them, so both sides read the same table.
 *
 * Where the lists come from: 1EdTech «OneRoster: CSV Binding 1.2.1» (Final Release,
 * 22 August 2023, https://www.imsglobal.org/spec/oneroster/v1p2/bind/csv), section
 * «CSV Format», one table per file. The public page could only be read in part here, so
 * each list was checked against two transcriptions of those tables: the canonical header
 * tables of the open-source package LongsightGroup/oneroster
 * (src/one-roster-csv-rostering-schema.ts, src/one-roster-csv-gradebook-schema.ts: «Spec-
 * defined headers … in exact order», «corrected OneRoster CSV Binding 1.2.1») and the
 * ManageBac «OneRoster 1.2 CSV Custom Specification» (guide.fariaedu.com, one page per
 * file, same order). Field names agree with the JSON schemas of the REST binding
 * (tests/fixtures/oneroster/onerosterv1p2rostersservice_openapi3_v1p0.json): user.roles
 * became roles.csv, user.primaryOrg → primaryOrgSourcedId, lists of references are
 * «…SourcedIds».
 *
 * Formats (binding, «CSV Format»): UTF-8, RFC 4180 with no line break inside a field; the
 * header row always present; dates YYYY-MM-DD; date-times ISO 8601 in UTC
 * (2026-09-01T08:30:00.000Z); a list is its items joined by commas inside one quoted
 * field; booleans `true` / `false`; `status` and `dateLastModified` are empty in a bulk
 * file and required in a delta file. manifest.csv has the header `propertyName,value` and
 * rows manifest.version = 1.0, oneroster.version = 1.2, file.<name> = bulk | delta |
 * absent for every data file of the binding, source.systemName, source.systemCode.
 */

export const ROSTER_COLUMNS = {
  academicSessions: ["sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"],
  orgs: ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
  courses: ["sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"],
  classes: [
    "sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds",
    "subjects", "subjectCodes", "periods",
  ],
  users: [
    "sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
    "agentSourcedIds", "grades", "password", "userMasterIdentifier", "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns",
  ],
  roles: ["sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId"],
  enrollments: ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"],
  demographics: [
    "sourcedId", "status", "dateLastModified", "birthDate", "sex", "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander",
    "white", "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus",
  ],
  userProfiles: ["sourcedId", "status", "dateLastModified", "userSourcedId", "profileType", "vendorId", "applicationId", "description", "credentialType", "username", "password"],
} as const;

export const GRADEBOOK_COLUMNS = {
  categories: ["sourcedId", "status", "dateLastModified", "title", "weight"],
  lineItems: [
    "sourcedId", "status", "dateLastModified", "title", "description", "assignDate", "dueDate", "classSourcedId", "categorySourcedId", "academicSessionSourcedId",
    "resultValueMin", "resultValueMax", "schoolSourcedId",
  ],
  results: [
    "sourcedId", "status", "dateLastModified", "lineItemSourcedId", "studentSourcedId", "scoreStatus", "score", "scoreDate", "comment", "textScore", "classSourcedId",
    "inProgress", "incomplete", "late", "missing",
  ],
  scoreScales: ["sourcedId", "status", "dateLastModified", "title", "type", "orgSourcedId", "courseSourcedId", "classSourcedId", "scoreScaleValue"],
} as const;

export const COLUMNS = { ...ROSTER_COLUMNS, ...GRADEBOOK_COLUMNS } as const;

export type RosterFile = keyof typeof ROSTER_COLUMNS;
export type GradebookFile = keyof typeof GRADEBOOK_COLUMNS;
export type DataFile = RosterFile | GradebookFile;
export type Row<F extends DataFile> = Partial<Record<(typeof COLUMNS)[F][number], string>>;

/**
 * Every data file the binding names, in the order the manifest lists them; the ones this
 * journal never writes (resources, learning objectives, the score-scale links) are
 * declared `absent`, which a strict reader requires.
 */
export const MANIFEST_FILES = [
  "academicSessions", "categories", "classes", "classResources", "courseResources", "courses", "demographics", "enrollments", "lineItemLearningObjectiveIds",
  "lineItems", "lineItemScoreScales", "orgs", "resources", "resultLearningObjectiveIds", "results", "resultScoreScales", "roles", "scoreScales", "userProfiles",
  "userResources", "users",
] as const;

export const ROSTER_FILES = Object.keys(ROSTER_COLUMNS) as RosterFile[];
export const GRADEBOOK_FILES = Object.keys(GRADEBOOK_COLUMNS) as GradebookFile[];

export const fileName = (f: string): string => `${f}.csv`;

/** What the manifest names our system by (source.systemName / source.systemCode). */
export const SOURCE_SYSTEM = { name: "Журнал", code: "zhurnal" } as const;
