/**
 * The OpenAPI 3 document of this server's OneRoster API: the official 1EdTech rostering
 * and gradebook documents (tests/fixtures/oneroster/) joined into one, with the full
 * paths of each service, this app's address as the server and our token endpoint in the
 * OAuth 2 scheme — so a developer can point a client generator or Swagger UI at it.
 *
 * The official files (0.9 MB) are read from disk once per process, at the first
 * request, rather than imported: an import would make the type checker infer a type
 * for every one of their thousands of keys and put the whole text into the server
 * bundle; the app runs from its folder (lib/i18n/request.ts reads its messages the same
 * way). The document is public (no data of the school in it) and cacheable.
 *
 * Two paths of our own are added, marked `x-zhurnal-extension: true` under the tag
 * «Zhurnal extensions» so a generator can leave them out: the change feed and the CSV
 * package. The webhook notices that point at the feed are described in
 * `x-zhurnal-webhooks` and in `info.description` — OpenAPI 3.0 has no `webhooks`.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { env } from "@/lib/env";
import { SCOPE } from "@/lib/oneroster/caller";
import { CLIENT_SCOPES } from "@/lib/oneroster/clients";
import { WEBHOOK_BACKOFF_MS } from "@/lib/oneroster/webhooks";

export const dynamic = "force-dynamic";

type Json = Record<string, unknown>;
type OpenApi = {
  openapi: string;
  info: Json;
  servers?: unknown;
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Json; securitySchemes: Json };
  "x-zhurnal-webhooks"?: Json;
};

const SERVICES = [
  { name: "rostering", file: "onerosterv1p2rostersservice_openapi3_v1p0.json", base: "/ims/oneroster/rostering/v1p2" },
  { name: "gradebook", file: "onerosterv1p2gradebookservice_openapi3_v1p0.json", base: "/ims/oneroster/gradebook/v1p2" },
] as const;
const TOKEN_PATH = "/ims/oneroster/v1p2/token";

/**
 * The gradebook operations lib/oneroster/gradebook-routes.ts answers with 501
 * «unsupported» (assessments, POST, DELETE, PUT of categories and score scales): kept
 * in the document, as the standard has them, but marked, so a developer sees at once
 * what this server does not do. tests/integration/oneroster-openapi.test.ts calls the
 * gradebook route for every operation and fails if this list and the route disagree.
 */
const UNSUPPORTED = new Set([
  "putCategory", "putScoreScale",
  "deleteCategory", "deleteLineItem", "deleteResult", "deleteScoreScale",
  "postResultsForAcademicSessionForClass", "postLineItemsForClass", "postResultsForLineItem", "postLineItemsForSchool",
  "getAllAssessmentLineItems", "getAssessmentLineItem", "putAssessmentLineItem", "deleteAssessmentLineItem",
  "getAllAssessmentResults", "getAssessmentResult", "putAssessmentResult", "deleteAssessmentResult",
]);
const UNSUPPORTED_NOTE =
  "Not supported by this server: the operation is answered 501 with imsx_codeMajor 'unsupported' and a description of why " +
  "(the journal's marks are written only with PUT /results and PUT /lineItems; categories and score scales are set in the journal; nothing is deleted through the API).";
const SCHEMA_REF = "#/components/schemas/";

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function readSpec(file: string): OpenApi {
  return JSON.parse(readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), "tests", "fixtures", "oneroster", file), "utf8")) as OpenApi;
}

/** A deep copy with every `$ref` to a renamed schema pointed at its new name. */
function renameRefs<T>(value: T, renamed: Map<string, string>): T {
  if (Array.isArray(value)) return value.map((v: unknown) => renameRefs(v, renamed)) as T;
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "$ref" && typeof v === "string" && v.startsWith(SCHEMA_REF)) {
      const name = v.slice(SCHEMA_REF.length);
      out[k] = `${SCHEMA_REF}${renamed.get(name) ?? name}`;
    } else {
      out[k] = renameRefs(v, renamed);
    }
  }
  return out as T;
}

