import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { ClientActions } from "@/components/admin/api-clients/client-actions";
import { CreateClientForm } from "@/components/admin/api-clients/create-form";
import type { ClientActionLabels, CopyLabels, CreateLabels, SecretLabels, WebhookLabels } from "@/components/admin/api-clients/labels";
import { WebhookSettings } from "@/components/admin/api-clients/webhook-settings";
import { requirePageRole } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { SCOPE } from "@/lib/oneroster/caller";
import {
  apiClientIdSchema,
  CALL_LOG_SIZE,
  CLIENT_KINDS,
  CLIENT_SCOPE_KEYS,
  DEFAULT_RATE_LIMIT,
  DELIVERY_LOG_SIZE,
  listApiCalls,
  listApiClients,
  listWebhookDeliveries,
  type ApiCallRow,
  type ApiClientRow,
  type WebhookDeliveryRow,
} from "@/lib/oneroster/clients";
import { WEBHOOK_BACKOFF_MS } from "@/lib/oneroster/webhooks";
import { clearWebhookAction, createApiClientAction, revokeApiClientAction, rotateApiClientAction, setWebhookAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("apiClients");
  return { title: t("title") };
}

type SP = Promise<Record<string, string | string[] | undefined>>;

const SCOPE_KEY_OF = new Map<string, string>(CLIENT_SCOPE_KEYS.map((k) => [SCOPE[k], k]));

