import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { RetryButton } from "@/components/admin/delivery/retry-button";
import { requirePageRole } from "@/lib/auth/page-guard";
import { CHANNELS, deliveryFilterSchema, listDeliveries, STATUSES, type DeliveryFilter, type DeliveryRow } from "@/lib/delivery/admin";
import { formatDateTime } from "@/lib/time";
import { retryDeliveryAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("delivery");
  return { title: t("title") };
}

function href(f: DeliveryFilter): string {
  const q = new URLSearchParams();
  if (f.status) q.set("status", f.status);
  if (f.channel) q.set("channel", f.channel);
  if (f.page && f.page > 1) q.set("page", String(f.page));
  const s = q.toString();
  return s ? `/admin/delivery?${s}` : "/admin/delivery";
}

export default async function DeliveryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await requirePageRole(["ADMIN"], "/admin/delivery");
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filter = deliveryFilterSchema.parse({ status: one(raw.status), channel: one(raw.channel), page: one(raw.page) });
  const t = await getTranslations("delivery");
  const list = await listDeliveries(p, filter);
  const when = (d: Date | null) => (d ? formatDateTime(d, p.timeZone, p.locale === "en" ? "en-GB" : "ru-RU") : "—");
  const selectClass = "block w-full max-w-xs rounded border-2 border-gray-700 bg-white px-3 py-2";

  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <section aria-labelledby="delivery-counts">
        <h2 id="delivery-counts" className="text-xl font-bold">{t("countsTitle")}</h2>
        <dl className="mt-3 grid grid-cols-[repeat(auto-fit,minmax(10rem,1fr))] gap-3">
          {STATUSES.map((s) => (
            <div key={s} className="rounded border-2 border-gray-300 p-3">
              <dt>{t(`status.${s}`)}</dt>
              <dd className="text-2xl font-bold">{list.counts[s]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <form method="get" action="/admin/delivery" className="mt-6 flex flex-wrap items-end gap-4" aria-label={t("filtersTitle")}>
        <div>
          <label htmlFor="delivery-status" className="mb-1 block font-semibold">{t("filterStatus")}</label>
          <select id="delivery-status" name="status" defaultValue={filter.status ?? ""} className={selectClass}>
            <option value="">{t("any")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="delivery-channel" className="mb-1 block font-semibold">{t("filterChannel")}</label>
          <select id="delivery-channel" name="channel" defaultValue={filter.channel ?? ""} className={selectClass}>
            <option value="">{t("any")}</option>
            {CHANNELS.map((c) => <option key={c} value={c}>{t(`channel.${c}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-dark">{t("show")}</button>
      </form>

      <DataTable<DeliveryRow>
        caption={t("tableCaption", { total: list.total })}
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={t("empty")}
        columns={[
          { key: "created", header: t("colCreated"), rowHeader: true, cell: (r) => when(r.createdAt) },
          {
            key: "to", header: t("colTo"),
            cell: (r) => (
              <>
                <span className="block">{r.recipient ?? t("noRecipient")}</span>
                <span className="block text-sm">{r.address}</span>
              </>
            ),
          },
          { key: "channel", header: t("colChannel"), cell: (r) => t(`channel.${r.channel}`) },
          { key: "kind", header: t("colKind"), cell: (r) => t(`kind.${r.kind}`) },
          { key: "status", header: t("colStatus"), cell: (r) => t(`status.${r.status}`) },
          { key: "sent", header: t("colSent"), cell: (r) => when(r.sentAt) },
          { key: "attempts", header: t("colAttempts"), cell: (r) => r.attempts },
          { key: "error", header: t("colError"), className: "max-w-xs break-words", cell: (r) => r.lastError ?? "—" },
          {
            key: "action", header: t("colAction"),
            cell: (r) => r.status === "FAILED" ? (
              <RetryButton
                action={retryDeliveryAction}
                messageId={r.id}
                label={t("retry")}
                accessibleLabel={t("retryFor", { to: r.recipient ?? r.address, when: when(r.createdAt) })}
                pending={t("retrying")}
                done={t("retried")}
              />
            ) : null,
          },
        ]}
      />
      {list.pages > 1 && (
        <nav aria-label={t("pages")} className="mt-4 flex flex-wrap gap-4">
          {list.page > 1 && <Link className="text-accent underline underline-offset-4" href={href({ ...filter, page: list.page - 1 })}>{t("prev")}</Link>}
          <span>{t("pageOf", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages && <Link className="text-accent underline underline-offset-4" href={href({ ...filter, page: list.page + 1 })}>{t("next")}</Link>}
        </nav>
      )}
    </>
  );
}
