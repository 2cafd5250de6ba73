"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { userAction } from "@/lib/action";
import { changeProgramSchema, createStudentSchema, idField, studentLeftSchema, updateStudentSchema } from "@/lib/people/schemas";
import { changeStudentProgram, createStudent, markStudentLeft, returnStudent, updateStudent } from "@/lib/people/student-admin";
import type { FormOutcome } from "@/components/admin/people/action-form";

const page = (id: string) => `/admin/people/students/${id}`;

async function done(id: string, key: string): Promise<FormOutcome> {
  revalidatePath(page(id));
  const t = await getTranslations("people.students");
  return { message: t(key) };
}

export const createStudentAction = userAction(createStudentSchema, async (p, input): Promise<FormOutcome> => {
  const { id } = await createStudent(p, input);
  redirect(`${page(id)}?created=1`);
});

export const updateStudentAction = userAction(updateStudentSchema, async (p, input) => {
  await updateStudent(p, input);
  return done(input.id, "saved");
});

export const changeProgramAction = userAction(changeProgramSchema, async (p, input) => {
  await changeStudentProgram(p, input);
  return done(input.id, "programChanged");
});

export const studentLeftAction = userAction(studentLeftSchema, async (p, input) => {
  await markStudentLeft(p, input.id, input.leftAt);
  return done(input.id, "leftSaved");
});

export const studentReturnAction = userAction(z.object({ id: idField() }), async (p, input) => {
  await returnStudent(p, input.id);
  return done(input.id, "returned");
});