function build(appUrl: string): OpenApi {
  const root = appUrl.replace(/\/+$/, "");
  const merged: OpenApi = {
    openapi: "3.0.0",
    info: {
      title: "Журнал: OneRoster 1.2 (Rostering, Gradebook)",
      version: "1.2",
      description:
        "The OneRoster 1.2 provider of the school e-journal «Журнал». One document for both services: " +
        "the paths carry the full base path of each service. Get an access token at " +
        `${root}${TOKEN_PATH} (OAuth 2 client credentials, HTTP Basic or form body; the token lasts one hour); ` +
        "the school's administrator creates clients and chooses their scopes. A client sees only its own school. " +
        "Built from the official 1EdTech OpenAPI documents of the two services.\n\n" +
        WEBHOOK_NOTE,
      license: { name: "1EdTech", url: "https://www.1edtech.org/license.html" },
    },
    servers: [{ url: root, description: "This server" }],
    tags: [],
    paths: {},
    components: { schemas: {}, securitySchemes: {} },
  };
  const scopes: Record<string, string> = {};

  for (const service of SERVICES) {
    const spec = readSpec(service.file);
    // A schema of the same name but different content in the second document gets its
    // service's prefix; so does one that refers to a renamed schema (the same text, but
    // it means the other service's version), until nothing more changes.
    const renamed = new Map<string, string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, schema] of Object.entries(spec.components.schemas)) {
        const before = merged.components.schemas[name];
        if (renamed.has(name) || before === undefined) continue;
        if (JSON.stringify(before) !== JSON.stringify(renameRefs(schema, renamed))) {
          renamed.set(name, `${service.name}_${name}`);
          changed = true;
        }
      }
    }
    const doc = renameRefs(spec, renamed);
    for (const [name, schema] of Object.entries(doc.components.schemas)) merged.components.schemas[renamed.get(name) ?? name] = schema;

    const tagNames = new Map<string, string>();
    for (const tag of doc.tags ?? []) {
      const before = merged.tags?.find((t) => t.name === tag.name);
      if (before && before.description === tag.description) continue;
      const name = before ? `${service.name[0]?.toUpperCase() ?? ""}${service.name.slice(1)}${tag.name}` : tag.name;
      tagNames.set(tag.name, name);
      merged.tags?.push({ ...tag, name });
    }

    for (const [path, item] of Object.entries(doc.paths)) {
      const operations: Record<string, Json> = {};
      for (const [method, operation] of Object.entries(item)) {
        const tags = operation["tags"];
        const op = Array.isArray(tags) ? { ...operation, tags: tags.map((t: unknown) => (typeof t === "string" ? (tagNames.get(t) ?? t) : t)) } : operation;
        operations[method] = UNSUPPORTED.has(String(op["operationId"])) ? markUnsupported(op) : op;
      }
      merged.paths[`${service.base}${path}`] = operations;
    }

    const scheme = doc.components.securitySchemes["OAuth2CC"];
    const flow = isObject(scheme) && isObject(scheme["flows"]) ? scheme["flows"]["clientCredentials"] : undefined;
    if (isObject(flow) && isObject(flow["scopes"])) {
      for (const [scope, text] of Object.entries(flow["scopes"])) if (typeof text === "string") scopes[scope] ??= text;
    }
  }

  // the scopes of the standard that no client of this server can be given say so
  for (const scope of Object.keys(scopes)) {
    if (!CLIENT_SCOPES.includes(scope)) scopes[scope] = `Not granted by this server. ${scopes[scope] ?? ""}`.trim();
  }
  addExtensions(merged, root);
  merged.components.securitySchemes = {
    OAuth2CC: {
      type: "oauth2",
      description: "OAuth 2 client credentials, as the IMS Security Framework requires. The token endpoint is this server's.",
      flows: { clientCredentials: { tokenUrl: `${root}${TOKEN_PATH}`, scopes } },
    },
  };
  return merged;
}

const EXTENSION_TAG = "Zhurnal extensions";
const CHANGES_PATH = "/ims/oneroster/v1p2/changes";
const BULK_PATH = "/ims/oneroster/v1p2/bulk";
const CHANGES_SCOPES = [SCOPE.roster, SCOPE.rosterCore, SCOPE.rosterDemographics, SCOPE.gradebookRead, SCOPE.gradebookCore];
const BULK_SCOPES = [SCOPE.roster, SCOPE.rosterCore];
const minutes = (ms: number) => (ms >= 3600_000 ? `${ms / 3600_000} h` : `${ms / 60_000} min`);
const WEBHOOK_NOTE =
  "Change notifications (a Zhurnal extension, see x-zhurnal-webhooks): a client the administrator gave a webhook address receives " +
  "POST requests with a JSON body (ZhurnalWebhookNotice) that holds only how many objects of each collection changed in a window " +
  `and a link to ${CHANGES_PATH}?since=…; never the objects themselves — the client fetches them with its own token. ` +
  "Each notice is signed with the webhook secret shown to the administrator once: " +
  'X-Zhurnal-Signature = "v1=" + hex(HMAC-SHA256(secret, "<X-Zhurnal-Timestamp>.<raw body>")), X-Zhurnal-Timestamp in Unix seconds. ' +
  "Receivers must check the signature and refuse notices more than 5 minutes old. At most one notice a minute per client; " +
  `a notice not answered 2xx is retried after ${WEBHOOK_BACKOFF_MS.map(minutes).join(", ")}.`;

