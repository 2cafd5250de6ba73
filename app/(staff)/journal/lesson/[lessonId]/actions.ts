"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { getLesson, updateLesson } from "@/lib/journal/lesson";
import { addHomework, removeHomework } from "@/lib/journal/homework";
import { addRecommendation } from "@/lib/journal/recommendations";
import {
  addHomeworkSchema, addRecommendationSchema, HOMEWORK_FILE_FIELDS, removeHomeworkSchema, updateLessonSchema,
} from "@/lib/journal/lesson-schemas";
import type { ActionResult } from "@/lib/action";

export const updateLessonAction = userAction(updateLessonSchema, async (p, input) => {
  await updateLesson(p, {
    lessonId: input.lessonId, topic: input.topic, lessonType: input.lessonType, status: input.held ? "HELD" : "PLANNED", materials: input.materials,
  });
  revalidatePath(`/journal/lesson/${input.lessonId}`);
  return null;
});

const addHomeworkWithFiles = userAction(addHomeworkSchema, async (p, input) => {
  const chosen = HOMEWORK_FILE_FIELDS.flatMap((k) => (input[k] ? [input[k]] : []));
  const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  await addHomework(p, { lessonId: input.lessonId, text: input.text, dueDate: input.dueDate, studentId: input.studentId || undefined, files });
  revalidatePath(`/journal/lesson/${input.lessonId}`);
  return null;
});

/**
 * The homework form sends its files under one name, «files»; lib/action.ts keeps one
 * value per name, so they are numbered here (file0 … and their count) before parsing.
 * A file field left empty arrives as a nameless empty file and is dropped.
 */
export async function addHomeworkAction(prev: ActionResult<null>, form: FormData): Promise<ActionResult<null>> {
  // (React's multipart decoder names a file sent without a name «undefined»)
  const empty = (f: File) => f.size === 0 && (!f.name || f.name === "undefined");
  const files = form.getAll("files").filter((f): f is File => f instanceof Blob && !empty(f));
  form.delete("files");
  files.forEach((f, i) => {
    if (i < HOMEWORK_FILE_FIELDS.length) form.append(`file${i}`, f);
  });
  form.set("fileCount", String(files.length));
  return addHomeworkWithFiles(prev, form);
}

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
