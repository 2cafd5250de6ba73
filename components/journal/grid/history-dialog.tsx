"use client";
/**
 * The history of one cell of the journal grid (issue 4, item 8): every change, newest
 * first — when, who, what the cell held before and after, and why. A modal dialog: focus
 * moves to its title, Escape or «Закрыть» closes it and the grid puts focus back on the
 * cell.
 */
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";
import type { CellHistoryRow } from "@/lib/journal/grid";
import { historyValues, type HistorySide } from "@/components/journal/grid/format";

export type LoadHistory = (prev: ActionResult<CellHistoryRow[]>, form: FormData) => Promise<ActionResult<CellHistoryRow[]>>;

export type HistoryTarget = { lessonId: string; studentId: string; student: string; date: string };

// long words may break: at 200 % zoom the five columns still fit the dialog
const cell = "border-b border-gray-300 px-2 py-1.5 text-left align-top [overflow-wrap:anywhere]";

function Side({ side }: { side: HistorySide }) {
  return (
    <>
      <span className="block font-bold">{side.value}</span>
      {side.workType && <span className="block text-sm">({side.workType})</span>}
    </>
  );
}

export function HistoryDialog({ target, load, onClose }: { target: HistoryTarget; load: LoadHistory; onClose: () => void }) {
  const t = useTranslations("grid");
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // undefined while loading
  const [result, setResult] = useState<ActionResult<CellHistoryRow[]> | undefined>(undefined);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    title.current?.focus();
    // no close() on unmount: a removed dialog leaves the top layer by itself, and a queued
    // close event would otherwise reach the grid after the dialog had been opened again
  }, []);

  useEffect(() => {
    let live = true;
    const form = new FormData();
    form.set("lessonId", target.lessonId);
    form.set("studentId", target.studentId);
    load(null, form).then(
      (r) => {
        if (live) setResult(r ?? { ok: false, message: t("historyFailed"), fieldErrors: {} });
      },
      () => {
        if (live) setResult({ ok: false, message: t("historyFailed"), fieldErrors: {} });
      },
    );
    return () => {
      live = false;
    };
  }, [target.lessonId, target.studentId, load, t]);

  const rows = result?.ok ? result.data : null;
  const words = { nothing: t("historyNothing"), removed: t("historyRemoved") };
  const what = (r: CellHistoryRow) =>
    r.entity === "ATTENDANCE" ? t("historyAttendance") : r.part !== null && r.part > 1 ? t("historyMarkPart", { part: r.part }) : t("historyMark");

  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-auto max-h-[85vh] w-[min(56rem,calc(100vw-2rem))] overflow-auto rounded border-2 border-gray-600 bg-white p-4 text-gray-900 backdrop:bg-black/50"
    >
      <h2 id={`${id}-title`} ref={title} tabIndex={-1} className="mb-3 text-xl font-bold focus:outline-4 focus:outline-blue-700">
        {t("historyTitle", { student: target.student, date: target.date })}
      </h2>
      <p role="status" className="mb-3">
        {result === undefined ? t("historyLoading") : rows ? (rows.length === 0 ? t("historyEmpty") : t("historyCount", { count: rows.length })) : ""}
      </p>
      {result && !result.ok && (
        <p role="alert" className="mb-3 font-semibold text-danger">{t("historyError", { reason: result.message })}</p>
      )}
      {rows && rows.length > 0 && (
        <table className="mb-4 w-full border-collapse">
          <caption className="mb-2 text-left font-semibold">{t("historyCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>{t("historyWhenWhat")}</th>
              <th scope="col" className={cell}>{t("historyWho")}</th>
              <th scope="col" className={cell}>{t("historyBefore")}</th>
              <th scope="col" className={cell}>{t("historyAfter")}</th>
              <th scope="col" className={cell}>{t("historyWhy")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const shown = historyValues(r, words);
              return (
                <tr key={`${r.at}-${i}`}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <time dateTime={r.at} className="block">{r.atText}</time>
                    <span className="block text-sm">{what(r)}</span>
                  </th>
                  <td className={cell}>{r.actor ?? t("historyNobody")}</td>
                  <td className={cell}><Side side={shown.before} /></td>
                  <td className={cell}><Side side={shown.after} /></td>
                  <td className={cell}>{r.reason ?? (shown.workTypeChanged ? t("historyWhyWorkType") : t("historyNoReason"))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button
        type="button"
        onClick={() => dialog.current?.close()}
        className="rounded border-2 border-accent bg-white px-4 py-2 font-semibold text-accent hover:bg-blue-50"
      >
        {t("historyClose")}
      </button>
    </dialog>
  );
}