/** `$ref` to one of the merged document's schemas; a missing one is a bug of this file, found by the first request. */
function schemaRef(doc: OpenApi, name: string): Json {
  if (!isObject(doc.components.schemas[name])) throw new Error(`OpenAPI: no schema ${name} to refer to`);
  return { $ref: `${SCHEMA_REF}${name}` };
}

/** Any one of the scopes opens the operation: one security requirement per scope. */
const anyOf = (scopes: readonly string[]) => scopes.map((s) => ({ OAuth2CC: [s] }));

/**
 * The change feed, the CSV package and the webhook notice: paths, their schemas and
 * the notice's description. Refusals are the rostering service's imsx_StatusInfo, as
 * lib/oneroster/errors.ts writes them.
 */
function addExtensions(doc: OpenApi, root: string): void {
  const refusal = (description: string): Json => ({ description, content: { "application/json": { schema: schemaRef(doc, "imsx_StatusInfoDType") } } });
  const dateTime = (description: string): Json => ({ type: "string", format: "date-time", description });
  const list = (name: string): Json => ({ type: "array", items: schemaRef(doc, name) });
  const common = {
    "401": refusal("No token, or an invalid, expired or revoked one (imsx_codeMinor 'unauthorisedrequest'; with WWW-Authenticate)."),
    "403": refusal("The token has none of the scopes this operation accepts (imsx_codeMinor 'forbidden')."),
    "429": refusal("Over the client's rate limit (imsx_codeMinor 'server_busy'; Retry-After says when to ask again)."),
    "500": refusal("The server could not answer (imsx_codeMinor 'internal_server_error')."),
  };

  doc.components.schemas["ZhurnalChangeSet"] = {
    type: "object",
    description:
      "What changed after 'since', by collection: the same objects the REST API gives, only those the token's scopes open and the client may see. " +
      "Removed objects come with status 'tobedeleted'. An object may come twice (the windows overlap by 30 seconds); apply changes by sourcedId.",
    required: ["since", "until", "changes"],
    additionalProperties: false,
    properties: {
      since: dateTime("The 'since' that was asked."),
      until: dateTime("30 seconds before the answer was built: ask next time with since = this value."),
      changes: {
        type: "object",
        description: "Only the collections with changes are present.",
        additionalProperties: false,
        properties: {
          orgs: list("OrgDType"),
          academicSessions: list("AcademicSessionDType"),
          courses: list("CourseDType"),
          classes: list("ClassDType"),
          users: list("UserDType"),
          enrollments: list("EnrollmentDType"),
          demographics: list("DemographicsDType"),
          categories: list("CategoryDType"),
          lineItems: list("LineItemDType"),
          results: list("ResultDType"),
          scoreScales: list("ScoreScaleDType"),
        },
      },
    },
  };
  doc.components.schemas["ZhurnalWebhookNotice"] = {
    type: "object",
    description: "The body of a change notification. It holds no personal data: fetch the objects from 'feed' with the client's own token.",
    required: ["id", "event", "since", "until", "changes", "feed"],
    properties: {
      id: { type: "string", format: "uuid", description: "The notice's id, also in X-Zhurnal-Delivery; the same on every retry, so a receiver can drop a repeat." },
      event: { type: "string", enum: ["oneroster.changes"] },
      since: dateTime("The window's start (exclusive)."),
      until: dateTime("The window's end; the next notice starts here."),
      changes: {
        type: "object",
        description: "How many objects of each collection changed in the window; collections without changes are left out.",
        additionalProperties: { type: "integer", minimum: 1 },
      },
      feed: { type: "string", format: "uri", description: `${root}${CHANGES_PATH}?since=<since>: where to fetch the changes.` },
    },
  };

  doc.tags?.push({
    name: EXTENSION_TAG,
    description: "Operations of this server beyond OneRoster 1.2 (marked x-zhurnal-extension: true): the change feed, the CSV package, and the change notifications that point at the feed.",
  });
  doc.paths[CHANGES_PATH] = {
    get: {
      operationId: "getZhurnalChanges",
      "x-zhurnal-extension": true,
      tags: [EXTENSION_TAG],
      summary: "What changed since a moment (the change feed).",
      description:
        "Every object the client may see whose dateLastModified is after 'since', by collection, limited to the collections its token's scopes open " +
        "(roster scopes: orgs, academicSessions, courses, classes, users, enrollments; roster-demographics: demographics; gradebook scopes: categories, lineItems, results, scoreScales). " +
        "Poll with since = the previous answer's 'until', or when a change notification arrives.",
      parameters: [
        {
          name: "since",
          in: "query",
          required: true,
          description: "ISO 8601 date-time, e.g. 2026-09-01T00:00:00Z; the previous answer's 'until'.",
          schema: { type: "string", format: "date-time" },
        },
      ],
      security: anyOf(CHANGES_SCOPES),
      responses: {
        "200": { description: "The changes.", content: { "application/json": { schema: schemaRef(doc, "ZhurnalChangeSet") } } },
        "400": refusal("'since' is missing or not a date-time (imsx_codeMinor 'invalid_selection_field')."),
        ...common,
      },
    },
  };
  doc.paths[BULK_PATH] = {
    get: {
      operationId: "getZhurnalCsvPackage",
      "x-zhurnal-extension": true,
      tags: [EXTENSION_TAG],
      summary: "The OneRoster 1.2 CSV package of the school (bulk, or delta with 'since').",
      description:
        "A zip of OneRoster 1.2 CSV files with manifest.csv; demographics and the gradebook files only with their scopes. " +
        "Without 'since' a bulk package; with it, a delta of what changed after that moment.",
      parameters: [
        {
          name: "since",
          in: "query",
          required: false,
          description: "ISO 8601 date-time, e.g. 2026-09-01T00:00:00Z: only what changed after it.",
          schema: { type: "string", format: "date-time" },
        },
      ],
      security: anyOf(BULK_SCOPES),
      responses: {
        "200": { description: "The zip.", content: { "application/zip": { schema: { type: "string", format: "binary" } } } },
        "422": refusal("'since' is not a date-time (imsx_codeMinor 'invaliddata')."),
        ...common,
      },
    },
  };
  doc["x-zhurnal-webhooks"] = {
    "oneroster.changes": {
      post: {
        summary: "A change notification, sent to the client's webhook address.",
        description: WEBHOOK_NOTE,
        parameters: [
          { name: "X-Zhurnal-Signature", in: "header", required: true, schema: { type: "string", pattern: "^v1=[0-9a-f]{64}$" }, description: 'v1= + hex HMAC-SHA256 of "<X-Zhurnal-Timestamp>.<raw body>" with the webhook secret.' },
          { name: "X-Zhurnal-Timestamp", in: "header", required: true, schema: { type: "integer" }, description: "When the notice was sent, in Unix seconds; refuse notices more than 5 minutes old." },
          { name: "X-Zhurnal-Delivery", in: "header", required: true, schema: { type: "string", format: "uuid" }, description: "The notice's id (as in the body)." },
        ],
        requestBody: { required: true, content: { "application/json": { schema: schemaRef(doc, "ZhurnalWebhookNotice") } } },
        responses: { "2XX": { description: "Received; any other answer (or none within 10 seconds) is retried." } },
      },
    },
  };
}

