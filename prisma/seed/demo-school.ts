/**
 * Seeds the demo school: the plan (demo-plan.ts), a year of journal up to `today`, the
 * five demo accounts and an invitation for every other guardian. All in one transaction:
 * the demo school is there completely or not at all.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "../../lib/db";
import { newInvitationCode, hashInvitationCode } from "../../lib/auth/invitation-code";
import { hashPassword } from "../../lib/auth/password";
import { instantAt, isoOf, SCHOOL_UTC_OFFSET } from "./calendar";
import { buildDemoPlan, DEMO_CLASSES, type DemoPlan } from "./demo-plan";
import { uuidv7 } from "./ids";
import { JournalGenerator } from "./journal";
import { fullName, shortName } from "./names";
import { createRng } from "./rng";
import { BatchWriter, type CreateMany, type InsertMode, type SeedClient } from "./sink";
import { writePlan, type PlanClient } from "./write-plan";
import { seedThematicPlan, type ThematicPlanClient } from "./thematic-plan";
import { seedConsent, type ConsentSeedClient } from "./consent";
import { seedDemoApiClient } from "../../lib/oneroster/demo-client";

export const DEMO_PASSWORD = "demo2026";

export type SeedSummary = {
  schoolId: string;
  /** the school's academic year, «2026/2027» */
  year: string;
  /** the day the journal was filled up to (lessons before it are held) */
  today: string;
  counts: Record<string, number>;
  logins: { login: string; password: string; role: string; who: string }[];
  /** the first three guardian invitation codes, with the guardian's name */
  invitations: { code: string; guardian: string }[];
  ms: number;
};

type AccountClient = {
  user: CreateMany<Prisma.UserCreateManyInput>;
  invitation: CreateMany<Prisma.InvitationCreateManyInput>;
};

export type DemoSeedOptions = { today: Date; insert?: InsertMode };

export async function seedDemoSchool(db: Db, options: DemoSeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const plan = buildDemoPlan(options.today);
  // scrypt is slow on purpose (~80 ms); hash the five before the transaction opens.
  const hashes = await Promise.all(plan.accounts.map(() => hashPassword(DEMO_PASSWORD)));
  const codes = invitationCodes(plan);

  const summary = await db.$transaction(
    async (tx) => {
      const client: PlanClient & SeedClient & AccountClient & ThematicPlanClient & ConsentSeedClient = tx;
      const written = await writePlan(client, plan, plan.today, uuidv7);
      const thematicTopic = await seedThematicPlan(client, plan, written, uuidv7);
      const consent = await seedConsent(client, plan, written, uuidv7);
      // unnest is 3× faster and proven identical to createMany (tests/integration/seed.test.ts)
      const sink = new BatchWriter(client, 5000, options.insert ?? "unnest");
      const journal = new JournalGenerator(
        plan,
        written,
        { today: plan.today, from: plan.calendar.start, to: plan.calendar.lastLessonDay, homeworkAhead: 7, newId: uuidv7 },
        sink,
      );
      for (let c = 0; c < plan.cohorts.length; c++) {
        journal.cohort(c);
        await sink.flushIfFull();
      }
      journal.finish();
      await sink.flush();

      await client.user.createMany({
        data: plan.accounts.map((a, i) => ({
          id: uuidv7(), schoolId: written.school, login: a.login, passwordHash: hashes[i] ?? null, kind: a.kind,
          staffId: a.staff === undefined ? null : (written.staff[a.staff] ?? null),
          guardianId: a.guardian === undefined ? null : (written.guardians[a.guardian] ?? null),
          studentId: a.student === undefined ? null : (written.students[a.student] ?? null),
        })),
      });
      const expiresAt = instantAt(plan.calendar.end, 23, 59, SCHOOL_UTC_OFFSET);
      await client.invitation.createMany({
        data: codes.map((c) => ({
          schoolId: written.school, id: uuidv7(), codeHash: hashInvitationCode(c.code),
          guardianId: written.guardians[c.guardian] ?? null, expiresAt,
        })),
      });
      return {
        schoolId: written.school,
        counts: { ...written.counts, ...sink.counts, user: plan.accounts.length, invitation: codes.length, thematicTopic, ...consent },
      };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  // the OneRoster demo client the README lists (outside the transaction: its secret's
  // hash takes a while to compute)
  await seedDemoApiClient(db, summary.schoolId);
  // Fresh planner statistics: PGlite has no autovacuum to gather them after a bulk load.
  await db.$executeRawUnsafe("ANALYZE");

  return {
    ...summary,
    year: plan.calendar.yearName,
    today: isoOf(plan.today),
    logins: plan.accounts.map((a) => ({ login: a.login, password: DEMO_PASSWORD, role: a.kind, who: describe(plan, a) })),
    invitations: codes.slice(0, 3).map((c) => ({ code: c.code, guardian: fullName(plan.guardians[c.guardian] ?? { lastName: "?", firstName: "?" }) })),
    ms: Math.round(performance.now() - started),
  };
}

/** One code per guardian without an account, from the plan's own stream: same plan, same codes. */
export function invitationCodes(plan: DemoPlan): { guardian: number; code: string }[] {
  const rng = createRng(plan.seed).fork("invitations");
  const withAccount = new Set(plan.accounts.flatMap((a) => (a.guardian === undefined ? [] : [a.guardian])));
  const random = (max: number): number => rng.below(max);
  return plan.guardians.flatMap((_, g) => (withAccount.has(g) ? [] : [{ guardian: g, code: newInvitationCode(random) }]));
}

function describe(plan: DemoPlan, a: DemoPlan["accounts"][number]): string {
  if (a.staff !== undefined) {
    const s = plan.staff[a.staff];
    const led = plan.cohorts.find((c) => c.classTeacher === a.staff && c.kind === "CLASS");
    return s ? `${fullName(s)}, ${s.position}${led ? `, классный руководитель ${led.name}` : ""}` : "";
  }
  if (a.student !== undefined) {
    const s = plan.students[a.student];
    return s ? `${fullName(s)}, ${classOf(plan, a.student)}` : "";
  }
  const g = a.guardian === undefined ? undefined : plan.guardians[a.guardian];
  if (!g) return "";
  const children = plan.guardianships
    .filter((x) => x.guardian === a.guardian)
    .map((x) => {
      const s = plan.students[x.student];
      return s ? `${shortName(s)} (${classOf(plan, x.student)})` : "";
    });
  return `${fullName(g)}; дети: ${children.join(", ")}`;
}

function classOf(plan: DemoPlan, student: number): string {
  const classes = new Set(DEMO_CLASSES.map((c) => c.name));
  const m = plan.memberships.find((x) => x.student === student && classes.has(plan.cohorts[x.cohort]?.name ?? ""));
  return m ? (plan.cohorts[m.cohort]?.name ?? "") : "ИУП";
}
