"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";

import { userAction } from "@/lib/action";
import { recordPaperDecision } from "@/lib/consent/events";
import { paperDecisionSchema, publishTextSchema } from "@/lib/consent/schemas";
import { publishConsentText } from "@/lib/consent/texts";

export type ConsentFormOutcome = { message: string };

/** The scan field: React sends an empty chooser as a nameless empty file; that is no scan. */
function dropEmptyScan(form: FormData): FormData {
  const scan = form.get("scan");
  if (scan instanceof Blob && scan.size === 0) form.delete("scan");
  return form;
}

const record = userAction(paperDecisionSchema, async (p, input): Promise<ConsentFormOutcome> => {
  const scan = input.scan ? { name: input.scan.name, bytes: new Uint8Array(await input.scan.arrayBuffer()) } : undefined;
  await recordPaperDecision(p, { ...input, scan });
  revalidatePath(`/admin/consent/guardian/${input.guardianId}`);
  const t = await getTranslations("consent.guardian");
  return { message: t("recorded") };
});

export async function recordPaperDecisionAction(prev: Parameters<typeof record>[0], form: FormData) {
  return record(prev, dropEmptyScan(form));
}

export const publishConsentTextAction = userAction(publishTextSchema, async (p, input): Promise<ConsentFormOutcome> => {
  const { version } = await publishConsentText(p, input);
  revalidatePath("/admin/consent/texts");
  const t = await getTranslations("consent.texts");
  return { message: t("published", { n: version }) };
});
