import { getTranslations } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { requirePageRole } from "@/lib/auth/page-guard";

/** The administrator's section: a menu of the set-up screens beside the page. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole(["ADMIN"], "/admin");
  const t = await getTranslations("adminNav");
  const items = [
    { href: "/admin", label: t("overview") },
    { href: "/admin/calendar", label: t("calendar") },
    { href: "/admin/people", label: t("people") },
    { href: "/admin/cohorts", label: t("cohorts") },
    { href: "/admin/curriculum", label: t("curriculum") },
    { href: "/admin/timetable", label: t("timetable") },
    { href: "/admin/substitutions", label: t("substitutions") },
    { href: "/admin/assessments", label: t("assessments") },
    { href: "/admin/import", label: t("import") },
    { href: "/admin/periods", label: t("periods") },
    { href: "/admin/consent", label: t("consent") },
    { href: "/admin/delivery", label: t("delivery") },
    { href: "/admin/extracts", label: t("extracts") },
    { href: "/admin/stats", label: t("stats") },
    { href: "/admin/exams", label: t("exams") },
    { href: "/admin/api-clients", label: t("apiClients") },
    { href: "/admin/oneroster", label: t("oneroster") },
    { href: "/admin/settings", label: t("settings") },
    { href: "/admin/rollover", label: t("rollover") },
  ];
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-4 lg:flex-row">
      <AdminNav label={t("label")} items={items} />
      <main id="main" className="min-w-0 flex-1">
        {children}
      </main>
    </div>
  );
}
