import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { PeriodLockControls } from "@/components/admin/periods/period-lock-controls";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listPeriodLocks, type PeriodLockRow } from "@/lib/journal/period-lock";
import { formatDateTime, formatDayRu } from "@/lib/time";
import { closePeriodAction, reopenPeriodAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("periods");
  return { title: t("title") };
}

async function PeriodSection({ period: x, timeZone, locked }: { period: PeriodLockRow; timeZone: string; locked: boolean }) {
  const t = await getTranslations("periods");
  const at = (d: Date) => formatDateTime(d, timeZone);
  const headingId = `period-${x.id}`;
  const state = x.closedAt ? (x.closedBy ? t("closedBy", { at: at(x.closedAt), who: x.closedBy }) : t("closed", { at: at(x.closedAt) })) : t("open");
  return (
    <section aria-labelledby={headingId} className="mt-6 rounded border-2 border-gray-300 p-4">
      <h2 id={headingId} className="text-xl font-bold">
        {x.name}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("dates")}</dt>
        <dd>{t("datesValue", { from: formatDayRu(x.startDate), to: formatDayRu(x.endDate) })}</dd>
        <dt className="font-semibold">{t("grades")}</dt>
        <dd>{t("gradesValue", { from: x.gradeFrom, to: x.gradeTo })}</dd>
        <dt className="font-semibold">{t("timing")}</dt>
        <dd>{t(`timing${x.timing}`)}</dd>
        <dt className="font-semibold">{t("state")}</dt>
        <dd>{state}</dd>
      </dl>
      {!locked && <PeriodLockControls id={x.id} name={x.name} closed={x.closedAt !== null} close={closePeriodAction} reopen={reopenPeriodAction} />}
      <h3 className="mt-4 font-bold">{t("history", { name: x.name })}</h3>
      {x.history.length === 0 ? (
        <p>{t("historyEmpty")}</p>
      ) : (
        <ol className="mt-1 list-disc space-y-1 pl-6">
          {x.history.map((e, i) => (
            <li key={i}>
              {e.action === "CLOSE"
                ? t("eventCLOSE", { at: at(e.at), who: e.actor })
                : t("eventREOPEN", { at: at(e.at), who: e.actor, reason: e.reason ?? "—" })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export default async function PeriodsPage() {
  const p = await requirePageRole(["ADMIN"], "/admin/periods");
  const data = await listPeriodLocks(p);
  const t = await getTranslations("periods");
  const locked = data.year?.closed ?? false;
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      {!data.year ? (
        <p>{t("noYear")}</p>
      ) : (
        <>
          <p className="font-semibold">{t("year", { name: data.year.name })}</p>
          {locked && <p className="mt-2">{t("yearClosed", { name: data.year.name })}</p>}
          {data.periods.length === 0 && <p className="mt-2">{t("noPeriods")}</p>}
          {data.periods.map((x) => (
            <PeriodSection key={x.id} period={x} timeZone={p.timeZone} locked={locked} />
          ))}
        </>
      )}
    </>
  );
}
