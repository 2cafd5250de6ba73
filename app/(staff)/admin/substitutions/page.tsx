import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { listTeachers } from "@/lib/curriculum/calendar";
import { listSubjects } from "@/lib/curriculum/subjects";
import { listDayChanges, listDayLessons, type DayLesson } from "@/lib/timetable/substitutions";
import { lessonOrdinal } from "@/lib/timetable/conflict-text";
import { formatDay, schoolToday } from "@/lib/time";
import { PageTitle } from "@/components/ui/page-title";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm } from "@/components/admin/timetable/action-form";
import { cancelAction, moveAction, substituteAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("substitutions");
  return { title: t("title") };
}

type Search = Promise<{ date?: string; lesson?: string }>;

export default async function SubstitutionsPage({ searchParams }: { searchParams: Search }) {
  const p = await requirePageRole(["ADMIN"], "/admin/substitutions");
  const t = await getTranslations("substitutions");
  const sp = await searchParams;
  const day = sp.date && /^\d{4}-\d{2}-\d{2}$/.test(sp.date) && !Number.isNaN(Date.parse(sp.date)) ? sp.date : schoolToday(p.timeZone);
  const [lessons, changes, teachers, subjects] = await Promise.all([listDayLessons(p, day), listDayChanges(p, day), listTeachers(p), listSubjects(p)]);
  const chosen = lessons.find((l) => l.id === sp.lesson);
  const dayText = formatDay(day);
  const state = (l: DayLesson) => {
    const base = t(`status.${l.status}`);
    return l.originalTeacher ? `${base}; ${t("insteadOf", { name: l.originalTeacher })}` : base;
  };
  const title = (l: DayLesson) => t("lessonTitle", { cohort: l.cohort, number: lessonOrdinal(l.lessonNumber), subject: l.subject, teacher: l.teacher });
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="day" className="mb-1 block font-semibold">{t("day")}</label>
          <input id="day" name="date" type="date" defaultValue={day} className="block rounded border-2 border-gray-600 px-3 py-2 text-[1.0625rem]" />
        </div>
        <button type="submit" className="rounded border-2 border-accent px-4 py-2 font-semibold text-accent hover:bg-blue-50">{t("show")}</button>
      </form>

      {chosen && (
        <section aria-labelledby="change" className="mb-10 rounded border-2 border-accent p-4">
          <h2 id="change" className="mb-1 text-xl font-bold">{title(chosen)}</h2>
          <p className="mb-4">{t("chosenLead", { day: dayText, state: state(chosen) })}</p>
          {chosen.marks > 0 && <p className="mb-4 font-semibold">{t("hasMarks", { count: chosen.marks })}</p>}
          <div className="grid gap-10 xl:grid-cols-2">
            <div>
              <h3 className="mb-2 text-lg font-bold">{t("substituteTitle")}</h3>
              <ActionForm
                id="substitute"
                action={substituteAction}
                submit={t("substituteSubmit")}
                pending={t("saving")}
                errorTitle={t("errorTitle")}
                fields={[
                  { kind: "hidden", name: "lessonId", value: chosen.id },
                  { kind: "select", name: "teacherId", label: t("substitute"), options: [{ value: "", label: t("chooseTeacher") }, ...teachers.map((s) => ({ value: s.id, label: s.name }))] },
                  { kind: "select", name: "subjectId", label: t("subject"), hint: t("subjectHint"), options: [{ value: "", label: t("sameSubject") }, ...subjects.map((s) => ({ value: s.id, label: s.name }))] },
                  { kind: "text", name: "room", label: t("room"), hint: t("roomHint"), width: "short" },
                  { kind: "text", name: "reason", label: t("reason"), hint: t("reasonHint"), required: true },
                ]}
              />
            </div>
            <div>
              <h3 className="mb-2 text-lg font-bold">{t("moveTitle")}</h3>
              <ActionForm
                id="move"
                action={moveAction}
                submit={t("moveSubmit")}
                pending={t("saving")}
                errorTitle={t("errorTitle")}
                fields={[
                  { kind: "hidden", name: "lessonId", value: chosen.id },
                  { kind: "date", name: "date", label: t("moveDate"), required: true, defaultValue: day },
                  { kind: "number", name: "lessonNumber", label: t("moveNumber"), required: true, width: "short" },
                  { kind: "text", name: "reason", label: t("reason"), hint: t("reasonHint"), required: true },
                ]}
              />
              <h3 className="mb-2 mt-8 text-lg font-bold">{t("cancelTitle")}</h3>
              <ActionForm
                id="cancel"
                action={cancelAction}
                submit={t("cancelSubmit")}
                pending={t("saving")}
                errorTitle={t("errorTitle")}
                fields={[
                  { kind: "hidden", name: "lessonId", value: chosen.id },
                  { kind: "text", name: "reason", label: t("reason"), hint: t("reasonHint"), required: true },
                ]}
              />
            </div>
          </div>
          <p className="mt-4">
            <Link href={`/admin/substitutions?date=${day}`} className="text-accent underline underline-offset-4">{t("closeLesson")}</Link>
          </p>
        </section>
      )}

      <DataTable
        caption={t("lessonsCaption", { day: dayText })}
        rows={lessons}
        rowKey={(l) => l.id}
        empty={t("noLessons", { day: dayText })}
        columns={[
          { key: "cohort", header: t("colCohort"), rowHeader: true, cell: (l) => l.cohort },
          { key: "n", header: t("colLesson"), cell: (l) => l.lessonNumber },
          { key: "subject", header: t("colSubject"), cell: (l) => l.subject },
          { key: "teacher", header: t("colTeacher"), cell: (l) => l.teacher },
          { key: "room", header: t("colRoom"), cell: (l) => l.room ?? "—" },
          { key: "state", header: t("colState"), cell: state },
          {
            key: "act", header: t("colAction"),
            cell: (l) =>
              l.status === "PLANNED" || l.status === "HELD" ? (
                <Link href={`/admin/substitutions?date=${day}&lesson=${l.id}#change`} className="text-accent underline underline-offset-4">
                  {t("change")}
                  <span className="sr-only">{`: ${title(l)}`}</span>
                </Link>
              ) : (
                "—"
              ),
          },
        ]}
      />

      <section aria-labelledby="changes" className="mt-8">
        <h2 id="changes" className="text-xl font-bold">{t("changesTitle")}</h2>
        <DataTable
          caption={t("changesCaption", { day: dayText })}
          rows={changes}
          rowKey={(c) => `${c.kind}-${c.lessonId}-${c.details}-${c.reason}`}
          empty={t("noChanges")}
          columns={[
            { key: "cohort", header: t("colCohort"), rowHeader: true, cell: (c) => c.cohort },
            { key: "n", header: t("colLesson"), cell: (c) => c.lessonNumber },
            { key: "subject", header: t("colSubject"), cell: (c) => c.subject },
            { key: "what", header: t("colWhat"), cell: (c) => c.details },
            { key: "reason", header: t("colReason"), cell: (c) => c.reason },
          ]}
        />
      </section>
    </>
  );
}
