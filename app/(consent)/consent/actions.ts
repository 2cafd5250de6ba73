"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { giveElectronicDecision, withdrawConsent } from "@/lib/consent/events";
import { familyChoiceSchema } from "@/lib/consent/schemas";

/** Where the decision came from, as 152-ФЗ evidence: the first address of x-forwarded-for (or x-real-ip) and the browser. */
async function clientInfo(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip")?.trim() || null, userAgent: h.get("user-agent") };
}

/** The guardian's answer about one child: give, refuse, or withdraw a consent (one action, so the form keeps its message). */
export const familyChoiceAction = userAction(familyChoiceSchema, async (p, input) => {
  const client = await clientInfo();
  if (input.decision === "WITHDRAW") await withdrawConsent(p, { studentId: input.studentId, ...client });
  else await giveElectronicDecision(p, { studentId: input.studentId, decision: input.decision, ...client });
  revalidatePath("/consent");
  const t = await getTranslations("consent.family");
  return { message: t({ GRANTED: "granted", REFUSED: "refused", WITHDRAW: "withdrawn" }[input.decision]) };
});
