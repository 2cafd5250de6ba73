"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { addMembersSchema, createCohortSchema, endMembershipSchema, moveStudentSchema, updateCohortSchema } from "@/lib/people/cohort-schemas";
import { createCohort, updateCohort } from "@/lib/people/cohort-admin";
import { addCohortMembers, endCohortMembership, moveStudentToClass } from "@/lib/people/memberships";
import type { FormOutcome } from "@/components/admin/people/action-form";

const page = (id: string) => `/admin/cohorts/${id}`;

async function done(id: string, key: string, values?: Record<string, string | number>): Promise<FormOutcome> {
  revalidatePath(page(id));
  const t = await getTranslations("cohorts");
  return { message: t(key, values) };
}

export const createCohortAction = userAction(createCohortSchema, async (p, input): Promise<FormOutcome> => {
  const { id } = await createCohort(p, input);
  redirect(`${page(id)}?created=1`);
});

export const updateCohortAction = userAction(updateCohortSchema, async (p, input) => {
  await updateCohort(p, input);
  return done(input.id, "saved");
});

export const addMembersAction = userAction(addMembersSchema, async (p, input) => {
  const { added } = await addCohortMembers(p, input);
  return done(input.cohortId, "membersAdded", { count: added });
});

export const endMembershipAction = userAction(endMembershipSchema, async (p, input) => {
  await endCohortMembership(p, input);
  return done(input.cohortId, "membershipEnded");
});

export const moveStudentAction = userAction(moveStudentSchema, async (p, input) => {
  await moveStudentToClass(p, input);
  revalidatePath(page(input.toCohortId));
  return done(input.cohortId, "moved");
});
