import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { orNotFound } from "@/lib/school/not-found";
import { getYearCalendar } from "@/lib/school/years";
import { formatDayInput } from "@/lib/school/calendar-days";
import { PageTitle } from "@/components/ui/page-title";
import { Notice } from "@/components/ui/notice";
import { CopyCalendarForm } from "@/components/admin/calendar/year-forms";
import { PeriodsSection } from "@/components/admin/calendar/periods-section";
import { HolidaysSection } from "@/components/admin/calendar/holidays-section";
import { BellsSection } from "@/components/admin/calendar/bells-section";
import {
  addHolidayAction, addPeriodAction, copyCalendarAction, createBellScheduleAction, periodPresetAction, removeBellScheduleAction,
  removeBellSlotAction, removeHolidayAction, removePeriodAction, saveBellSlotAction,
} from "../actions";

type Props = { params: Promise<{ yearId: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations("calendar");
  const p = await requirePageRole(["ADMIN"], "/admin/calendar");
  const { yearId } = await params;
  const c = await orNotFound(getYearCalendar(p, yearId));
  return { title: t("yearTitle", { name: c.year.name }) };
}

export default async function YearPage({ params, searchParams }: Props) {
  const { yearId } = await params;
  const { created } = await searchParams;
  const p = await requirePageRole(["ADMIN"], `/admin/calendar/${yearId}`);
  const t = await getTranslations("calendar");
  const c = await orNotFound(getYearCalendar(p, yearId));
  const readOnly = c.year.closed;
  return (
    <>
      <PageTitle title={t("yearTitle", { name: c.year.name })} lead={t("yearLead", { from: formatDayInput(c.year.startDate), to: formatDayInput(c.year.endDate) })}>
        <Link href="/admin/calendar" className="text-accent underline underline-offset-4">{t("back")}</Link>
      </PageTitle>
      {created === "1" && <Notice>{t("yearCreated")}</Notice>}
      {readOnly && <Notice kind="info">{t("closedNotice")}</Notice>}
      {!readOnly && c.empty && c.previous && (
        <section aria-labelledby="copy" className="mt-4 rounded border-2 border-gray-300 p-4">
          <h2 id="copy" className="mb-2 text-xl font-bold">{t("copyTitle")}</h2>
          <p className="mb-3 max-w-3xl">{t("copyLead", { name: c.previous.name })}</p>
          <CopyCalendarForm action={copyCalendarAction} fromYear={c.previous} toYearId={c.year.id} />
        </section>
      )}
      <PeriodsSection yearId={c.year.id} yearName={c.year.name} periods={c.periods} readOnly={readOnly} actions={{ add: addPeriodAction, preset: periodPresetAction, remove: removePeriodAction }} />
      <HolidaysSection yearId={c.year.id} yearName={c.year.name} holidays={c.holidays} readOnly={readOnly} actions={{ add: addHolidayAction, remove: removeHolidayAction }} />
      <BellsSection
        yearId={c.year.id}
        yearStart={c.year.startDate}
        schedules={c.bellSchedules}
        readOnly={readOnly}
        actions={{ createSchedule: createBellScheduleAction, removeSchedule: removeBellScheduleAction, saveSlot: saveBellSlotAction, removeSlot: removeBellSlotAction }}
      />
    </>
  );
}
