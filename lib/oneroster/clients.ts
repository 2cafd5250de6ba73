/**
 * The administrator's side of the OneRoster API: which outside services and school
 * programs may read the journal, with what rights, and what they have been asking.
 * A secret is shown once — when the client is created or its secret replaced — and only
 * its hash is kept, so a lost secret is replaced, never recovered. Administrators only
 * (`school.manage`: connecting the school to other systems is part of setting it up),
 * and only their own school's clients.
 *
 * A client may also have a webhook address: the journal then sends it a short signed
 * notice when something it may see changed (lib/oneroster/webhooks.ts). The signing
 * secret is kept as is — the sender needs it to sign — but, like the client secret, it
 * is shown to the administrator only once, when the address is set.
 */
import "server-only";
import { z } from "zod";

import type { ApiClientKind, Prisma } from "@/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/server";
import { AppError } from "@/lib/errors";
import { SCOPE } from "@/lib/oneroster/caller";
import { newClientId, newClientSecret } from "@/lib/oneroster/tokens";
import { newWebhookSecret, WEBHOOK_BACKOFF_MS, webhookUrlProblem } from "@/lib/oneroster/webhooks";

/** What a client may be given: every read scope of the two services, and writing marks back. */
export const CLIENT_SCOPE_KEYS = ["rosterCore", "roster", "rosterDemographics", "gradebookCore", "gradebookRead", "gradebookWrite"] as const;
export type ClientScopeKey = (typeof CLIENT_SCOPE_KEYS)[number];
export const CLIENT_SCOPES: readonly string[] = CLIENT_SCOPE_KEYS.map((k) => SCOPE[k]);
export const CLIENT_KINDS = ["SCHOOL_TOOL", "DIARY_SERVICE"] as const satisfies readonly ApiClientKind[];
export const DEFAULT_RATE_LIMIT = 600;
export const MAX_RATE_LIMIT = 10_000;
/** how many calls the log shows */
export const CALL_LOG_SIZE = 100;

const nameSchema = z
  .string({ error: "Введите название, например «Библиотека» или «Региональный дневник»." })
  .trim()
  .min(1, "Введите название, например «Библиотека» или «Региональный дневник».")
  .max(100, "Название слишком длинное: не больше 100 знаков.");
const kindSchema = z.enum(CLIENT_KINDS, { error: "Выберите, кто будет получать данные: программа школы или внешний дневник." });
const rateLimitSchema = z.coerce
  .number({ error: `Предел обращений: целое число от 1 до ${MAX_RATE_LIMIT} в минуту.` })
  .int(`Предел обращений: целое число от 1 до ${MAX_RATE_LIMIT} в минуту.`)
  .min(1, `Предел обращений: целое число от 1 до ${MAX_RATE_LIMIT} в минуту.`)
  .max(MAX_RATE_LIMIT, `Предел обращений: не больше ${MAX_RATE_LIMIT} в минуту.`);
const scopesSchema = z
  .array(z.string().refine((s) => CLIENT_SCOPES.includes(s), "Такого права доступа нет."), { error: "Отметьте хотя бы одно право доступа." })
  .min(1, "Отметьте хотя бы одно право доступа.")
  .transform((list) => CLIENT_SCOPES.filter((s) => list.includes(s)));

export const createApiClientSchema = z.object({
  name: nameSchema,
  kind: kindSchema,
  scopes: scopesSchema,
  rateLimit: rateLimitSchema.default(DEFAULT_RATE_LIMIT),
});
export type CreateApiClientInput = z.input<typeof createApiClientSchema>;

/**
 * The creation form: one checkbox per scope (`scope_<key>`), since a form's repeated
 * names do not survive the action wrapper; turned into the scope list here.
 */
export const createApiClientFormSchema = z
  .object({
    name: z.string().optional(),
    kind: z.string().optional(),
    rateLimit: z.string().optional(),
    ...Object.fromEntries(CLIENT_SCOPE_KEYS.map((k) => [`scope_${k}`, z.string().optional()])),
  })
  .transform((form): CreateApiClientInput => {
    const f = form as Record<string, string | undefined>;
    return {
      name: f["name"] ?? "",
      kind: (f["kind"] ?? "") as ApiClientKind,
      scopes: CLIENT_SCOPE_KEYS.filter((k) => f[`scope_${k}`] === "on").map((k) => SCOPE[k]),
      rateLimit: f["rateLimit"]?.trim() ? Number(f["rateLimit"].trim()) : DEFAULT_RATE_LIMIT,
    };
  });

export const apiClientIdSchema = z.object({ apiClientId: z.string().uuid("Клиент не найден: обновите страницу.") });

export type ApiClientRow = {
  id: string;
  clientId: string;
  name: string;
  kind: ApiClientKind;
  scopes: string[];
  rateLimit: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  callsLast24h: number;
  /** where change notices go; null when none are sent */
  webhookUrl: string | null;
  /** the newest notice, to show at a glance whether they arrive */
  lastDelivery: WebhookDeliveryRow | null;
};

