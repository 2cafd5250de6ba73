import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { ExamImportForm } from "@/components/admin/exams/import-form";
import type { ImportLabels, ScaleLabels } from "@/components/admin/exams/labels";
import { ScaleForm } from "@/components/admin/exams/scale-form";
import { requirePageRole } from "@/lib/auth/page-guard";
import type { GuardianState } from "@/lib/exams/informed";
import { receivedAtValue } from "@/lib/exams/file";
import { examMonitor, MONITOR_DAYS, type MonitorRow } from "@/lib/exams/monitor";
import { EXAM_KINDS } from "@/lib/exams/scale";
import { listScales } from "@/lib/exams/scales";
import { formatDayRu, schoolToday } from "@/lib/time";
import { applyExamsAction, previewExamsAction, saveScaleAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("exams");
  return { title: t("title") };
}

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function ExamsPage({ searchParams }: { searchParams: SP }) {
  const p = await requirePageRole(["ADMIN"], "/admin/exams");
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const kind = EXAM_KINDS.find((k) => k === one(sp.kind)) ?? "OGE";
  const problemsOnly = one(sp.problems) === "1";
  const t = await getTranslations("exams");
  const [scales, monitor] = await Promise.all([listScales(p, kind), examMonitor(p, { problemsOnly })]);
  const locale = p.locale === "en" ? "en-GB" : "ru-RU";
  const parts = (at: Date) => ({
    date: new Intl.DateTimeFormat(locale, { timeZone: p.timeZone, day: "numeric", month: "long" }).format(at),
    time: new Intl.DateTimeFormat(locale, { timeZone: p.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at),
  });
  const when = (at: Date) => {
    const x = parts(at);
    return `${x.date}, ${x.time}`;
  };

  const kinds = { OGE: t("kinds.OGE"), GVE: t("kinds.GVE"), VOCATIONAL: t("kinds.VOCATIONAL") };
  const importLabels: ImportLabels = {
    ...(Object.fromEntries(
      (["receivedAt", "receivedHint", "receivedText", "publishLate", "inFile", "file", "fileHint", "check", "checking", "errorTitle", "rejected", "rejectedLead", "errorsCaption", "line", "column", "value", "message", "empty",
        "previewHeading", "previewLead", "previewCaption", "student", "exam", "subject", "date", "score", "scoreOf", "mark", "result",
        "confirm", "confirming", "applied", "appliedLead", "appliedCaption"] as const).map((k) => [k, t.raw(`import.${k}`) as string]),
    ) as Omit<ImportLabels, "results" | "appliedResults" | "kinds">),
    results: { created: t("import.results.created"), updated: t.raw("import.results.updated") as string, unchanged: t("import.results.unchanged") },
    appliedResults: { created: t("import.appliedResults.created"), updated: t("import.appliedResults.updated"), unchanged: t("import.appliedResults.unchanged") },
    kinds: { OGE: "ОГЭ", GVE: "ГВЭ", VOCATIONAL: "ПО" },
  };
  const scaleLabels: ScaleLabels = {
    maxScore: t("scales.maxScore"), min3: t("scales.min3"), min4: t("scales.min4"), min5: t("scales.min5"),
    save: t("scales.save"), saving: t("scales.saving"), saved: t("scales.saved"), errorTitle: t("scales.errorTitle"),
  };

  const guardianText = (g: GuardianState): string => {
    switch (g.state) {
      case "SENT":
      case "SENT_LATE":
        return t(`monitor.states.${g.state}`, parts(g.at));
      case "PAPER":
        return t(g.late ? "monitor.states.PAPER_LATE" : "monitor.states.PAPER", parts(g.at));
      case "WAITING":
        return t("monitor.states.WAITING", parts(g.until));
      case "FAILED":
        return g.error ? t("monitor.failedBecause", { error: g.error }) : t("monitor.states.FAILED");
      default:
        return t(`monitor.states.${g.state}`);
    }
  };
  const familyCell = (r: MonitorRow) =>
    r.informed.guardians.length === 0 ? (
      "—"
    ) : (
      <ul>
        {r.informed.guardians.map((g) => (
          <li key={g.guardianId}>
            {g.name}: {guardianText(g)}
          </li>
        ))}
      </ul>
    );
  const verdictCell = (r: MonitorRow) => (
    <>
      <span className={`block font-semibold ${r.informed.problem ? "text-danger" : ""}`}>
        {r.informed.problem && <>{t("monitor.problem")}: </>}
        {t(`monitor.verdicts.${r.informed.verdict}`)}
      </span>
      {r.informed.problem && (
        <span className="block">{r.informed.overdue ? t("monitor.overdue", parts(r.informed.deadline)) : t("monitor.dueBy", parts(r.informed.deadline))}</span>
      )}
    </>
  );

  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />

      <section aria-labelledby="exam-import-heading" className="mb-10">
        <h2 id="exam-import-heading" className="mb-2 text-xl font-bold">
          {t("import.heading")}
        </h2>
        <p className="mb-2 max-w-3xl">{t("import.lead")}</p>
        <p className="mb-2 max-w-3xl">{t("import.format")}</p>
        <p className="mb-4">
          <a href="/admin/exams/template.csv" download className="text-accent underline underline-offset-4">
            {t("import.template")}
          </a>
        </p>
        <ExamImportForm
          preview={previewExamsAction}
          apply={applyExamsAction}
          labels={importLabels}
          timeZone={p.timeZone}
          receivedDefault={receivedAtValue(new Date(), p.timeZone)}
        />
      </section>

      <section aria-labelledby="exam-monitor-heading" className="mb-10">
        <h2 id="exam-monitor-heading" className="mb-2 text-xl font-bold">
          {t("monitor.heading")}
        </h2>
        <p className="mb-2 max-w-3xl">{t("monitor.lead")}</p>
        <p className="mb-2">{t("monitor.span", { days: MONITOR_DAYS, since: formatDayRu(schoolToday(p.timeZone, monitor.since)), total: monitor.total, problems: monitor.problems })}</p>
        <form method="get" action="/admin/exams" className="flex flex-wrap items-center gap-4">
          {kind !== "OGE" && <input type="hidden" name="kind" value={kind} />}
          <label className="flex items-center gap-2">
            <input type="checkbox" name="problems" value="1" defaultChecked={problemsOnly} className="h-5 w-5" />
            {t("monitor.problemsOnly")}
          </label>
          <button type="submit" className="rounded bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-dark">
            {t("monitor.show")}
          </button>
        </form>
        <DataTable<MonitorRow>
          caption={t("monitor.caption")}
          rows={monitor.rows}
          rowKey={(r) => r.id}
          empty={problemsOnly && monitor.total > 0 ? t("monitor.noProblems") : t("monitor.empty")}
          columns={[
            {
              key: "result", header: t("monitor.result"), rowHeader: true,
              cell: (r) => (
                <>
                  <span className="block">{r.className ? `${r.student}, ${r.className}` : r.student}</span>
                  <span className="block font-normal">
                    {kinds[r.exam]}, {r.subject}, {formatDayRu(r.examDate)}: {r.score}/{r.maxScore}, «{r.mark}»
                  </span>
                </>
              ),
            },
            { key: "received", header: t("monitor.received"), cell: (r) => when(r.receivedAt) },
            { key: "published", header: t("monitor.published"), cell: (r) => (r.publishedAt ? when(r.publishedAt) : t("monitor.notPublished")) },
            { key: "verdict", header: t("monitor.verdict"), cell: verdictCell },
            { key: "family", header: t("monitor.family"), cell: familyCell },
          ]}
        />
      </section>

      <section aria-labelledby="scales" id="scales-section">
        <h2 id="scales" className="mb-2 text-xl font-bold">
          {t("scales.heading")}
        </h2>
        <p className="mb-2 max-w-3xl">{t("scales.lead")}</p>
        {!scales.year ? (
          <p>{t("noYear")}</p>
        ) : (
          <>
            <p className="mb-2 font-semibold">{t("scales.year", { name: scales.year.name })}</p>
            {scales.year.closed && <p className="mb-2">{t("scales.closed")}</p>}
            <nav aria-label={t("scales.kindNav")} className="mb-4">
              <ul className="flex flex-wrap gap-3">
                {EXAM_KINDS.map((k) => (
                  <li key={k}>
                    <Link
                      href={`/admin/exams?kind=${k}${problemsOnly ? "&problems=1" : ""}#scales`}
                      aria-current={k === kind ? "page" : undefined}
                      className={`inline-block rounded border-2 px-4 py-2 ${k === kind ? "border-accent bg-accent font-semibold text-white" : "border-gray-600 underline underline-offset-4"}`}
                    >
                      {kinds[k]}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            {scales.rows.length === 0 ? (
              <p>{t("scales.none")}</p>
            ) : (
              scales.rows.map((r) => (
                <ScaleForm
                  key={`${kind}-${r.subjectId}`}
                  action={saveScaleAction}
                  kind={kind}
                  subjectId={r.subjectId}
                  subjectName={r.subjectName}
                  status={r.scale ? t("scales.current", { max: r.scale.maxScore, min3: r.scale.min3, min4: r.scale.min4, min5: r.scale.min5 }) : t("scales.missing")}
                  current={r.scale}
                  disabled={scales.year?.closed ?? false}
                  labels={scaleLabels}
                />
              ))
            )}
          </>
        )}
      </section>
    </>
  );
}
