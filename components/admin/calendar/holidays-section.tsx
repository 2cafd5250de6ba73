import { getTranslations } from "next-intl/server";

import type { HolidayRow } from "@/lib/school/years";
import { formatDayInput } from "@/lib/school/calendar-days";
import { DataTable } from "@/components/ui/data-table";
import { RemoveForm, type FormAction } from "@/components/admin/calendar/form-kit";
import { HolidayForm } from "@/components/admin/calendar/holiday-form";

export async function HolidaysSection({ yearId, yearName, holidays, readOnly, actions }: {
  yearId: string; yearName: string; holidays: HolidayRow[]; readOnly: boolean; actions: { add: FormAction<unknown>; remove: FormAction<unknown> };
}) {
  const t = await getTranslations("calendar");
  return (
    <section aria-labelledby="holidays" className="mt-8">
      <h2 id="holidays" className="mb-2 text-xl font-bold">{t("holidays")}</h2>
      <DataTable
        caption={t("holidaysCaption", { name: yearName })}
        rows={holidays}
        rowKey={(h) => h.id}
        empty={t("noHolidays")}
        columns={[
          { key: "name", header: t("colName"), rowHeader: true, cell: (h) => h.name },
          { key: "kind", header: t("colKind"), cell: (h) => t(`holidayKind.${h.kind}`) },
          { key: "dates", header: t("colDates"), cell: (h) => (h.startDate === h.endDate ? formatDayInput(h.startDate) : t("dates", { from: formatDayInput(h.startDate), to: formatDayInput(h.endDate) })) },
          { key: "grades", header: t("colGrades"), cell: (h) => (h.gradeFrom === h.gradeTo ? String(h.gradeFrom) : t("grades", { from: h.gradeFrom, to: h.gradeTo })) },
          ...(readOnly
            ? []
            : [{ key: "actions", header: t("colActions"), cell: (h: HolidayRow) => <RemoveForm action={actions.remove} id={h.id} label={t("removeHoliday", { name: h.name })} errorTitle={t("removeFailed")} /> }]),
        ]}
      />
      {!readOnly && (
        <div className="mt-6">
          <h3 className="mb-2 text-lg font-bold">{t("holidayTitle")}</h3>
          <HolidayForm action={actions.add} yearId={yearId} />
        </div>
      )}
    </section>
  );
}
