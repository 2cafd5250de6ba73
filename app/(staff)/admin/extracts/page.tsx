import { getTranslations } from "next-intl/server";

import { DataTable } from "@/components/ui/data-table";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { ExtractForm, type ExtractFormValues } from "@/components/admin/extracts/extract-form";
import { PrintLog } from "@/components/admin/extracts/print-log";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { extractClassOptions, selectClassExtracts, type ClassSelection } from "@/lib/reports/extract-data";
import { parseClassExtractQuery, type ClassExtractQuery } from "@/lib/reports/extract-params";
import { listExtractPrints } from "@/lib/reports/extract-prints";
import { schoolToday } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("extracts");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;

const link = "text-accent underline underline-offset-4";

/** The query of a PDF for the same span and print (a class file, or one student's). */
function pdfQuery(q: ClassExtractQuery, extra: Record<string, string>): string {
  const params = new URLSearchParams(extra);
  if (q.span.kind === "period") params.set("period", q.span.periodId);
  if (q.span.kind === "range") {
    params.set("from", q.span.from);
    params.set("to", q.span.to);
  }
  return params.toString();
}

type Outcome =
  | { kind: "errors"; message: string; fieldErrors: Record<string, string[]> }
  | { kind: "ready"; query: ClassExtractQuery; chosen: ClassSelection; everyone: ClassSelection; onPaper: Set<string> };

export default async function ExtractsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const p = await requirePageRole(["ADMIN"], "/admin/extracts");
  const t = await getTranslations("extracts");
  const raw = await searchParams;
  const params = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const get = (k: string) => params.get(k) ?? "";
  const [classes, log] = await Promise.all([extractClassOptions(p), listExtractPrints(p)]);
  const cohort = classes.find((c) => c.id === get("cohort"));

  let outcome: Outcome | null = null;
  if (cohort && get("go") !== "") {
    const parsed = parseClassExtractQuery(params);
    if (!parsed.ok) outcome = { kind: "errors", message: parsed.message, fieldErrors: parsed.fieldErrors };
    else {
      try {
        const q = parsed.value;
        const chosen = await selectClassExtracts(p, q);
        const everyone = q.who === "all" ? chosen : await selectClassExtracts(p, { ...q, who: "all" });
        const paper = q.who === "paper" ? chosen : await selectClassExtracts(p, { ...q, who: "paper" });
        outcome = { kind: "ready", query: q, chosen, everyone, onPaper: new Set(paper.students.map((s) => s.id)) };
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "BAD_INPUT") throw error;
        outcome = { kind: "errors", message: error.message, fieldErrors: error.fieldErrors ?? {} };
      }
    }
  }

  const today = schoolToday(p.timeZone);
  const underWay = cohort?.periods.find((x) => x.from <= today && today <= x.to)?.id ?? "";
  const values: ExtractFormValues = {
    span: get("span") === "dates" || (get("span") === "" && cohort?.periods.length === 0) ? "dates" : "period",
    period: get("go") ? get("period") : underWay,
    from: get("from"),
    to: get("to"),
    who: get("who") === "all" ? "all" : "paper",
    large: ["1", "on"].includes(get("large")),
  };

  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />

      {classes.length === 0 ? (
        <p>{t("noClasses")}</p>
      ) : (
        <form method="get" action="/admin/extracts" aria-label={t("classForm")} className="mb-6 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="cohort" className="mb-1 block font-semibold">
              {t("classLabel")}
            </label>
            <select id="cohort" name="cohort" defaultValue={cohort?.id ?? ""} className="block rounded border-2 border-gray-600 bg-white px-3 py-2 text-[1.0625rem]">
              <option value="">{t("choose")}</option>
              {classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {t("classOption", { name: c.name, year: c.yearName })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-dark">
            {t("pick")}
          </button>
        </form>
      )}

      {!cohort && classes.length > 0 && <p>{t("chooseClass")}</p>}

      {cohort && (
        <>
          {outcome?.kind === "errors" && <ErrorSummary title={t("errorTitle")} message={outcome.message} />}
          <ExtractForm cohort={cohort} values={values} errors={outcome?.kind === "errors" ? outcome.fieldErrors : {}} />
        </>
      )}

      {outcome?.kind === "ready" && <Ready outcome={outcome} />}

      <PrintLog entries={log.entries} more={log.more} timeZone={p.timeZone} />
    </>
  );
}

async function Ready({ outcome }: { outcome: Extract<Outcome, { kind: "ready" }> }) {
  const t = await getTranslations("extracts");
  const { query: q, chosen, everyone, onPaper } = outcome;
  const large: Record<string, string> = q.largePrint ? { large: "1" } : {};
  const classHref = `/api/reports/extract/class?${pdfQuery(q, { cohort: chosen.cohort.id, who: q.who, ...large })}`;
  const single = (studentId: string, big: boolean) => `/api/reports/extract?${pdfQuery(q, { student: studentId, ...(big ? { large: "1" } : {}) })}`;
  const span = chosen.span.name ?? chosen.span.label;
  return (
    <section aria-labelledby="ready-heading" className="mb-8">
      <h2 id="ready-heading" className="sr-only">
        {t("form", { name: chosen.cohort.name })}
      </h2>
      {chosen.students.length === 0 ? (
        <Notice kind="info">{q.who === "paper" ? t("nobodyPaper", { name: chosen.cohort.name }) : t("nobody", { name: chosen.cohort.name })}</Notice>
      ) : (
        <Notice kind="success">
          <p className="font-semibold">{t("ready", { count: chosen.students.length, name: chosen.cohort.name, span })}</p>
          <p className="mb-2">{t("readyWho", { names: chosen.students.map((s) => s.name).join(", ") })}</p>
          <a href={classHref} className="inline-block rounded bg-accent px-4 py-2 font-semibold text-white no-underline hover:bg-accent-dark">
            {t("download", { count: chosen.students.length })}
          </a>
        </Notice>
      )}
      <DataTable<ClassSelection["students"][number]>
        caption={t("studentsCaption", { name: chosen.cohort.name })}
        rows={everyone.students}
        rowKey={(s) => s.id}
        columns={[
          { key: "name", header: t("student"), rowHeader: true, cell: (s) => s.name },
          { key: "paper", header: t("onPaper"), cell: (s) => (onPaper.has(s.id) ? t("onPaperYes") : t("onPaperNo")) },
          {
            key: "pdf", header: t("single"), cell: (s) => (
              <span className="flex flex-wrap gap-x-4">
                <a href={single(s.id, false)} aria-label={t("singleLinkName", { name: s.name })} className={link}>{t("singleLink")}</a>
                <a href={single(s.id, true)} aria-label={t("singleLargeName", { name: s.name })} className={link}>{t("singleLarge")}</a>
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
