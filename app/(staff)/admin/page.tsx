import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { getSchoolOverview } from "@/lib/school/overview";
import { formatDay } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

export default async function AdminHome() {
  const p = await requirePageRole(["ADMIN"], "/admin");
  const o = await getSchoolOverview(p);
  const t = await getTranslations("admin");
  const tp = await getTranslations("periods");
  const keys = ["students", "guardians", "staff", "cohorts", "lessonsToday", "familiesWithoutAccount"] as const;
  return (
    <>
        <h1 className="text-2xl font-bold">{o.schoolName}</h1>
        <p className="mt-1">{o.yearName ? t("year", { name: o.yearName }) : t("noYear")}</p>
        {o.currentPeriod && (
          <p>
            {t("period", {
              name: o.currentPeriod.name,
              from: formatDay(o.currentPeriod.startDate, "ru-RU", false),
              to: formatDay(o.currentPeriod.endDate, "ru-RU", false),
            })}
          </p>
        )}
        <dl className="mt-6 grid grid-cols-[repeat(auto-fit,minmax(14rem,1fr))] gap-4">
          {keys.map((k) => (
            <div key={k} className="rounded border-2 border-gray-300 p-4">
              <dt>{t(`counts.${k}`)}</dt>
              <dd className="text-3xl font-bold">{o.counts[k]}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-6 max-w-3xl">
          <Link href="/admin/periods" className="text-accent underline underline-offset-4">
            {tp("adminLink")}
          </Link>
          : {tp("adminLinkLead")}
        </p>
    </>
  );
}
