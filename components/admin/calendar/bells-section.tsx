import { getTranslations } from "next-intl/server";

import type { BellScheduleRow } from "@/lib/school/years";
import { formatDayInput } from "@/lib/school/calendar-days";
import { DataTable } from "@/components/ui/data-table";
import { RemoveForm, type FormAction } from "@/components/admin/calendar/form-kit";
import { BellScheduleForm, BellSlotForm } from "@/components/admin/calendar/bell-forms";

type Actions = { createSchedule: FormAction<unknown>; removeSchedule: FormAction<unknown>; saveSlot: FormAction<unknown>; removeSlot: FormAction<unknown> };
type Slot = BellScheduleRow["slots"][number];

export async function BellsSection({ yearId, yearStart, schedules, readOnly, actions }: {
  yearId: string; yearStart: string; schedules: BellScheduleRow[]; readOnly: boolean; actions: Actions;
}) {
  const t = await getTranslations("calendar");
  const label = (s: BellScheduleRow) =>
    t("bellsCaption", {
      name: s.name,
      range: s.validTo ? t("rangeFromTo", { from: formatDayInput(s.validFrom), to: formatDayInput(s.validTo) }) : t("rangeFrom", { from: formatDayInput(s.validFrom) }),
    });
  // a schedule that began in an earlier year is shown, but changed only through a new one
  const own = schedules.filter((s) => s.validFrom >= yearStart);
  return (
    <section aria-labelledby="bells" className="mt-8">
      <h2 id="bells" className="mb-2 text-xl font-bold">{t("bells")}</h2>
      {schedules.length === 0 && <p className="my-4">{t("noBells")}</p>}
      {schedules.map((s) => {
        const editable = !readOnly && s.validFrom >= yearStart;
        return (
          <div key={s.id} className="mb-6">
            <DataTable
              caption={label(s)}
              rows={s.slots}
              rowKey={(b) => b.id}
              empty={`${label(s)}: ${t("noSlots")}`}
              columns={[
                { key: "n", header: t("colLesson"), rowHeader: true, cell: (b: Slot) => b.number },
                { key: "start", header: t("colStart"), cell: (b: Slot) => b.startsAt },
                { key: "end", header: t("colEnd"), cell: (b: Slot) => b.endsAt },
                ...(editable
                  ? [{ key: "actions", header: t("colActions"), cell: (b: Slot) => <RemoveForm action={actions.removeSlot} id={b.id} label={t("removeSlot", { number: b.number })} errorTitle={t("removeFailed")} /> }]
                  : []),
              ]}
            />
            {editable && <RemoveForm action={actions.removeSchedule} id={s.id} label={t("removeSchedule", { name: s.name })} errorTitle={t("removeFailed")} />}
          </div>
        );
      })}
      {!readOnly && (
        <div className="mt-6 grid gap-8 xl:grid-cols-2">
          {own.length > 0 && (
            <div>
              <h3 className="mb-2 text-lg font-bold">{t("slotTitle")}</h3>
              <BellSlotForm action={actions.saveSlot} schedules={own.map((s) => ({ id: s.id, label: label(s) }))} />
            </div>
          )}
          <div>
            <h3 className="mb-2 text-lg font-bold">{t("scheduleTitle")}</h3>
            <BellScheduleForm action={actions.createSchedule} yearId={yearId} validFrom={formatDayInput(yearStart)} />
          </div>
        </div>
      )}
    </section>
  );
}
