import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { previewRollover } from "@/lib/school/rollover";
import { formatDayInput } from "@/lib/school/calendar-days";
import { schoolToday } from "@/lib/time";
import { PageTitle } from "@/components/ui/page-title";
import { Notice } from "@/components/ui/notice";
import { RolloverForm } from "@/components/admin/rollover/rollover-form";
import { applyRolloverAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("rollover");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function RolloverPage({ searchParams }: Props) {
  const p = await requirePageRole(["ADMIN"], "/admin/rollover");
  const t = await getTranslations("rollover");
  const q = await searchParams;
  if (q.from && q.to) {
    const n = (k: string) => Number(q[k] ?? 0) || 0;
    return (
      <>
        <PageTitle title={t("title")} />
        <Notice>
          <h2 className="mb-2 text-xl font-bold">{t("doneTitle")}</h2>
          <p>{t("doneYear", { from: q.from, to: q.to, created: q.created === "yes" ? "yes" : "no" })}</p>
          <p>{t("doneCounts", { promoted: n("promoted"), repeated: n("repeated"), left: n("left"), graduated: n("graduated"), cohorts: n("cohorts") })}</p>
          <p className="mt-2">{t("doneNext")}</p>
        </Notice>
        <p>
          <Link href="/admin/calendar" className="text-accent underline underline-offset-4">{t("calendarLink")}</Link>
        </p>
      </>
    );
  }
  const preview = await previewRollover(p);
  if (!preview) {
    return (
      <>
        <PageTitle title={t("title")} lead={t("lead")} />
        <p>{t("nothing")}</p>
      </>
    );
  }
  const today = schoolToday(p.timeZone);
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <h2 className="mb-2 text-xl font-bold">{t("from", { from: preview.year.name, to: preview.nextYear.name })}</h2>
      <ul className="mb-4 list-disc pl-6">
        <li>
          {preview.nextYear.exists
            ? t("nextExists", { name: preview.nextYear.name })
            : t("nextNew", { name: preview.nextYear.name, start: formatDayInput(preview.nextYear.startDate), from: preview.year.name })}
        </li>
        <li>{t("finalGrade", { grade: preview.finalGrade })}</li>
        <li>{t("classTeacherKept")}</li>
        {preview.notCarried.length > 0 && <li>{t("notCarried", { names: preview.notCarried.map((n) => `«${n}»`).join(", ") })}</li>}
      </ul>
      {today < preview.year.endDate && <Notice kind="info">{t("notEnded", { name: preview.year.name, end: formatDayInput(preview.year.endDate) })}</Notice>}
      <RolloverForm action={applyRolloverAction} preview={preview} />
    </>
  );
}
