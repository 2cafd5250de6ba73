"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import {
  contactSchema, endGuardianshipSchema, guardianInvitationSchema, guardianSchema, linkChildSchema, removeContactSchema,
} from "@/lib/people/schemas";
import { endGuardianship, linkGuardianToStudent, saveGuardian } from "@/lib/people/guardian-admin";
import { removeGuardianContact, saveGuardianContact } from "@/lib/people/guardian-contacts";
import { issueGuardianInvitation } from "@/lib/people/guardian-invitation";
import { env } from "@/lib/env";
import type { FormOutcome } from "@/components/admin/people/action-form";

const page = (id: string) => `/admin/people/guardians/${id}`;

async function done(id: string, key: string): Promise<FormOutcome> {
  revalidatePath(page(id));
  const t = await getTranslations("people.guardians");
  return { message: t(key) };
}

export const saveGuardianAction = userAction(guardianSchema, async (p, input): Promise<FormOutcome> => {
  const { id } = await saveGuardian(p, input);
  if (!input.id) redirect(`${page(id)}?created=1`);
  return done(id, "saved");
});

export const linkChildAction = userAction(linkChildSchema, async (p, input) => {
  await linkGuardianToStudent(p, input);
  revalidatePath(`/admin/people/students/${input.studentId}`);
  return done(input.guardianId, "linked");
});

export const endGuardianshipAction = userAction(endGuardianshipSchema, async (p, input) => {
  await endGuardianship(p, input);
  return done(input.guardianId, "guardianshipEnded");
});

export const saveContactAction = userAction(contactSchema, async (p, input) => {
  await saveGuardianContact(p, input);
  return done(input.guardianId, input.replacesId ? "contactReplaced" : "contactAdded");
});

export const removeContactAction = userAction(removeContactSchema, async (p, input) => {
  await removeGuardianContact(p, input);
  return done(input.guardianId, "contactRemoved");
});

/** The code is shown once; the page is not re-rendered so the notice with it stays. */
export const issueInvitationAction = userAction(guardianInvitationSchema, async (p, input): Promise<FormOutcome> => {
  const issued = await issueGuardianInvitation(p, input.guardianId);
  const t = await getTranslations("people.guardians.invitation");
  const url = `${env.APP_URL.replace(/\/+$/, "")}/invite`;
  return {
    message: t("issued"),
    secret: { label: t("codeLabel"), value: issued.code, lines: [t("step1", { url }), t("step2"), t("step3"), t("validUntil", { date: issued.expiresAt })] },
  };
});
