"use client";

import { useActionState, useState } from "react";

import type { ActionResult } from "@/lib/action";
import type { ExamImportReport, ExamPlanRow } from "@/lib/exams/import";
import { DataTable } from "@/components/ui/data-table";
import { ErrorSummary } from "@/components/ui/error-summary";
import { refuseLargeFile } from "@/components/ui/refuse-large-file";
import { FieldShell } from "@/components/ui/field-shell";
import { SubmitButton } from "@/components/ui/submit-button";
import { FileField } from "@/components/admin/import/file-field";
import { fill, type ImportLabels } from "@/components/admin/exams/labels";

type Preview = { id: string; report: ExamImportReport; file: { name: string; data: string; receivedAt: string } | null };
type PreviewAction = (prev: ActionResult<Preview>, form: FormData) => Promise<ActionResult<Preview>>;
type ApplyAction = (prev: ActionResult<ExamImportReport>, form: FormData) => Promise<ActionResult<ExamImportReport>>;

const MAX_BYTES = 1024 * 1024;

function dayRu(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}.${m}.${y}`;
}

/** An instant in the school's zone, «5 июня 2026 г., 14:30». */
function when(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("ru-RU", { timeZone, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(at));
}

type Props = {
  preview: PreviewAction;
  apply: ApplyAction;
  labels: ImportLabels;
  /** the school's time zone: the receipt time is typed and shown in it */
  timeZone: string;
  /** the receipt field's first value: now, as «2026-06-05T14:30» in the school's zone */
  receivedDefault: string;
};

/** Upload with the time the file came → the check (errors, or what will change) → confirm → what was done. */
export function ExamImportForm({ preview, apply, labels, timeZone, receivedDefault }: Props) {
  const [state, formAction] = useActionState(preview, null);
  const [tooBig, setTooBig] = useState(false);
  const failed = state && !state.ok ? state : null;
  const tooBigText = labels.fileHint;
  return (
    <>
      <form
        action={formAction}
        noValidate
        onSubmit={refuseLargeFile(MAX_BYTES, setTooBig)}
      >
        <ErrorSummary title={labels.errorTitle} message={tooBig ? tooBigText : failed?.message} />
        <FieldShell name="receivedAt" label={labels.receivedAt} hint={labels.receivedHint} errors={failed?.fieldErrors.receivedAt}>
          {({ borderClass, ...control }) => (
            <input
              {...control}
              type="datetime-local"
              required
              defaultValue={failed?.values?.receivedAt ?? receivedDefault}
              className={`block w-full max-w-xs rounded border-2 bg-white px-3 py-2 text-[1.0625rem] ${borderClass}`}
            />
          )}
        </FieldShell>
        <FileField name="file" label={labels.file} hint={labels.fileHint} accept=".csv,text/csv" errors={tooBig ? [tooBigText] : failed?.fieldErrors.file} />
        <SubmitButton label={labels.check} pending={labels.checking} />
      </form>
      {state?.ok && state.data.report.status === "REJECTED" && <ErrorsView report={state.data.report} labels={labels} />}
      {state?.ok && state.data.report.status === "PREVIEW" && state.data.file && (
        <Confirm key={state.data.id} report={state.data.report} file={state.data.file} apply={apply} labels={labels} timeZone={timeZone} />
      )}
    </>
  );
}

function ErrorsView({ report, labels }: { report: ExamImportReport; labels: ImportLabels }) {
  const errors = report.errors.map((e, i) => ({ ...e, key: String(i) }));
  return (
    <section aria-labelledby="exam-import-result" className="mt-6">
      <div role="alert" className="max-w-3xl rounded border-2 border-danger bg-red-50 p-3">
        <h3 id="exam-import-result" className="text-lg font-bold text-danger">
          {labels.rejected}
        </h3>
        <p>{labels.rejectedLead}</p>
      </div>
      <DataTable
        caption={fill(labels.errorsCaption, { file: report.fileName })}
        rows={errors}
        rowKey={(e) => e.key}
        columns={[
          { key: "line", header: labels.line, cell: (e) => e.line, rowHeader: true },
          { key: "column", header: labels.column, cell: (e) => e.column },
          { key: "value", header: labels.value, cell: (e) => (e.value === "" ? labels.empty : e.value), className: "break-all" },
          { key: "message", header: labels.message, cell: (e) => e.message },
        ]}
      />
    </section>
  );
}

function RowsTable({ caption, rows, labels, result }: { caption: string; rows: ExamPlanRow[]; labels: ImportLabels; result: (r: ExamPlanRow) => string }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => String(r.line)}
      columns={[
        { key: "line", header: labels.line, cell: (r) => r.line, rowHeader: true },
        {
          key: "student", header: labels.student,
          cell: (r) => (
            <>
              {r.className ? `${r.student}, ${r.className}` : r.student}
              {r.fileStudent && <span className="block text-muted">{fill(labels.inFile, { name: r.fileStudent })}</span>}
            </>
          ),
        },
        { key: "exam", header: labels.exam, cell: (r) => `${labels.kinds[r.exam]}, ${r.subject}` },
        { key: "date", header: labels.date, cell: (r) => dayRu(r.examDate) },
        { key: "score", header: labels.score, cell: (r) => fill(labels.scoreOf, { score: r.score, max: r.maxScore }) },
        { key: "mark", header: labels.mark, cell: (r) => r.mark },
        { key: "result", header: labels.result, cell: result },
      ]}
    />
  );
}

function Confirm({ report, file, apply, labels, timeZone }: {
  report: ExamImportReport; file: { name: string; data: string; receivedAt: string }; apply: ApplyAction; labels: ImportLabels; timeZone: string;
}) {
  const [state, formAction] = useActionState(apply, null);
  const failed = state && !state.ok ? state : null;
  const done = state?.ok ? state.data : null;
  if (done?.status === "REJECTED") return <ErrorsView report={done} labels={labels} />;
  if (done?.status === "APPLIED") {
    return (
      <section aria-labelledby="exam-import-result" className="mt-6">
        <div role="status" className="max-w-3xl rounded border-2 border-ok bg-green-50 p-3">
          <h3 id="exam-import-result" className="text-lg font-bold">
            {labels.applied}
          </h3>
          <p>{fill(labels.appliedLead, { ...done.counts, messages: done.messages })}</p>
          <p>{fill(labels.receivedText, { when: when(done.receivedAt, timeZone) })}</p>
        </div>
        <RowsTable caption={fill(labels.appliedCaption, { file: done.fileName })} rows={done.rows} labels={labels} result={(r) => labels.appliedResults[r.result]} />
      </section>
    );
  }
  return (
    <section aria-labelledby="exam-import-result" className="mt-6">
      <div role="status" className="max-w-3xl rounded border-2 border-accent bg-blue-50 p-3">
        <h3 id="exam-import-result" className="text-lg font-bold">
          {labels.previewHeading}
        </h3>
        <p>{fill(labels.previewLead, report.counts)}</p>
        <p>{fill(labels.receivedText, { when: when(report.receivedAt, timeZone) })}</p>
        {report.publishLate && <p className="font-semibold text-danger">{labels.publishLate}</p>}
      </div>
      <RowsTable
        caption={fill(labels.previewCaption, { file: report.fileName })}
        rows={report.rows}
        labels={labels}
        result={(r) => (r.result === "updated" ? fill(labels.results.updated, { score: r.before?.score ?? "", mark: r.before?.mark ?? "" }) : labels.results[r.result])}
      />
      <form action={formAction}>
        <ErrorSummary title={labels.errorTitle} message={failed?.message} />
        <input type="hidden" name="fileName" value={file.name} />
        <input type="hidden" name="data" value={file.data} />
        <input type="hidden" name="receivedAt" value={file.receivedAt} />
        <SubmitButton label={labels.confirm} pending={labels.confirming} />
      </form>
    </section>
  );
}
