/**
 * The fields of each rostering object type, as the official OpenAPI document declares
 * them (components.schemas.*DType), for checking `filter`, `sort` and `fields`. Fields the
 * document has and we never fill (email, phone, password…) are still known: asking for
 * them is valid and simply finds nothing. tests/integration/oneroster-rostering.test.ts
 * checks these lists against the document.
 */
import type { FieldTree } from "../query";

const ref: FieldTree = { href: true, sourcedId: true, type: true };

const base: FieldTree = { sourcedId: true, status: true, dateLastModified: true, metadata: "open" };

export const ORG_FIELDS: FieldTree = { ...base, name: true, type: true, identifier: true, parent: ref, children: ref };

export const ACADEMIC_SESSION_FIELDS: FieldTree = {
  ...base, title: true, startDate: true, endDate: true, type: true, parent: ref, children: ref, schoolYear: true,
};

export const COURSE_FIELDS: FieldTree = {
  ...base, title: true, schoolYear: ref, courseCode: true, grades: true, subjects: true, org: ref, subjectCodes: true, resources: ref,
};

export const CLASS_FIELDS: FieldTree = {
  ...base, title: true, classCode: true, classType: true, location: true, grades: true, subjects: true, course: ref, school: ref,
  terms: ref, subjectCodes: true, periods: true, resources: ref,
};

export const USER_FIELDS: FieldTree = {
  ...base,
  userMasterIdentifier: true,
  username: true,
  userIds: { type: true, identifier: true },
  enabledUser: true,
  givenName: true,
  familyName: true,
  middleName: true,
  preferredFirstName: true,
  preferredMiddleName: true,
  preferredLastName: true,
  pronouns: true,
  roles: { roleType: true, role: true, org: ref, userProfile: true, beginDate: true, endDate: true },
  userProfiles: {
    profileId: true, profileType: true, vendorId: true, applicationId: true, credentials: { type: true, username: true, password: true },
  },
  primaryOrg: ref,
  identifier: true,
  email: true,
  sms: true,
  phone: true,
  agents: ref,
  grades: true,
  password: true,
  resources: ref,
};

export const ENROLLMENT_FIELDS: FieldTree = {
  ...base, user: ref, class: ref, school: ref, role: true, primary: true, beginDate: true, endDate: true,
};

export const DEMOGRAPHICS_FIELDS: FieldTree = {
  ...base,
  birthDate: true,
  sex: true,
  americanIndianOrAlaskaNative: true,
  asian: true,
  blackOrAfricanAmerican: true,
  nativeHawaiianOrOtherPacificIslander: true,
  white: true,
  demographicRaceTwoOrMoreRaces: true,
  hispanicOrLatinoEthnicity: true,
  countryOfBirthCode: true,
  stateOfBirthAbbreviation: true,
  cityOfBirth: true,
  publicSchoolResidenceStatus: true,
};
