"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { userAction } from "@/lib/action";
import { idField, staffLeftSchema, staffLoginSchema, staffResetSchema, staffSchema } from "@/lib/people/schemas";
import { markStaffLeft, returnStaff, saveStaff } from "@/lib/people/staff-admin";
import { createStaffLogin, resetStaffPassword, type IssuedPassword } from "@/lib/people/staff-logins";
import { env } from "@/lib/env";
import type { FormOutcome } from "@/components/admin/people/action-form";

const page = (id: string) => `/admin/people/staff/${id}`;

async function done(id: string, key: string): Promise<FormOutcome> {
  revalidatePath(page(id));
  const t = await getTranslations("people.staff");
  return { message: t(key) };
}

async function passwordOutcome(issued: IssuedPassword, key: "loginCreated" | "passwordReset"): Promise<FormOutcome> {
  const t = await getTranslations("people.staff.account");
  return {
    message: t(key, { login: issued.login }),
    secret: {
      label: t("passwordLabel"),
      value: issued.password,
      lines: [t("line1", { url: `${env.APP_URL.replace(/\/+$/, "")}/login`, login: issued.login }), t("line2"), t("line3")],
    },
  };
}

export const saveStaffAction = userAction(staffSchema, async (p, input): Promise<FormOutcome> => {
  const { id } = await saveStaff(p, input);
  if (!input.id) redirect(`${page(id)}?created=1`);
  return done(id, "saved");
});

export const staffLeftAction = userAction(staffLeftSchema, async (p, input) => {
  await markStaffLeft(p, input.id, input.staffLeftAt);
  return done(input.id, "leftSaved");
});

export const staffReturnAction = userAction(z.object({ id: idField() }), async (p, input) => {
  await returnStaff(p, input.id);
  return done(input.id, "returned");
});

/** The password is shown once; the page is not re-rendered so the notice with it stays. */
export const createStaffLoginAction = userAction(staffLoginSchema, async (p, input) => passwordOutcome(await createStaffLogin(p, input), "loginCreated"));

export const resetStaffPasswordAction = userAction(staffResetSchema, async (p, input) => passwordOutcome(await resetStaffPassword(p, input.staffId), "passwordReset"));
