import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { PageTitle } from "@/components/ui/page-title";
import { LessonForm } from "@/components/journal/lesson/lesson-form";
import { HomeworkForm } from "@/components/journal/lesson/homework-form";
import { RecommendationForm } from "@/components/journal/lesson/recommendation-form";
import { HomeworkTable, MaterialsList, RecommendationTable } from "@/components/journal/lesson/lesson-lists";
import { requirePageRole } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { getLesson, type LessonView } from "@/lib/journal/lesson";
import { formatDay, formatDayRu, schoolToday } from "@/lib/time";
import { addHomeworkAction, addRecommendationAction, removeHomeworkAction, updateLessonAction } from "./actions";

type Params = { params: Promise<{ lessonId: string }> };

const loadOnce = cache(async (lessonId: string): Promise<{ lesson: LessonView; today: string }> => {
  const p = await requirePageRole(["TEACHER", "ADMIN"], `/journal/lesson/${lessonId}`);
  try {
    return { lesson: await getLesson(p, lessonId), today: schoolToday(p.timeZone) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

async function titleOf(l: LessonView): Promise<string> {
  const t = await getTranslations("lesson");
  return t("title", { cohort: l.cohort.name, subject: l.subject.name, date: formatDay(l.date, "ru-RU", false), number: l.lessonNumber });
}

export async function generateMetadata({ params }: Params) {
  const { lesson } = await loadOnce((await params).lessonId);
  return { title: await titleOf(lesson) };
}

export default async function LessonPage({ params }: Params) {
  const { lesson: l, today } = await loadOnce((await params).lessonId);
  const t = await getTranslations("lesson");
  const writable = l.locked === null;
  const editable = writable && (l.status === "HELD" || l.status === "PLANNED");
  // homework is usually due on a later day; the lesson's own day is the earliest allowed
  const suggestedDue = formatDayRu(today > l.date ? today : l.date);
  return (
    <main id="main" className="mx-auto max-w-screen-lg px-4 py-6">
      <PageTitle title={await titleOf(l)}>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href={`/journal/${l.cohort.id}/${l.subject.id}`} className="text-accent underline underline-offset-4">
            {t("backToJournal")}
          </Link>
          <Link href={`/journal/plan/${l.cohort.id}/${l.subject.id}`} className="text-accent underline underline-offset-4">
            {t("planLink")}
          </Link>
        </div>
      </PageTitle>
      <p className="mb-2">{t("statusLine", { status: t(`status.${l.status}`) })}</p>
      {l.statusReason && <p className="mb-2">{t("statusReason", { reason: l.statusReason })}</p>}
      {l.locked && <p className="mb-4 font-semibold">{t("locked", { reason: l.locked })}</p>}

      <section aria-labelledby="lesson-about" className="mb-8">
        <h2 id="lesson-about" className="mb-3 text-xl font-bold">{t("aboutHeading")}</h2>
        {editable ? (
          <LessonForm
            action={updateLessonAction}
            lessonId={l.id}
            topic={l.topic ?? ""}
            lessonType={l.lessonType}
            held={l.status === "HELD"}
            materials={l.materials ?? ""}
          />
        ) : (
          <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t("topic")}</dt>
            <dd>{l.topic ?? t("noTopic")}</dd>
            <dt className="font-semibold">{t("lessonType")}</dt>
            <dd>{t(`types.${l.lessonType}`)}</dd>
          </dl>
        )}
        <MaterialsList lines={l.materialLines} />
      </section>

      <section aria-labelledby="lesson-homework" className="mb-8">
        <h2 id="lesson-homework" className="mb-3 text-xl font-bold">{t("homeworkHeading")}</h2>
        <HomeworkTable items={l.homework} remove={removeHomeworkAction} />
        {writable && <HomeworkForm action={addHomeworkAction} lessonId={l.id} dueDate={suggestedDue} students={l.students} />}
      </section>

      <section aria-labelledby="lesson-recommendations" className="mb-8">
        <h2 id="lesson-recommendations" className="mb-3 text-xl font-bold">{t("recommendationsHeading")}</h2>
        <p className="mb-3">{t("recommendationsLead")}</p>
        <RecommendationTable items={l.recommendations} />
        {writable && l.students.length > 0 && <RecommendationForm action={addRecommendationAction} lessonId={l.id} students={l.students} />}
      </section>
    </main>
  );
}
