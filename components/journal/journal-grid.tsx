"use client";
/**
 * The journal grid (ARIA grid pattern): one tab stop, arrows move, typing writes, Enter
 * or Tab saves and moves on. Each entry is saved on its own through the outbox, and each
 * cell says in words whether its value is being saved, saved or refused and why. Above
 * the grid, the panel of the focused cell sets its column's work type and opens the
 * cell's history (also Shift+F10 on the cell).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import type { GridLesson, GridStudent, GridWorkType } from "@/lib/journal/grid";
import type { Scale } from "@/lib/grading/marks";
import { formatDay } from "@/lib/time";
import { afterCommit, nextPosition, opensHistory, startsEntry, type Pos } from "@/components/journal/grid-keys";
import { useOutbox, type Outcome, type SaveCell } from "@/components/journal/use-outbox";
import { weightOnDay } from "@/components/journal/grid/format";
import { WorkTypeForm, type SetWorkType } from "@/components/journal/grid/work-type-form";
import { HistoryDialog, type HistoryTarget, type LoadHistory } from "@/components/journal/grid/history-dialog";

type Props = {
  cohortId: string;
  subjectId: string;
  periodId: string;
  caption: string;
  lessons: GridLesson[];
  students: GridStudent[];
  cells: Record<string, string>;
  writable: boolean;
  scale: Scale;
  workTypes: GridWorkType[];
  save: SaveCell;
  setWorkType: SetWorkType;
  loadHistory: LoadHistory;
};

type Status = { state: "saved" } | { state: "refused"; reason: string };

const keyOf = (lessonId: string, studentId: string) => `${lessonId}:${studentId}`;

function inCohort(s: GridStudent, day: string): boolean {
  return s.ranges.some((r) => r.from <= day && (r.to === null || day <= r.to));
}

export function JournalGrid(props: Props) {
  const { lessons, students, writable, save, scale, workTypes } = props;
  const t = useTranslations("grid");
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(props.cells);
  const [statuses, setStatuses] = useState<Record<string, Status>>({});
  const [focus, setFocus] = useState<Pos>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ pos: Pos; value: string } | null>(null);
  const [openFormula, setOpenFormula] = useState<Record<string, boolean>>({});
  // averages recomputed by the server with each saved entry, over what the page was given
  const [averages, setAverages] = useState<Record<string, { average: string; formula: string }>>({});
  // the page's data came again (a column's work type changed): its averages are the fresh ones
  useEffect(() => setAverages({}), [students]);
  const [announcement, setAnnouncement] = useState("");
  // fromPanel: opened by the panel's button, so focus goes back to that button, not to the cell
  const [history, setHistory] = useState<{ pos: Pos; target: HistoryTarget; fromPanel: boolean } | null>(null);
  const historyButton = useRef<HTMLButtonElement>(null);
  const refs = useRef(new Map<string, HTMLElement>());
  const moveFocus = useRef(false);
  // set while an input is open; a key that closes it clears it first, so the blur that follows does not save again
  const typing = useRef(false);
  const cols = lessons.length + 1;
  const size = { rows: students.length, cols };

  const dayName = useCallback((day: string) => formatDay(day, "ru-RU", false), []);
  // named once per render, not once per cell: a 30 × 60 grid has 1,800 cells
  const dayNames = useMemo(() => lessons.map((l) => dayName(l.date)), [lessons, dayName]);
  const emptyText = t("empty");
  const cellPattern = t.raw("cellName") as string;
  const cellName = (student: string, date: string, value: string) =>
    cellPattern.replace("{student}", () => student).replace("{date}", () => date).replace("{value}", () => value);
  const nameOf = useCallback(
    (lessonId: string, studentId: string) => {
      const lesson = lessons.find((l) => l.id === lessonId);
      const student = students.find((s) => s.id === studentId);
      return { student: student?.name ?? "", date: lesson ? dayName(lesson.date) : "" };
    },
    [lessons, students, dayName],
  );

  const onOutcome = useCallback(
    ({ entry, result, superseded }: Outcome) => {
      const key = keyOf(entry.lessonId, entry.studentId);
      const who = nameOf(entry.lessonId, entry.studentId);
      if (result.ok) {
        if (!superseded) {
          setValues((v) => ({ ...v, [key]: result.data.text }));
          setStatuses((s) => ({ ...s, [key]: { state: "saved" } }));
        }
        const average = result.data.average;
        if (average) setAverages((a) => ({ ...a, [entry.studentId]: average }));
        setAnnouncement(t("announceSaved", { ...who, value: result.data.text || t("empty") }));
      } else {
        const reason = result.message || t("networkRefused");
        if (!superseded) setStatuses((s) => ({ ...s, [key]: { state: "refused", reason } }));
        setAnnouncement(t("announceRefused", { ...who, reason }));
      }
    },
    [nameOf, t],
  );

  const { pending, online, ready, add, serverTrouble } = useOutbox(props, save, onOutcome);
  const waiting = useMemo(() => new Map(pending.map((e) => [keyOf(e.lessonId, e.studentId), e.input])), [pending]);

  useEffect(() => {
    if (!moveFocus.current || editing) return;
    moveFocus.current = false;
    refs.current.get(`${focus.row}:${focus.col}`)?.focus();
  }, [focus, editing]);

  const go = (pos: Pos) => {
    moveFocus.current = true;
    setFocus(pos);
  };

  const lockReason = (lesson: GridLesson, student: GridStudent): string | null => {
    if (!writable) return t("lockedReadOnly");
    if (lesson.status === "CANCELLED" || lesson.status === "MOVED") return t("lockedCancelled");
    if (!inCohort(student, lesson.date)) return t("lockedNotMember");
    return null;
  };

  const commit = (pos: Pos, input: string, onlyIfChanged = false) => {
    const lesson = lessons[pos.col];
    const student = students[pos.row];
    if (!lesson || !student) return;
    const key = keyOf(lesson.id, student.id);
    const shown = waiting.get(key) ?? values[key] ?? "";
    if (onlyIfChanged && input.trim() === shown.trim() && statuses[key]?.state !== "refused") return;
    setValues((v) => ({ ...v, [key]: input.trim() }));
    setStatuses((s) => {
      const rest = { ...s };
      delete rest[key];
      return rest;
    });
    add({ id: crypto.randomUUID(), lessonId: lesson.id, studentId: student.id, input: input.trim() });
  };

  const tryEdit = (pos: Pos, initial: string): boolean => {
    const lesson = lessons[pos.col];
    const student = students[pos.row];
    if (!lesson || !student) return false;
    const locked = lockReason(lesson, student);
    if (locked) {
      setAnnouncement(t("cellLocked", { reason: locked }));
      return false;
    }
    typing.current = true;
    setEditing({ pos, value: initial });
    return true;
  };

  const onCellKey = (e: React.KeyboardEvent, pos: Pos) => {
    const next = nextPosition(e.key, pos, size, e.ctrlKey || e.metaKey);
    if (next) {
      e.preventDefault();
      go(next);
      return;
    }
    if (pos.col >= lessons.length) return; // the average column: its button handles Enter and Space
    const lesson = lessons[pos.col];
    const student = students[pos.row];
    if (!lesson || !student) return;
    const key = keyOf(lesson.id, student.id);
    if (opensHistory(e)) {
      e.preventDefault();
      openHistory(pos, false);
    } else if (startsEntry(e)) {
      e.preventDefault();
      tryEdit(pos, e.key);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      tryEdit(pos, waiting.get(key) ?? values[key] ?? "");
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      if (!lockReason(lesson, student)) commit(pos, "");
      else setAnnouncement(t("cellLocked", { reason: lockReason(lesson, student) ?? "" }));
    }
  };

  const onEditKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    const how = e.key === "Enter" ? "enter" : e.key === "Tab" ? (e.shiftKey ? "shift-tab" : "tab") : null;
    if (how) {
      e.preventDefault();
      typing.current = false;
      commit(editing.pos, e.currentTarget.value);
      setEditing(null);
      go(afterCommit(how, editing.pos, { rows: size.rows, cols: lessons.length }));
    } else if (e.key === "Escape") {
      e.preventDefault();
      typing.current = false;
      setEditing(null);
      go(editing.pos);
    }
  };

  const openHistory = (pos: Pos, fromPanel: boolean) => {
    const lesson = lessons[pos.col];
    const student = students[pos.row];
    if (!lesson || !student) return;
    setHistory({ pos, fromPanel, target: { lessonId: lesson.id, studentId: student.id, student: student.name, date: dayName(lesson.date) } });
  };

  const closeHistory = () => {
    if (!history) return;
    setHistory(null);
    if (history.fromPanel) historyButton.current?.focus();
    else go(history.pos);
  };

  const refresh = useCallback(() => router.refresh(), [router]);

  const statusText = (key: string): string => {
    if (waiting.has(key)) return t("saving");
    const s = statuses[key];
    if (!s) return "";
    return s.state === "saved" ? t("saved") : t("refused", { reason: s.reason });
  };

  const tabIndex = (row: number, col: number) => (row === focus.row && col === focus.col ? 0 : -1);
  const setRef = (row: number, col: number) => (el: HTMLElement | null) => {
    if (el) refs.current.set(`${row}:${col}`, el);
    else refs.current.delete(`${row}:${col}`);
  };

  const focusLesson = lessons[focus.col];
  const focusStudent = students[focus.row];
  const descriptive = scale === "DESCRIPTIVE";
  const weightOf = (l: GridLesson) => {
    const w = workTypes.find((x) => x.id === l.workTypeId);
    return w ? weightOnDay(w, l.date) : null;
  };

  return (
    <div>
      <p className="mb-3 max-w-3xl" id="grid-help">{t("help", { entry: t(`entry.${scale}`) })}</p>
      <div className="mb-3 font-semibold">
        {!online && <p className="text-danger">{t("offline")}</p>}
        {online && serverTrouble && <p className="text-danger">{t("serverTrouble")}</p>}
        {pending.length > 0 ? <p>{t("waiting", { count: pending.length })}</p> : ready && <p>{t("allSaved")}</p>}
      </div>
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
        {!online && ` ${t("offline")}`}
        {online && serverTrouble && ` ${t("serverTrouble")}`}
      </div>
      <div role="group" aria-labelledby="cell-tools-title" className="mb-3 max-w-full rounded border-2 border-gray-300 p-3">
        <p id="cell-tools-title" className="mb-2 font-semibold">
          {focusLesson && focusStudent
            ? t("toolsTitle", { student: focusStudent.name, date: dayName(focusLesson.date) })
            : t("toolsAverage", { student: focusStudent?.name ?? "" })}
        </p>
        {focusLesson && focusStudent && (
          <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
            {writable ? (
              <WorkTypeForm
                key={focusLesson.id}
                lessonId={focusLesson.id}
                lessonDay={focusLesson.date}
                dateText={dayName(focusLesson.date)}
                workTypeId={focusLesson.workTypeId}
                workTypes={workTypes}
                action={props.setWorkType}
                onSaved={refresh}
              />
            ) : (
              <p>{t("workTypeShown", { date: dayName(focusLesson.date), name: focusLesson.workTypeName ?? t("workTypeNone") })}</p>
            )}
            <button
              type="button"
              ref={historyButton}
              onClick={() => openHistory(focus, true)}
              className="rounded border-2 border-accent bg-white px-4 py-2 font-semibold text-accent hover:bg-blue-50"
            >
              {t("historyButton")}
            </button>
          </div>
        )}
      </div>
      <div className="relative max-h-[75vh] overflow-auto rounded border-2 border-gray-400">
        <table role="grid" aria-labelledby="grid-caption" aria-describedby="grid-help" className="border-collapse text-lg">
          <caption id="grid-caption" className="sr-only">{props.caption}</caption>
          <thead>
            <tr role="row">
              <th scope="col" className="sticky left-0 top-0 z-20 border bg-white p-2 text-left">{t("student")}</th>
              {lessons.map((l) => (
                <th key={l.id} scope="col" title={l.topic ?? undefined} className="sticky top-0 z-10 min-w-20 border bg-white p-2 align-bottom text-sm font-semibold">
                  <span className="block whitespace-nowrap">{dayName(l.date)}</span>
                  {l.lessonType !== "LESSON" && <span className="block">{t(`type.${l.lessonType as "LESSON"}`)}</span>}
                  {l.workTypeName && (
                    <span className="block max-w-32 text-xs font-normal">
                      {weightOf(l) ? t("workTypeHeader", { name: l.workTypeName, weight: weightOf(l) ?? "" }) : l.workTypeName}
                    </span>
                  )}
                  {(l.status === "CANCELLED" || l.status === "MOVED") && <span className="block italic">{t(`status.${l.status}`)}</span>}
                </th>
              ))}
              <th scope="col" className="sticky top-0 z-10 border bg-white p-2 text-sm">{t("average")}</th>
            </tr>
          </thead>
          <tbody>
            {students.map((shown) => ({ ...shown, ...averages[shown.id] })).map((s, row) => (
              <tr key={s.id} role="row">
                <th scope="row" id={`st-${s.id}`} className="sticky left-0 z-10 whitespace-nowrap border bg-white p-2 text-left font-semibold">{s.name}</th>
                {lessons.map((l, col) => {
                  const key = keyOf(l.id, s.id);
                  const value = waiting.get(key) ?? values[key] ?? "";
                  const status = statusText(key);
                  const isEditing = editing?.pos.row === row && editing.pos.col === col;
                  const name = cellName(s.name, dayNames[col] ?? "", value || emptyText);
                  const locked = lockReason(l, s) !== null && writable;
                  return (
                    <td
                      key={l.id}
                      role="gridcell"
                      ref={setRef(row, col)}
                      tabIndex={isEditing ? -1 : tabIndex(row, col)}
                      aria-label={name}
                      aria-describedby={status ? `cs-${key}` : undefined}
                      aria-readonly={!writable || locked ? true : undefined}
                      onKeyDown={isEditing ? undefined : (e) => onCellKey(e, { row, col })}
                      onClick={() => setFocus({ row, col })}
                      onDoubleClick={() => tryEdit({ row, col }, value)}
                      className={locked ? "journal-cell locked" : "journal-cell"}
                    >
                      {isEditing ? (
                        <input
                          autoFocus
                          aria-label={name}
                          maxLength={500}
                          // the caret after what was typed so far, so the next key adds to it
                          onFocus={(e) => {
                            const end = e.currentTarget.value.length;
                            e.currentTarget.setSelectionRange(end, end);
                          }}
                          value={editing.value}
                          onChange={(e) => setEditing({ pos: { row, col }, value: e.target.value })}
                          onKeyDown={onEditKey}
                          onBlur={(e) => {
                            if (!typing.current) return;
                            typing.current = false;
                            commit({ row, col }, e.currentTarget.value, true);
                            setEditing(null);
                          }}
                          className={`rounded border-2 border-blue-700 p-1 text-lg ${descriptive ? "w-56 text-left" : "w-16 text-center"}`}
                        />
                      ) : (
                        <span className={descriptive ? "block min-h-7 max-w-48 text-left text-sm" : "journal-value"}>{value}</span>
                      )}
                      {status && (
                        <span id={`cs-${key}`} className={`block text-xs ${statuses[key]?.state === "refused" && !waiting.has(key) ? "text-danger" : ""}`}>
                          {status}
                        </span>
                      )}
                    </td>
                  );
                })}
                <td role="gridcell" className="border p-2 text-center align-top">
                  <span className="block font-bold">{s.average}</span>
                  <button
                    type="button"
                    ref={setRef(row, lessons.length)}
                    tabIndex={tabIndex(row, lessons.length)}
                    aria-expanded={openFormula[s.id] ?? false}
                    aria-controls={`fm-${s.id}`}
                    aria-describedby={`st-${s.id}`}
                    onKeyDown={(e) => onCellKey(e, { row, col: lessons.length })}
                    onClick={() => {
                      const open = !openFormula[s.id];
                      setFocus({ row, col: lessons.length });
                      setOpenFormula((o) => ({ ...o, [s.id]: open }));
                      // the formula appears next to the button: say it, too
                      setAnnouncement(open ? t("formulaAnnounce", { student: s.name, formula: s.formula }) : "");
                    }}
                    className="text-sm text-accent underline"
                  >
                    {t("howComputed")}
                  </button>
                  <span id={`fm-${s.id}`} hidden={!openFormula[s.id]} className="block whitespace-nowrap text-sm">{t("formula", { formula: s.formula })}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history && <HistoryDialog target={history.target} load={props.loadHistory} onClose={closeHistory} />}
    </div>
  );
}
