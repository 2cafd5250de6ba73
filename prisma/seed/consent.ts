/**
 * The demo school's consent registry (R1): version 1 of the consent text, and decisions
 * that make every filter of the registry show something. The demo accounts («parent»,
 * «parent2») have given consent on paper for all their children. The guardians whose
 * invitation codes the seed prints first (summary.invitations) have decided nothing, so
 * a first login by code shows the consent page. Of the others, most consented on paper;
 * a few refused, a few consented and later withdrew, a few have not answered yet.
 */
import type { Prisma } from "../../generated/prisma/client";
import { consentBodyHash, defaultConsentText } from "../../lib/consent/default-text";
import { dateOf, instantAt, SCHOOL_UTC_OFFSET, type Day } from "./calendar";
import type { DemoPlan } from "./demo-plan";
import type { CreateMany } from "./sink";
import type { WrittenPlan } from "./write-plan";

export type ConsentSeedClient = {
  consentText: CreateMany<Prisma.ConsentTextCreateManyInput>;
  consentEvent: CreateMany<Prisma.ConsentEventCreateManyInput>;
};

/** How many guardians without an account, in plan order, are left undecided for the invitation codes. */
export const UNDECIDED_INVITED = 3;

type Plan = "granted" | "refused" | "withdrawn" | "none";

/** The demo decision of a guardian without an account, by their rank among such guardians. */
export function demoConsentPlan(rank: number): Plan {
  if (rank < UNDECIDED_INVITED) return "none";
  switch (rank % 9) {
    case 4:
      return "refused";
    case 7:
      return "none";
    case 2:
      return "withdrawn";
    default:
      return "granted";
  }
}

export async function seedConsent(c: ConsentSeedClient, plan: DemoPlan, ids: WrittenPlan, newId: () => string): Promise<{ consentText: number; consentEvent: number }> {
  const schoolId = ids.school;
  const start: Day = plan.calendar.start;
  const draft = defaultConsentText(plan.school);
  const textId = newId();
  await c.consentText.createMany({
    data: [{ schoolId, id: textId, version: 1, ...draft, bodySha256: consentBodyHash(draft.body), validFrom: instantAt(start - 10, 9, 0, SCHOOL_UTC_OFFSET) }],
  });

  const withAccount = new Set(plan.accounts.flatMap((a) => (a.guardian === undefined ? [] : [a.guardian])));
  const rank = new Map<number, number>();
  plan.guardians.forEach((_, g) => {
    if (!withAccount.has(g)) rank.set(g, rank.size);
  });

  const events: Prisma.ConsentEventCreateManyInput[] = [];
  let number = 0;
  const paper = (g: number, s: number, decision: "GRANTED" | "REFUSED" | "WITHDRAWN", day: Day) => {
    const guardianId = ids.guardians[g];
    const studentId = ids.students[s];
    if (guardianId === undefined || studentId === undefined) throw new Error("Согласия: ссылка на несуществующую строку плана");
    number += 1;
    events.push({
      schoolId, id: newId(), guardianId, studentId, textId, decision, form: "PAPER",
      documentNumber: `С-${String(number).padStart(3, "0")}`, documentDate: dateOf(day), at: instantAt(day, 10, number % 60, SCHOOL_UTC_OFFSET),
    });
  };
  for (const link of plan.guardianships) {
    const what: Plan = withAccount.has(link.guardian) ? "granted" : demoConsentPlan(rank.get(link.guardian) ?? 0);
    if (what === "none") continue;
    if (what === "refused") paper(link.guardian, link.student, "REFUSED", start + 2);
    else paper(link.guardian, link.student, "GRANTED", start + 1);
    if (what === "withdrawn") paper(link.guardian, link.student, "WITHDRAWN", start + 30);
  }
  await c.consentEvent.createMany({ data: events });
  return { consentText: 1, consentEvent: events.length };
}
