"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { getLesson, updateLesson } from "@/lib/journal/lesson";
import { addHomework, removeHomework } from "@/lib/journal/homework";
import { addRecommendation } from "@/lib/journal/recommendations";
import { addHomeworkSchema, addRecommendationSchema, removeHomeworkSchema, updateLessonSchema } from "@/lib/journal/lesson-schemas";

export const updateLessonAction = userAction(updateLessonSchema, async (p, input) => {
  await updateLesson(p, { lessonId: input.lessonId, topic: input.topic, lessonType: input.lessonType, status: input.held ? "HELD" : "PLANNED" });
  revalidatePath(`/journal/lesson/${input.lessonId}`);
  return null;
});

export const addHomeworkAction = userAction(addHomeworkSchema, async (p, input) => {
  await addHomework(p, { lessonId: input.lessonId, text: input.text, dueDate: input.dueDate, studentId: input.studentId || undefined });
  revalidatePath(`/journal/lesson/${input.lessonId}`);
  return null;
});

export const removeHomeworkAction = userAction(removeHomeworkSchema, async (p, input) => {
  await removeHomework(p, input.homeworkId);
  revalidatePath("/journal/lesson/[lessonId]", "page");
  return null;
});

// the recommendation form's fields carry their own names so they do not clash with the
// homework form's on the same page; the domain's field errors are renamed to match
const REC_FIELDS: Record<string, string> = { studentId: "recStudentId", text: "recText" };

export const addRecommendationAction = userAction(addRecommendationSchema, async (p, input) => {
  const lesson = await getLesson(p, input.lessonId);
  try {
    await addRecommendation(p, { studentId: input.recStudentId, subjectId: lesson.subject.id, text: input.recText });
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors) {
      const renamed = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [REC_FIELDS[k] ?? k, v]));
      throw new AppError(error.code, error.message, renamed);
    }
    throw error;
  }
  revalidatePath(`/journal/lesson/${input.lessonId}`);
  return null;
});
