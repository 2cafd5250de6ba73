/**
 * Validates a OneRoster answer against the official OpenAPI 3.0 documents in
 * tests/fixtures/oneroster/: the response schema of the path, method and status (or the
 * operation's `default`), compiled with the document's components so every $ref resolves.
 * Used by the rostering and gradebook integration tests.
 *
 * OpenAPI 3.0 schemas are almost JSON Schema draft-07: `strict: false` lets Ajv ignore
 * the keywords it does not know (`example`, `x-…`), and `nullable` is rewritten to the
 * JSON Schema form so a null is accepted exactly where the document allows it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const FILES = {
  rosters: "onerosterv1p2rostersservice_openapi3_v1p0.json",
  gradebook: "onerosterv1p2gradebookservice_openapi3_v1p0.json",
} as const;

export type OneRosterDoc = keyof typeof FILES;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Json }> }> };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } };

const docs = new Map<OneRosterDoc, OpenApi>();

/** The official document, parsed (cached). */
export function openApiDoc(doc: OneRosterDoc): OpenApi {
  let d = docs.get(doc);
  if (!d) {
    d = JSON.parse(readFileSync(join(process.cwd(), "tests", "fixtures", "oneroster", FILES[doc]), "utf8")) as OpenApi;
    docs.set(doc, d);
  }
  return d;
}

/** `nullable: true` (OpenAPI 3.0) as JSON Schema: the type also admits null. */
function fromOpenApi(node: Json): Json {
  if (Array.isArray(node)) return node.map(fromOpenApi);
  if (node === null || typeof node !== "object") return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) out[k] = fromOpenApi(v);
  if (out["nullable"] === true) {
    delete out["nullable"];
    if (typeof out["type"] === "string") out["type"] = [out["type"], "null"];
    else if (Array.isArray(out["type"])) out["type"] = [...out["type"], "null"];
    else return { anyOf: [out, { type: "null" }] };
    if (Array.isArray(out["enum"])) out["enum"] = [...out["enum"], null];
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const loaded = new Set<OneRosterDoc>();
const compiled = new Map<string, ValidateFunction>();

function ensureLoaded(doc: OneRosterDoc): void {
  if (loaded.has(doc)) return;
  const components: Json = openApiDoc(doc).components;
  ajv.addSchema({ $id: `oneroster-${doc}`, components: fromOpenApi(components) });
  loaded.add(doc);
}

/** The response schema's $ref (or inline schema) of an operation's answer. */
function responseSchema(doc: OneRosterDoc, path: string, method: string, status: number): Json {
  const op = openApiDoc(doc).paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`${doc}: no operation ${method} ${path}`);
  const response = op.responses?.[String(status)] ?? op.responses?.["default"];
  const schema = response?.content?.["application/json"]?.schema;
  if (schema === undefined) throw new Error(`${doc}: ${method} ${path} has no JSON schema for ${status}`);
  return schema;
}

/** Rewrites the document's local $refs to point into the loaded components schema. */
function rebase(node: Json, doc: OneRosterDoc): Json {
  if (Array.isArray(node)) return node.map((n) => rebase(n, doc));
  if (node === null || typeof node !== "object") return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `oneroster-${doc}${v}` : rebase(v, doc);
  return out;
}

/**
 * The schema errors of an answer (empty when it is valid): `path` is the document's path
 * template, e.g. "/users/{sourcedId}".
 */
export function validateResponse(doc: OneRosterDoc, path: string, method: string, status: number, body: unknown): string[] {
  ensureLoaded(doc);
  const key = `${doc} ${method.toUpperCase()} ${path} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rebase(fromOpenApi(responseSchema(doc, path, method, status)), doc) as object);
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
}

/** The imsx_StatusInfo schema errors of a refusal body. */
export function validateStatusInfo(doc: OneRosterDoc, body: unknown): string[] {
  ensureLoaded(doc);
  const key = `${doc} imsx_StatusInfoDType`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: `oneroster-${doc}#/components/schemas/imsx_StatusInfoDType` });
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
}

/** The property names of a component schema (for checking our field lists against the document). */
export function schemaProperties(doc: OneRosterDoc, name: string): string[] {
  const s = openApiDoc(doc).components.schemas[name] as { properties?: Record<string, unknown> } | undefined;
  if (!s?.properties) throw new Error(`${doc}: no schema ${name}`);
  return Object.keys(s.properties);
}