export default async function ApiClientsPage({ searchParams }: { searchParams: SP }) {
  const p = await requirePageRole(["ADMIN"], "/admin/api-clients");
  const sp = await searchParams;
  const logParam = Array.isArray(sp.log) ? sp.log[0] : sp.log;
  const logId = apiClientIdSchema.safeParse({ apiClientId: logParam }).data?.apiClientId;
  const hookParam = Array.isArray(sp.hook) ? sp.hook[0] : sp.hook;
  const hookId = apiClientIdSchema.safeParse({ apiClientId: hookParam }).data?.apiClientId;
  const t = await getTranslations("apiClients");
  const clients = await listApiClients(p);
  const log = logId ? await listApiCalls(p, { apiClientId: logId }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }) : null;
  const hook = hookId ? await listWebhookDeliveries(p, hookId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }) : null;

  const locale = p.locale === "en" ? "en-GB" : "ru-RU";
  const when = (at: Date) =>
    new Intl.DateTimeFormat(locale, { timeZone: p.timeZone, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  const whenExact = (at: Date) =>
    new Intl.DateTimeFormat(locale, { timeZone: p.timeZone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(at);
  const dayOf = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: p.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  // «10:35» today, «12 дек. 10:35» another day: a retry is at most hours away
  const clock = (at: Date) =>
    new Intl.DateTimeFormat(locale, { timeZone: p.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...(dayOf(at) === dayOf(new Date()) ? {} : { day: "numeric", month: "short" }) }).format(at);
  const deliveryState = (d: WebhookDeliveryRow) => {
    switch (d.state) {
      case "delivered":
        return t("hookDelivered");
      case "pending":
        return t("hookPending");
      case "retrying":
        return t("hookRetry", { time: clock(d.nextAttemptAt) });
      case "failed":
        return <span className="font-semibold text-danger">{t("hookFailed", { error: d.lastError ?? "—" })}</span>;
    }
  };
  const scopeText = (uri: string) => {
    const key = SCOPE_KEY_OF.get(uri);
    return key ? t(`scopes.${key}`) : uri;
  };

  const root = env.APP_URL.replace(/\/+$/, "");
  const addresses = [
    { label: t("tokenUrl"), url: `${root}/ims/oneroster/v1p2/token` },
    { label: t("rosteringUrl"), url: `${root}/ims/oneroster/rostering/v1p2` },
    { label: t("gradebookUrl"), url: `${root}/ims/oneroster/gradebook/v1p2` },
    { label: t("openapiUrl"), url: `${root}/ims/oneroster/v1p2/openapi.json` },
  ];

  const secretLabels: SecretLabels = {
    title: t.raw("secretTitle") as string, warning: t("secretWarning"), clientId: t("clientIdLabel"), secret: t("secretLabel"),
    copy: t("copy"), copyField: t.raw("copyField") as string, copied: t("copied"), copyFailed: t("copyFailed"),
  };
  const createLabels: CreateLabels = {
    name: t("name"), nameHint: t("nameHint"), kind: t("kind"), kindHint: t("kindHint"),
    kinds: CLIENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    scopesLegend: t("scopesLegend"), scopesHint: t("scopesHint"),
    scopes: CLIENT_SCOPE_KEYS.map((k) => ({ key: k, label: t(`scopes.${k}`), uri: SCOPE[k] })),
    rateLimit: t("rateLimit"), rateLimitHint: t("rateLimitHint"), create: t("create"), creating: t("creating"), errorTitle: t("errorTitle"),
    secret: secretLabels,
  };
  const copyLabels: CopyLabels = { copy: t("copy"), copyField: t.raw("copyField") as string, copied: t("copied"), copyFailed: t("copyFailed") };
  const webhookLabels: WebhookLabels = {
    url: t("hookUrl"), urlHint: t("hookUrlHint"), save: t("hookSave"), saving: t("hookSaving"), saveLabel: t.raw("hookSaveLabel") as string,
    remove: t("hookRemove"), removeLabel: t.raw("hookRemoveLabel") as string, removeConfirm: t.raw("hookRemoveConfirm") as string,
    removeYes: t("hookRemoveYes"), removing: t("hookRemoving"), removed: t.raw("hookRemoved") as string, cancel: t("cancel"), errorTitle: t("errorTitle"),
    secretTitle: t.raw("hookSecretTitle") as string, secretWarning: t("hookSecretWarning"), secretUrl: t("hookSecretUrl"), secretLabel: t("hookSecretLabel"),
    copy: copyLabels,
  };
  const actionLabels: ClientActionLabels = {
    ...(Object.fromEntries(
      (["rotate", "rotateLabel", "rotateConfirm", "rotateYes", "rotating", "revoke", "revokeLabel", "revokeConfirm", "revokeYes", "revoking", "revoked", "cancel", "errorTitle"] as const).map((k) => [k, t.raw(k) as string]),
    ) as Omit<ClientActionLabels, "secret">),
    secret: secretLabels,
  };

  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />

      <section aria-labelledby="api-how" className="mb-10">
        <h2 id="api-how" className="mb-2 text-xl font-bold">
          {t("howTitle")}
        </h2>
        <p className="mb-3 max-w-3xl">{t("howLead")}</p>
        <dl className="max-w-3xl">
          {addresses.map((a) => (
            <div key={a.url} className="mb-2">
              <dt className="font-semibold">{a.label}</dt>
              <dd className="font-mono break-all">{a.url}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="api-create" className="mb-10">
        <h2 id="api-create" className="mb-2 text-xl font-bold">
          {t("createTitle")}
        </h2>
        <p className="mb-4 max-w-3xl">{t("createLead")}</p>
        <CreateClientForm action={createApiClientAction} labels={createLabels} defaultRateLimit={DEFAULT_RATE_LIMIT} />
      </section>

      <section aria-labelledby="api-list" className="mb-10">
        <h2 id="api-list" className="mb-2 text-xl font-bold">
          {t("listTitle")}
        </h2>
        <DataTable<ApiClientRow>
          caption={t("listTitle")}
          rows={clients}
          rowKey={(c) => c.id}
          empty={t("empty")}
          columns={[
            {
              key: "name", header: t("colName"), rowHeader: true,
              cell: (c) => (
                <>
                  <span className="block">{c.name}</span>
                  <span className="block font-mono font-normal">{c.clientId}</span>
                </>
              ),
            },
            {
              key: "kind", header: t("colKind"),
              cell: (c) => (
                <>
                  <span className="block">{t(`kindsShort.${c.kind}`)}</span>
                  <span className="block text-muted">{t("limitPerMinute", { limit: c.rateLimit })}</span>
                </>
              ),
            },
            {
              key: "scopes", header: t("colScopes"),
              cell: (c) => (
                <ul className="list-disc pl-5">
                  {c.scopes.map((s) => (
                    <li key={s}>{scopeText(s)}</li>
                  ))}
                </ul>
              ),
            },
            { key: "created", header: t("colCreated"), cell: (c) => when(c.createdAt) },
            { key: "lastUsed", header: t("colLastUsed"), cell: (c) => (c.lastUsedAt ? when(c.lastUsedAt) : t("never")) },
            { key: "calls", header: t("colCalls"), cell: (c) => c.callsLast24h },
            {
              key: "status", header: t("colStatus"),
              cell: (c) => (c.revokedAt ? <span className="font-semibold text-danger">{t("revokedAt", { when: when(c.revokedAt) })}</span> : t("active")),
            },
            {
              key: "webhook", header: t("colWebhook"),
              cell: (c) =>
                c.webhookUrl ? (
                  <>
                    <span className="block">{t("hookOn")}</span>
                    <span className="block text-muted">{c.lastDelivery ? t("hookLast", { when: when(c.lastDelivery.createdAt) }) : t("hookNone")}</span>
                    {c.lastDelivery && <span className="block">{deliveryState(c.lastDelivery)}</span>}
                  </>
                ) : (
                  t("hookOff")
                ),
            },
            {
              key: "actions", header: t("colActions"),
              cell: (c) => (
                <>
                  <p className="mb-2">
                    <Link href={`/admin/api-clients?log=${c.id}#api-log`} aria-label={t("showLogFor", { name: c.name })} className="text-accent underline underline-offset-4">
                      {t("showLog")}
                    </Link>
                  </p>
                  <p className="mb-2">
                    <Link href={`/admin/api-clients?hook=${c.id}#api-webhook`} aria-label={t("showHookFor", { name: c.name })} className="text-accent underline underline-offset-4">
                      {t("showHook")}
                    </Link>
                  </p>
                  <ClientActions apiClientId={c.id} name={c.name} revoked={c.revokedAt !== null} rotate={rotateApiClientAction} revoke={revokeApiClientAction} labels={actionLabels} />
                </>
              ),
            },
          ]}
        />
      </section>

      {hook && (
        <section aria-labelledby="api-webhook" className="mb-10">
          <h2 id="api-webhook" className="mb-2 text-xl font-bold">
            {t("hookTitle", { name: hook.client.name })}
          </h2>
          <p className="mb-2">
            <Link href="/admin/api-clients" className="text-accent underline underline-offset-4">
              {t("hookHide")}
            </Link>
          </p>
          <p className="mb-3 max-w-3xl">{t("hookLead")}</p>
          <p className="mb-3 max-w-3xl">{t("hookWhat")}</p>
          <h3 className="mb-1 text-lg font-bold">{t("hookDevTitle")}</h3>
          <ul className="mb-5 max-w-3xl list-disc pl-5">
            <li className="mb-1">{t("hookDevBody")}</li>
            <li className="mb-1">
              {t("hookDevSignature")} <code className="font-mono break-all">X-Zhurnal-Signature = &quot;v1=&quot; + hex(HMAC-SHA256(secret, &quot;&lt;X-Zhurnal-Timestamp&gt;.&lt;body&gt;&quot;))</code>
            </li>
            <li className="mb-1">{t("hookDevAge")}</li>
            <li className="mb-1">{t("hookDevRetry", { times: WEBHOOK_BACKOFF_MS.length })}</li>
          </ul>
          {hook.client.revoked ? (
            <p className="mb-5 font-semibold">{t("hookRevoked")}</p>
          ) : (
            <>
              <p className="mb-3 font-semibold">{hook.client.webhookUrl ? t("hookCurrent", { url: hook.client.webhookUrl }) : t("hookNotSet")}</p>
              <WebhookSettings
                key={hook.client.id}
                apiClientId={hook.client.id}
                name={hook.client.name}
                currentUrl={hook.client.webhookUrl}
                save={setWebhookAction}
                remove={clearWebhookAction}
                labels={webhookLabels}
              />
            </>
          )}
          <p className="mt-6 mb-2 max-w-3xl">{t("hookLogLead", { count: DELIVERY_LOG_SIZE })}</p>
          <DataTable<WebhookDeliveryRow>
            caption={t("hookLogCaption")}
            rows={hook.deliveries}
            rowKey={(d) => d.id}
            empty={t("hookLogEmpty")}
            columns={[
              { key: "created", header: t("colHookCreated"), rowHeader: true, cell: (d) => whenExact(d.createdAt) },
              { key: "window", header: t("colHookWindow"), cell: (d) => t("hookWindow", { since: whenExact(d.since), until: whenExact(d.until) }) },
              { key: "attempts", header: t("colHookAttempts"), cell: (d) => d.attempts },
              { key: "state", header: t("colHookState"), cell: deliveryState },
              { key: "delivered", header: t("colHookDelivered"), cell: (d) => (d.deliveredAt ? whenExact(d.deliveredAt) : "—") },
              { key: "error", header: t("colHookError"), cell: (d) => d.lastError ?? "—" },
            ]}
          />
        </section>
      )}

      {log && (
        <section aria-labelledby="api-log" className="mb-10">
          <h2 id="api-log" className="mb-2 text-xl font-bold">
            {t("logTitle", { name: log.client.name })}
          </h2>
          <p className="mb-2 max-w-3xl">{t("logLead", { count: CALL_LOG_SIZE })}</p>
          <p className="mb-2">
            <Link href="/admin/api-clients" className="text-accent underline underline-offset-4">
              {t("logHide")}
            </Link>
          </p>
          <DataTable<ApiCallRow>
            caption={t("logCaption", { name: log.client.name })}
            rows={log.calls}
            rowKey={(r) => r.id}
            empty={t("logEmpty")}
            columns={[
              { key: "at", header: t("colAt"), rowHeader: true, cell: (r) => whenExact(r.at) },
              { key: "request", header: t("colRequest"), cell: (r) => <span className="font-mono break-all">{`${r.method} ${r.path}`}</span> },
              {
                key: "result", header: t("colResult"),
                cell: (r) => (r.status < 400 ? t("resultOk", { status: r.status }) : <span className="font-semibold text-danger">{t("resultRefused", { status: r.status })}</span>),
              },
              { key: "ms", header: t("colMs"), cell: (r) => r.ms },
              { key: "records", header: t("colRecords"), cell: (r) => r.records ?? "—" },
            ]}
          />
        </section>
      )}
    </>
  );
}