/** The operation with the `x-zhurnal-supported: false` mark, a note, and its 501 answer. */
function markUnsupported(operation: Json): Json {
  const responses = isObject(operation["responses"]) ? operation["responses"] : {};
  // the refusal's schema as this operation's own error answer names it (renamed or not)
  const fallback = responses["default"];
  const content = isObject(fallback) && isObject(fallback["content"]) ? fallback["content"]["application/json"] : undefined;
  const schema = isObject(content) && isObject(content["schema"]) ? content["schema"] : { $ref: `${SCHEMA_REF}imsx_StatusInfoDType` };
  return {
    ...operation,
    "x-zhurnal-supported": false,
    summary: `[Not supported] ${typeof operation["summary"] === "string" ? operation["summary"] : ""}`.trim(),
    description: `${UNSUPPORTED_NOTE}${typeof operation["description"] === "string" ? `\n\n${operation["description"]}` : ""}`,
    responses: {
      ...responses,
      "501": { description: "Not supported by this server (imsx_codeMajor 'unsupported').", content: { "application/json": { schema } } },
    },
  };
}

let cached: { appUrl: string; body: string; etag: string } | undefined;

function document(): { body: string; etag: string } {
  if (cached?.appUrl !== env.APP_URL) {
    const body = JSON.stringify(build(env.APP_URL));
    cached = { appUrl: env.APP_URL, body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
  }
  return cached;
}

export function GET(request: Request): Response {
  const { body, etag } = document();
  const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600", ETag: etag, "Access-Control-Allow-Origin": "*" };
  if (request.headers.get("if-none-match")?.split(",").some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