export type IssuedSecret = { apiClientId: string; name: string; clientId: string; secret: string };

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
  throw new AppError("BAD_INPUT", Object.values(fieldErrors).flat()[0] ?? "Проверьте введённые данные.", fieldErrors);
}

const DELIVERY_ROW = { id: true, createdAt: true, since: true, until: true, attempts: true, deliveredAt: true, lastError: true, nextAttemptAt: true } as const;
const ROW = {
  id: true, clientId: true, name: true, kind: true, scopes: true, rateLimit: true, createdAt: true, lastUsedAt: true, revokedAt: true, webhookUrl: true,
  webhooks: { select: DELIVERY_ROW, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 },
} satisfies Prisma.ApiClientSelect;

/** The school's clients, working ones first, newest first; with how many calls each made in the last day. */
export async function listApiClients(p: Principal, now: Date = new Date()): Promise<ApiClientRow[]> {
  assertCan(p, "school.manage");
  const [clients, counts] = await Promise.all([
    db.apiClient.findMany({ where: { schoolId: p.schoolId }, select: ROW, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    db.apiCall.groupBy({
      by: ["apiClientId"],
      where: { schoolId: p.schoolId, at: { gte: new Date(now.getTime() - 24 * 3600_000) } },
      _count: { _all: true },
    }),
  ]);
  const calls = new Map(counts.map((c) => [c.apiClientId, c._count._all]));
  return clients
    .map(({ webhooks, ...c }) => ({ ...c, callsLast24h: calls.get(c.id) ?? 0, lastDelivery: webhooks[0] ? deliveryRow(webhooks[0]) : null }))
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** A new client; its secret is in the answer and nowhere else. */
export async function createApiClient(p: Principal, input: CreateApiClientInput): Promise<IssuedSecret> {
  assertCan(p, "school.manage");
  const data = parse(createApiClientSchema, input);
  const taken = await db.apiClient.findFirst({ where: { schoolId: p.schoolId, name: data.name, revokedAt: null }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", `Клиент «${data.name}» уже подключён. Выберите другое название.`, { name: ["Такое название уже есть."] });
  const secret = newClientSecret();
  const created = await db.apiClient.create({
    data: {
      schoolId: p.schoolId,
      clientId: newClientId(),
      secretHash: await hashPassword(secret),
      name: data.name,
      kind: data.kind,
      scopes: data.scopes,
      rateLimit: data.rateLimit,
      createdById: p.userId,
    },
    select: { id: true, name: true, clientId: true },
  });
  return { apiClientId: created.id, name: created.name, clientId: created.clientId, secret };
}

async function ownClient(p: Principal, apiClientId: string) {
  const client = await db.apiClient.findUnique({
    where: { schoolId_id: { schoolId: p.schoolId, id: apiClientId } },
    select: { id: true, name: true, clientId: true, revokedAt: true, webhookUrl: true },
  });
  if (!client) throw new AppError("NOT_FOUND", "Клиент не найден: обновите страницу.");
  return client;
}

/**
 * A new secret for a client (the old one was lost or may have leaked). The old secret
 * stops working at once, and so do the tokens issued with it.
 */
export async function rotateApiClientSecret(p: Principal, input: { apiClientId: string }): Promise<IssuedSecret> {
  assertCan(p, "school.manage");
  const { apiClientId } = parse(apiClientIdSchema, input);
  const client = await ownClient(p, apiClientId);
  if (client.revokedAt) throw new AppError("CONFLICT", `Клиент «${client.name}» отключён: новый ключ ему не выдать. Подключите его заново.`);
  const secret = newClientSecret();
  await db.apiClient.update({
    where: { schoolId_id: { schoolId: p.schoolId, id: client.id } },
    data: { secretHash: await hashPassword(secret) },
  });
  return { apiClientId: client.id, name: client.name, clientId: client.clientId, secret };
}

/** Cuts a client off for good: its tokens are refused from the next call. */
export async function revokeApiClient(p: Principal, input: { apiClientId: string }): Promise<{ name: string }> {
  assertCan(p, "school.manage");
  const { apiClientId } = parse(apiClientIdSchema, input);
  const client = await ownClient(p, apiClientId);
  if (!client.revokedAt) {
    await db.apiClient.update({ where: { schoolId_id: { schoolId: p.schoolId, id: client.id } }, data: { revokedAt: new Date() } });
  }
  return { name: client.name };
}

export type ApiCallRow = { id: string; at: Date; method: string; path: string; status: number; ms: number; records: number | null };

/** A client's last calls, newest first. */
export async function listApiCalls(p: Principal, input: { apiClientId: string }): Promise<{ client: { id: string; name: string; clientId: string }; calls: ApiCallRow[] }> {
  assertCan(p, "school.manage");
  const { apiClientId } = parse(apiClientIdSchema, input);
  const client = await ownClient(p, apiClientId);
  const calls = await db.apiCall.findMany({
    where: { schoolId: p.schoolId, apiClientId: client.id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: CALL_LOG_SIZE,
    select: { id: true, at: true, method: true, path: true, status: true, ms: true, records: true },
  });
  return { client: { id: client.id, name: client.name, clientId: client.clientId }, calls };
}

/** the sender gives up after the first try and one retry per backoff step */
const MAX_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1;
/** how many notices the administrator's table shows */
export const DELIVERY_LOG_SIZE = 50;
/** written into notices that were still waiting when the address was removed */
export const WEBHOOK_CLEARED_ERROR = "Адрес уведомлений снят администратором";

/**
 * Where a notice stands: `pending` — not tried yet; `retrying` — failed, will be tried
 * again at nextAttemptAt; `failed` — the sender gave up (see lastError); `delivered`.
 */
export type WebhookDeliveryState = "pending" | "retrying" | "failed" | "delivered";

export type WebhookDeliveryRow = {
  id: string;
  createdAt: Date;
  /** the change feed's window the notice covers */
  since: Date;
  until: Date;
  attempts: number;
  deliveredAt: Date | null;
  lastError: string | null;
  nextAttemptAt: Date;
  state: WebhookDeliveryState;
};

function deliveryRow(d: Omit<WebhookDeliveryRow, "state">): WebhookDeliveryRow {
  const state: WebhookDeliveryState = d.deliveredAt ? "delivered" : d.attempts >= MAX_ATTEMPTS ? "failed" : d.attempts === 0 ? "pending" : "retrying";
  return { ...d, state };
}

const webhookUrlSchema = z
  .string({ error: "Введите адрес, куда отправлять уведомления, например https://example.ru/oneroster-hook." })
  .trim()
  .min(1, "Введите адрес, куда отправлять уведомления, например https://example.ru/oneroster-hook.")
  .max(2000, "Адрес слишком длинный: не больше 2000 знаков.")
  .superRefine((url, ctx) => {
    const problem = webhookUrlProblem(url);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const setWebhookSchema = z.object({ apiClientId: apiClientIdSchema.shape.apiClientId, url: webhookUrlSchema });

export type IssuedWebhookSecret = { apiClientId: string; name: string; url: string; secret: string };

/**
 * Sends a client's change notices to `url`, signed with a new secret, which is in the
 * answer and shown nowhere else. Setting the address again gives a new secret: the
 * receiver that had the old one must be given the new one.
 */
export async function setWebhook(p: Principal, apiClientId: string, url: string): Promise<IssuedWebhookSecret> {
  assertCan(p, "school.manage");
  const data = parse(setWebhookSchema, { apiClientId, url });
  const client = await ownClient(p, data.apiClientId);
  if (client.revokedAt) throw new AppError("CONFLICT", `Клиент «${client.name}» отключён: уведомления ему не отправляются.`);
  const secret = newWebhookSecret();
  await db.apiClient.update({
    where: { schoolId_id: { schoolId: p.schoolId, id: client.id } },
    data: { webhookUrl: data.url, webhookSecret: secret },
  });
  return { apiClientId: client.id, name: client.name, url: data.url, secret };
}

/**
 * Stops a client's change notices and forgets their secret. Notices still waiting are
 * closed with a note rather than retried for hours against no address (or, were an
 * address set again, sent to a receiver that may not be the one they were meant for).
 */
export async function clearWebhook(p: Principal, apiClientId: string): Promise<{ name: string }> {
  assertCan(p, "school.manage");
  const { apiClientId: id } = parse(apiClientIdSchema, { apiClientId });
  const client = await ownClient(p, id);
  await db.$transaction([
    db.apiClient.update({ where: { schoolId_id: { schoolId: p.schoolId, id: client.id } }, data: { webhookUrl: null, webhookSecret: null } }),
    db.webhookDelivery.updateMany({
      where: { schoolId: p.schoolId, apiClientId: client.id, deliveredAt: null, attempts: { lt: MAX_ATTEMPTS } },
      data: { attempts: MAX_ATTEMPTS, lastError: WEBHOOK_CLEARED_ERROR },
    }),
  ]);
  return { name: client.name };
}

/** A client's webhook address and its last notices, newest first. */
export async function listWebhookDeliveries(
  p: Principal,
  apiClientId: string,
): Promise<{ client: { id: string; name: string; clientId: string; revoked: boolean; webhookUrl: string | null }; deliveries: WebhookDeliveryRow[] }> {
  assertCan(p, "school.manage");
  const { apiClientId: id } = parse(apiClientIdSchema, { apiClientId });
  const client = await ownClient(p, id);
  const rows = await db.webhookDelivery.findMany({
    where: { schoolId: p.schoolId, apiClientId: client.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_LOG_SIZE,
    select: DELIVERY_ROW,
  });
  return {
    client: { id: client.id, name: client.name, clientId: client.clientId, revoked: client.revokedAt !== null, webhookUrl: client.webhookUrl },
    deliveries: rows.map(deliveryRow),
  };
}
