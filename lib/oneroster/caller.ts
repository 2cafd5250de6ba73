/**
 * Who is calling the OneRoster API: an ApiClient of one school, with the scopes its
 * token was given. Built by lib/oneroster/auth.ts from the bearer token on every call
 * (a revoked client is refused at once); every read is scoped by it.
 */
export type ApiCaller = {
  schoolId: string;
  /** ApiClient.id (the row), not the OAuth client_id */
  apiClientId: string;
  name: string;
  kind: "DIARY_SERVICE" | "SCHOOL_TOOL";
  /** the scope URIs of the token */
  scopes: readonly string[];
};

export const SCOPE = {
  rosterCore: "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly",
  roster: "https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly",
  rosterDemographics: "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly",
  gradebookRead: "https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly",
  gradebookCore: "https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook-core.readonly",
  gradebookWrite: "https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput",
  gradebookDelete: "https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.delete",
} as const;
