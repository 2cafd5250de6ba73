/**
 * The OneRoster 1.2 error answer (imsx_StatusInfo): every refusal of the provider — a bad
 * filter, a missing scope, an unknown id, an expired token — is one of these, with the
 * HTTP status the binding gives it and a description a developer can act on.
 */
export type CodeMinor =
  | "invalid_filter_field"
  | "invalid_selection_field"
  | "invaliddata"
  | "unauthorisedrequest"
  | "forbidden"
  | "server_busy"
  | "unknownobject"
  | "internal_server_error";

const STATUS: Record<CodeMinor, number> = {
  invalid_filter_field: 400,
  invalid_selection_field: 400,
  invaliddata: 422,
  unauthorisedrequest: 401,
  forbidden: 403,
  server_busy: 429,
  unknownobject: 404,
  internal_server_error: 500,
};

export class OneRosterError extends Error {
  readonly codeMinor: CodeMinor;
  readonly status: number;
  /** extra headers: WWW-Authenticate on 401, Retry-After on 429 */
  readonly headers: Record<string, string>;
  constructor(codeMinor: CodeMinor, description: string, headers: Record<string, string> = {}) {
    super(description);
    this.name = "OneRosterError";
    this.codeMinor = codeMinor;
    this.status = STATUS[codeMinor];
    this.headers = headers;
  }
}

/** The imsx_StatusInfo body of a refusal. */
export function statusInfo(codeMinor: CodeMinor, description: string) {
  return {
    imsx_codeMajor: "failure" as const,
    imsx_severity: "error" as const,
    imsx_description: description,
    imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: "TargetEndSystem", imsx_codeMinorFieldValue: codeMinor }] },
  };
}

/** A refusal as an HTTP answer; anything that is not a OneRosterError is a 500 that says nothing of the inside. */
export function errorResponse(error: unknown): Response {
  const e = error instanceof OneRosterError ? error : new OneRosterError("internal_server_error", "The server could not answer this request.");
  return Response.json(statusInfo(e.codeMinor, e.message), {
    status: e.status,
    headers: { "Cache-Control": "no-store", ...e.headers },
  });
}
