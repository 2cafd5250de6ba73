import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { consentClassOptions, consentRegistry, REGISTRY_FILTERS, type RegistryFilter, type RegistryRow } from "@/lib/consent/events";
import { formatDateTime, formatDayRu } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("consent.admin");
  return { title: t("title") };
}

const link = "text-accent underline underline-offset-4";

export default async function ConsentRegistryPage({ searchParams }: { searchParams: Promise<{ cohort?: string; filter?: string }> }) {
  const p = await requirePageRole(["ADMIN"], "/admin/consent");
  const t = await getTranslations("consent");
  const q = await searchParams;
  const classes = await consentClassOptions(p);
  const cohortId = classes.some((c) => c.value === q.cohort) ? q.cohort : undefined;
  const filter: RegistryFilter = REGISTRY_FILTERS.includes(q.filter as RegistryFilter) ? (q.filter as RegistryFilter) : "all";
  const registry = cohortId ? await consentRegistry(p, { cohortId, filter }) : null;
  const href = (f: RegistryFilter) => `/admin/consent?cohort=${cohortId ?? ""}&filter=${f}`;
  return (
    <>
      <PageTitle title={t("admin.title")} lead={t("admin.lead")} />
      <nav aria-label={t("admin.links")} className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li><Link href="/admin/consent/texts" className={link}>{t("admin.texts")}</Link></li>
          <li><a href="/api/admin/consent-form" className={link}>{t("admin.blankForm")}</a></li>
          {cohortId && <li><Link href={`/admin/consent/paper-list?cohort=${cohortId}`} className={link}>{t("admin.paperList")}</Link></li>}
        </ul>
      </nav>

      {classes.length === 0 ? (
        <p>{t("admin.noClasses")}</p>
      ) : (
        <form method="get" action="/admin/consent" className="mb-6 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="cohort" className="mb-1 block font-semibold">{t("admin.classLabel")}</label>
            <select id="cohort" name="cohort" defaultValue={cohortId ?? ""} className="block rounded border-2 border-gray-600 bg-white px-3 py-2 text-[1.0625rem]">
              <option value="">{t("choose")}</option>
              {classes.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </select>
          </div>
          <input type="hidden" name="filter" value={filter} />
          <button type="submit" className="rounded bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-dark">{t("admin.show")}</button>
        </form>
      )}

      {!registry && classes.length > 0 && <p>{t("admin.chooseClass")}</p>}
      {registry && (
        <>
          <h2 className="mb-2 text-xl font-bold">{t("admin.counts", { name: registry.cohort.name })}</h2>
          <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-1">
            {(["GRANTED", "NONE", "REFUSED", "WITHDRAWN"] as const).map((s) => (
              <li key={s}>{t("admin.count", { state: t(`state.${s}`), n: registry.counts[s] })}</li>
            ))}
          </ul>
          <nav aria-label={t("admin.filters")} className="mb-2">
            <p className="mb-1 font-semibold">{t("admin.filters")}</p>
            <ul className="flex flex-wrap gap-2">
              {REGISTRY_FILTERS.map((f) => (
                <li key={f}>
                  <Link href={href(f)} aria-current={f === filter ? "page" : undefined}
                    className={`block rounded px-3 py-1.5 ${f === filter ? "bg-accent font-semibold text-white" : "border-2 border-accent text-accent"}`}>
                    {t(`admin.filter.${f}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {registry.withoutGuardian.length > 0 && (
            <p className="my-3 max-w-3xl">{t("admin.withoutGuardian", { names: registry.withoutGuardian.map((c) => c.name).join(", ") })}</p>
          )}
          <DataTable<RegistryRow>
            caption={filter === "all" ? t("admin.caption", { name: registry.cohort.name }) : t("admin.captionFiltered", { name: registry.cohort.name, filter: t(`admin.filter.${filter}`) })}
            rows={registry.rows}
            rowKey={(r) => `${r.studentId}:${r.guardianId}`}
            empty={t("admin.empty")}
            columns={[
              { key: "child", header: t("admin.child"), rowHeader: true, cell: (r) => r.studentName },
              { key: "guardian", header: t("admin.guardian"), cell: (r) => <Link href={`/admin/consent/guardian/${r.guardianId}`} className={link}>{r.guardianName}</Link> },
              { key: "state", header: t("admin.stateCol"), cell: (r) => t(`state.${r.state}`) },
              { key: "form", header: t("admin.formCol"), cell: (r) => (r.form ? t(`form.${r.form}`) : "—") },
              { key: "at", header: t("admin.dateCol"), cell: (r) => (r.at ? formatDateTime(r.at, p.timeZone) : "—") },
              { key: "doc", header: t("admin.documentCol"), cell: (r) => (r.documentNumber && r.documentDate ? t("admin.document", { number: r.documentNumber, date: formatDayRu(r.documentDate) }) : "—") },
              { key: "version", header: t("admin.versionCol"), cell: (r) => (r.textVersion ? t("admin.version", { n: r.textVersion }) : "—") },
            ]}
          />
        </>
      )}
    </>
  );
}
