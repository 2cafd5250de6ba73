/**
 * Every server action of the app (each "use server" module under app/), called the way
 * a form calls it — a FormData through lib/action.ts's zod parsing into the domain
 * function — with hostile forms (tests/support/fuzz.ts): the answer is either a success
 * or a refusal a person can read, in Russian, never "something went wrong", a stack
 * trace, SQL or a database error; and a refused form changes no row of any table.
 * Also the sign-in and the invitation (lib/auth/login.ts, lib/auth/invitations.ts):
 * garbage logins, passwords, codes and addresses are refused the expected way and the
 * throttle still counts the failures.
 *
 * Stood in for, as in tests/integration/oneroster-admin-actions.test.ts: the signed-in
 * user of a request (@/lib/auth/session), Next's cache revalidation (next/cache), the
 * request's headers and cookies (next/headers), next-intl's request translations
 * (next-intl/server: the key comes back) and next-auth's signIn (there is no request).
 * The throttle's sleep is shortened (the counting is real). The database is a real one:
 * the demo school, and a second small school whose ids must be refused.
 *
 * FUZZ_RUNS (25 by default, `npm run fuzz` 300) sets the runs: 40% of it per action, all of it
 * for the sign-in properties; FUZZ_SEED replays a failure.
 */
import fc from "fast-check";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools } from "../support/fixtures";
import {
  DbWatch, describeEntries, fieldErrorsProblem, fuzzParams, hostileForm, hostileString, messageProblem, testDbQuery, toFormData, type FormEntries,
} from "../support/fuzz";
import type { Fingerprint } from "../../lib/db/backup";
import { seedDemoSchool, type SeedSummary } from "../../prisma/seed/demo-school";
import { loadPrincipal } from "../../lib/auth/load-principal";
import type { Principal } from "../../lib/auth/principal";
import { AppError, GENERIC_ERROR_MESSAGE } from "../../lib/errors";
import { attemptLogin } from "../../lib/auth/login";
import { redeemInvitation } from "../../lib/auth/invitations";
import { ipFailureCount, MAX_FAILURES } from "../../lib/auth/throttle";

const session = vi.hoisted(() => ({ current: null as Principal | null }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("../../lib/errors");
  return {
    getPrincipal: async () => session.current,
    requirePrincipal: async () => {
      if (!session.current) throw new AppError("UNAUTHENTICATED");
      return session.current;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7", "user-agent": "fuzz" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined, has: () => false, getAll: () => [] }),
}));
vi.mock("next-intl/server", () => {
  const t = Object.assign((key: string) => `«${key}»`, { rich: (key: string) => key, markup: (key: string) => key, raw: (key: string) => key, has: () => true });
  return { getTranslations: async () => t, getLocale: async () => "ru", getRequestConfig: (f: unknown) => f };
});
vi.mock("@/lib/auth/next-auth", () => {
  // a real signIn answers with a redirect, which Next throws
  const redirect = async () => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/;307;" });
  };
  return { signIn: redirect, signOut: redirect, auth: async () => null, handlers: {} };
});
vi.mock("@/lib/auth/throttle", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/auth/throttle")>()),
  sleep: async () => undefined,
}));

import * as familyNotifications from "../../app/(family)/diary/notifications/actions";
import * as familyContacts from "../../app/(family)/diary/contacts/actions";
import * as familySettings from "../../app/(family)/diary/settings/actions";
import * as familyCalendar from "../../app/(family)/diary/calendar/actions";
import * as consentFamily from "../../app/(consent)/consent/actions";
import * as authActions from "../../app/(auth)/actions";
import * as timetable from "../../app/(staff)/admin/timetable/actions";
import * as rollover from "../../app/(staff)/admin/rollover/actions";
import * as periods from "../../app/(staff)/admin/periods/actions";
import * as delivery from "../../app/(staff)/admin/delivery/actions";
import * as cohorts from "../../app/(staff)/admin/cohorts/actions";
import * as assessments from "../../app/(staff)/admin/assessments/actions";
import * as settings from "../../app/(staff)/admin/settings/actions";
import * as exams from "../../app/(staff)/admin/exams/actions";
import * as oneroster from "../../app/(staff)/admin/oneroster/actions";
import * as curriculum from "../../app/(staff)/admin/curriculum/actions";
import * as curriculumCohort from "../../app/(staff)/admin/curriculum/[cohortId]/actions";
import * as imports from "../../app/(staff)/admin/import/actions";
import * as consentAdmin from "../../app/(staff)/admin/consent/actions";
import * as apiClients from "../../app/(staff)/admin/api-clients/actions";
import * as calendar from "../../app/(staff)/admin/calendar/actions";
import * as substitutions from "../../app/(staff)/admin/substitutions/actions";
import * as guardians from "../../app/(staff)/admin/people/guardians/actions";
import * as staff from "../../app/(staff)/admin/people/staff/actions";
import * as students from "../../app/(staff)/admin/people/students/actions";
import * as finals from "../../app/(staff)/journal/finals/[cohortId]/[subjectId]/actions";
import * as plan from "../../app/(staff)/journal/plan/[cohortId]/[subjectId]/actions";
import * as lesson from "../../app/(staff)/journal/lesson/[lessonId]/actions";
import * as grid from "../../app/(staff)/journal/[cohortId]/[subjectId]/actions";
import * as authSchemas from "../../lib/auth/schemas";
import * as consentSchemas from "../../lib/consent/schemas";
import * as curriculumSchemas from "../../lib/curriculum/schemas";
import * as examSchemas from "../../lib/exams/schemas";
import * as importSchemas from "../../lib/imports/schemas";
import * as finalsSchemas from "../../lib/journal/finals-schemas";
import * as gridSchemas from "../../lib/journal/grid-schemas";
import * as lessonSchemas from "../../lib/journal/lesson-schemas";
import * as notifySchemas from "../../lib/notify/schemas";
import * as cohortSchemas from "../../lib/people/cohort-schemas";
import * as peopleSchemas from "../../lib/people/schemas";
import * as schoolSchemas from "../../lib/school/schemas";
import * as timetableSchemas from "../../lib/timetable/schemas";
import * as clientSchemas from "../../lib/oneroster/clients";

type Role = "admin" | "teacher" | "parent" | "student" | "foreignAdmin";
type FormAction = (prev: null, form: FormData) => Promise<unknown>;

/** each "use server" module, and who normally uses its forms (others are tried too, less often) */
const MODULES: { name: string; owner: Role; actions: Record<string, unknown> }[] = [
  { name: "diary/notifications", owner: "parent", actions: familyNotifications },
  { name: "diary/contacts", owner: "parent", actions: familyContacts },
  { name: "diary/settings", owner: "parent", actions: familySettings },
  { name: "diary/calendar", owner: "parent", actions: familyCalendar },
  { name: "consent", owner: "parent", actions: consentFamily },
  { name: "admin/timetable", owner: "admin", actions: timetable },
  { name: "admin/rollover", owner: "admin", actions: rollover },
  { name: "admin/periods", owner: "admin", actions: periods },
  { name: "admin/delivery", owner: "admin", actions: delivery },
  { name: "admin/cohorts", owner: "admin", actions: cohorts },
  { name: "admin/assessments", owner: "admin", actions: assessments },
  { name: "admin/settings", owner: "admin", actions: settings },
  { name: "admin/exams", owner: "admin", actions: exams },
  { name: "admin/oneroster", owner: "admin", actions: oneroster },
  { name: "admin/curriculum", owner: "admin", actions: curriculum },
  { name: "admin/curriculum/[cohortId]", owner: "admin", actions: curriculumCohort },
  { name: "admin/import", owner: "admin", actions: imports },
  { name: "admin/consent", owner: "admin", actions: consentAdmin },
  { name: "admin/api-clients", owner: "admin", actions: apiClients },
  { name: "admin/calendar", owner: "admin", actions: calendar },
  { name: "admin/substitutions", owner: "admin", actions: substitutions },
  { name: "admin/people/guardians", owner: "admin", actions: guardians },
  { name: "admin/people/staff", owner: "admin", actions: staff },
  { name: "admin/people/students", owner: "admin", actions: students },
  { name: "journal/finals", owner: "teacher", actions: finals },
  { name: "journal/plan", owner: "teacher", actions: plan },
  { name: "journal/lesson", owner: "teacher", actions: lesson },
  { name: "journal/grid", owner: "teacher", actions: grid },
];

/** actions taking no form state (signOut, the language switch) or needing a real request: tested elsewhere */
const NOT_FORM_ACTIONS = new Set(["signOutAction"]);

let t: TestDb;
let demo: SeedSummary;
let watch: DbWatch;
const principals = {} as Record<Role, Principal>;
let realIds: string[] = [];

async function principalOf(login: string): Promise<Principal> {
  const u = await t.db.user.findUniqueOrThrow({ where: { login }, select: { id: true, sessionVersion: true } });
  const p = await loadPrincipal(u.id, u.sessionVersion);
  if (!p) throw new Error(`no principal for ${login}`);
  return p;
}

/** A couple of ids from every table that has one: the demo school's and the other school's. */
async function idsOfEveryTable(): Promise<string[]> {
  const { query, close } = testDbQuery(t);
  const tables = await query(
    "SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name",
  );
  const ids: string[] = [];
  for (const row of tables) {
    const rows = await query(`SELECT id::text AS id FROM public."${String(row["name"])}" ORDER BY id LIMIT 3`);
    for (const r of rows) ids.push(String(r["id"]));
  }
  await close();
  return ids;
}

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  demo = await seedDemoSchool(t.db, { today: new Date() });
  await buildTwoSchools(t.db);
  principals.admin = await principalOf("admin");
  principals.teacher = await principalOf("teacher");
  principals.parent = await principalOf("parent");
  principals.student = await principalOf("student");
  principals.foreignAdmin = await principalOf("b.admin");
  realIds = await idsOfEveryTable();
  watch = await DbWatch.open(t);
});
afterAll(async () => {
  await watch?.close();
  await t?.close();
});

type Outcome = { kind: "ok" } | { kind: "redirect" } | { kind: "refused"; message: string; fieldErrors: Record<string, string[]> };

function isRedirect(e: unknown): boolean {
  return e instanceof Error && "digest" in e && typeof e.digest === "string" && e.digest.startsWith("NEXT_REDIRECT");
}

async function submit(action: FormAction, form: FormData): Promise<Outcome> {
  let result: unknown;
  try {
    result = await action(null, form);
  } catch (e) {
    if (isRedirect(e)) return { kind: "redirect" };
    throw e;
  }
  const r = result as { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> } | null;
  if (!r || typeof r !== "object" || typeof r.ok !== "boolean") throw new Error(`not an ActionResult: ${JSON.stringify(result)?.slice(0, 200)}`);
  return r.ok ? { kind: "ok" } : { kind: "refused", message: r.message ?? "", fieldErrors: r.fieldErrors ?? {} };
}

/** the fields a form asks for: the required ones its schema names on an empty form, and those of the lib schema with the same required set */
async function fieldsOf(action: FormAction): Promise<string[]> {
  session.current = principals.admin;
  const out = await submit(action, new FormData());
  const required = out.kind === "refused" ? Object.keys(out.fieldErrors).filter((k) => k !== "_form") : [];
  const keys = new Set(required);
  for (const known of schemaKeySets()) {
    if (known.required.length === required.length && required.every((k) => known.required.includes(k))) known.all.forEach((k) => keys.add(k));
  }
  return [...keys];
}

const SCHEMA_MODULES: Record<string, unknown>[] = [
  authSchemas, consentSchemas, curriculumSchemas, examSchemas, importSchemas, finalsSchemas, gridSchemas, lessonSchemas, notifySchemas,
  cohortSchemas, peopleSchemas, schoolSchemas, timetableSchemas, clientSchemas,
];

/** the object schemas of lib/**: every key, and the keys an empty form is refused for */
function schemaKeySets(): { required: string[]; all: string[] }[] {
  const out: { required: string[]; all: string[] }[] = [];
  for (const mod of SCHEMA_MODULES) {
    for (const value of Object.values(mod)) {
      let schema: unknown = value;
      // a transform wraps the object in a pipe: its input side is the form's shape
      while (schema instanceof z.ZodPipe) schema = schema.in;
      if (!(schema instanceof z.ZodObject)) continue;
      const parsed = schema.safeParse({});
      const required = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")).filter((k) => k !== ""))];
      out.push({ required, all: Object.keys(schema.shape) });
    }
  }
  return out;
}

const roles: Role[] = ["admin", "teacher", "parent", "student", "foreignAdmin"];

/** there are ~90 actions: each gets this share of FUZZ_RUNS, so the normal run stays short and `npm run fuzz` goes deep */
const ACTION_SHARE = 0.4;

/** how many hostile forms were accepted, per action: printed, so a generator that never gets past zod shows */
const accepted: Record<string, { ok: number; refused: number }> = {};

/** tables that accepted forms wrote to: the final comparison of every row leaves them out */
const writtenByAccepted = new Set<string>();
let baseline: Fingerprint;

describe.each(MODULES)("$name: hostile forms get a clear refusal and change nothing", ({ name, owner, actions }) => {
  const entries = Object.entries(actions).filter(([n, a]) => typeof a === "function" && !NOT_FORM_ACTIONS.has(n)) as [string, FormAction][];

  it.each(entries)("%s", async (actionName, action) => {
    baseline ??= await watch.take();
    const keys = await fieldsOf(action);
    const principal = fc.oneof({ weight: 4, arbitrary: fc.constant(owner) }, { weight: 1, arbitrary: fc.constantFrom(...roles) });
    const stats = (accepted[`${name}/${actionName}`] = { ok: 0, refused: 0 });
    // an empty form as the admin may be accepted (a form whose fields are all optional)
    for (const w of await watch.writes()) writtenByAccepted.add(w.split(" ")[0] ?? "");
    await fc.assert(
      fc.asyncProperty(principal, hostileForm(keys, realIds), async (role: Role, form: FormEntries) => {
        session.current = principals[role];
        const outcome = await submit(action, toFormData(form));
        const written = await watch.writes();
        const where = `${name}/${actionName} as ${role} with ${describeEntries(form)}`;
        if (outcome.kind !== "refused") {
          // accepted: legitimate when the domain found nothing wrong with it
          stats.ok += 1;
          for (const w of written) writtenByAccepted.add(w.split(" ")[0] ?? "");
          return;
        }
        stats.refused += 1;
        expect(outcome.message, where).not.toBe(GENERIC_ERROR_MESSAGE);
        expect(messageProblem(outcome.message), where).toBeNull();
        expect(fieldErrorsProblem(outcome.fieldErrors), where).toBeNull();
        expect(written, `a refused form wrote rows: ${where}`).toEqual([]);
      }),
      fuzzParams(ACTION_SHARE),
    );
    expect(stats.ok + stats.refused).toBeGreaterThan(0);
  });
});

describe("after every action's hostile forms", () => {
  it("every row of every table no accepted form wrote to is as it was", async () => {
    expect(await watch.changedSince(baseline, [...writtenByAccepted])).toEqual([]);
  });
});

afterAll(() => {
  const lines = Object.entries(accepted).map(([k, v]) => `${k}: ${v.refused} refused, ${v.ok} accepted`);
  console.log(`[fuzz-actions] ${lines.length} actions\n${lines.join("\n")}`);
});

describe("found by the fuzzing: the NUL character", () => {
  // PostgreSQL cannot store or even compare text with U+0000: the database's error reached the person as
  // «Что-то пошло не так» (and the server log as a Prisma error) before lib/action.ts refused it in words
  it("in a text field of a form: refused by the form, in Russian, nothing written", async () => {
    session.current = principals.admin;
    const form = new FormData();
    form.set("lastName", "Иванова\u0000");
    form.set("firstName", "Анна");
    await watch.writes();
    const outcome = await submit(guardians.saveGuardianAction, form);
    expect(outcome.kind).toBe("refused");
    if (outcome.kind !== "refused") return;
    expect(outcome.fieldErrors["lastName"]?.[0]).toMatch(/служебный символ/);
    expect(await watch.writes()).toEqual([]);
  });

  it("in a login: a wrong login or password, and the address's failure counted", async () => {
    const ip = "198.51.100.99";
    const e = await attemptLogin({ login: "admin\u0000", password: "x", ip }).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("UNAUTHENTICATED");
    expect(ipFailureCount(ip)).toBe(1);
  });
});

// ───────────────────────────── sign-in and invitation ─────────────────────────────

describe("sign-in and invitation: garbage is refused the expected way, and the throttle counts", () => {
  const refusalCodes = new Set(["UNAUTHENTICATED", "LOCKED", "RATE_LIMITED"]);

  async function refusedWith(p: Promise<unknown>, codes: Set<string>, where: string): Promise<AppError> {
    try {
      await p;
    } catch (e) {
      if (!(e instanceof AppError)) throw new Error(`${where}: not an AppError: ${String(e)}`);
      expect(codes.has(e.code), `${where}: ${e.code}`).toBe(true);
      expect(messageProblem(e.message), where).toBeNull();
      return e;
    }
    throw new Error(`${where}: accepted`);
  }

  it("hostile logins and passwords: refused as a wrong login or password, no account touched", async () => {
    let seq = 0;
    const before = await watch.take();
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, hostileString, async (login, password, ip) => {
        // a fresh address per attempt, so that the address cap is not what refuses
        const address = `${ip}#${++seq}`;
        await refusedWith(attemptLogin({ login, password, ip: address }), refusalCodes, `login ${JSON.stringify(login.slice(0, 60))}`);
        expect(ipFailureCount(address)).toBe(1);
      }),
      fuzzParams(),
    );
    // none of these logins exists: no account's counters moved
    expect(await watch.changedSince(before)).toEqual([]);
  });

  it("the sign-in form itself: hostile fields are refused in Russian and never reach the database as an error", async () => {
    const action = authActions.loginAction as unknown as FormAction;
    await fc.assert(
      fc.asyncProperty(hostileForm(["login", "password", "next"], realIds), async (form) => {
        const outcome = await submit(action, toFormData(form));
        expect(outcome.kind, describeEntries(form)).toBe("refused");
        if (outcome.kind !== "refused") return;
        expect(messageProblem(outcome.message), describeEntries(form)).toBeNull();
        expect(fieldErrorsProblem(outcome.fieldErrors), describeEntries(form)).toBeNull();
      }),
      fuzzParams(),
    );
  });

  it("hostile passwords for a real account: each counts, and the fifth locks it", async () => {
    const ip = "198.51.100.20";
    const user = await t.db.user.findUniqueOrThrow({ where: { login: "teacher" } });
    await t.db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    const passwords = fc.sample(hostileString.filter((s) => s !== demo.logins[0]?.password), { numRuns: MAX_FAILURES, ...(process.env["FUZZ_SEED"] ? { seed: Number(process.env["FUZZ_SEED"]) } : {}) });
    for (const [i, password] of passwords.entries()) {
      const e = await refusedWith(attemptLogin({ login: "  TEACHER ", password, ip }), refusalCodes, `password #${i}`);
      const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
      if (i < MAX_FAILURES - 1) {
        expect(e.code).toBe("UNAUTHENTICATED");
        expect(after.failedLogins).toBe(i + 1);
      } else {
        expect(e.code).toBe("LOCKED");
        expect(after.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());
      }
    }
    expect(ipFailureCount(ip)).toBe(MAX_FAILURES);
    // locked now: even the right password is refused
    const right = demo.logins.find((l) => l.login === "teacher")?.password ?? "";
    expect((await refusedWith(attemptLogin({ login: "teacher", password: right, ip }), refusalCodes, "right password while locked")).code).toBe("LOCKED");
  });

  it("hostile invitation codes, logins and passwords: refused, counted per address, nothing written", async () => {
    let seq = 0;
    const before = await watch.take();
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, hostileString, async (code, login, password) => {
        const ip = `fuzz-invite-${++seq}`;
        const e = await refusedWith(redeemInvitation({ code, login, password, ip }), new Set(["BAD_INPUT"]), `code ${JSON.stringify(code.slice(0, 60))}`);
        expect(e.fieldErrors?.["code"]?.length).toBe(1);
        expect(ipFailureCount(ip)).toBe(1);
      }),
      fuzzParams(),
    );
    expect(await watch.changedSince(before)).toEqual([]);
  });

  it("the invitation form itself: hostile fields are refused in Russian, and a real code is not spent", async () => {
    const action = authActions.invitationAction as unknown as FormAction;
    const before = await watch.take();
    const code = demo.invitations[0]?.code ?? "";
    await fc.assert(
      fc.asyncProperty(hostileForm(["code", "login", "password", "password2"], [code]), async (form) => {
        const outcome = await submit(action, toFormData(form));
        // a well-formed code with an acceptable login and matching passwords would be a real sign-up: the generator
        // cannot make matching hostile passwords of 8+ characters often, and if it did, the account is legitimate
        if (outcome.kind !== "refused") return;
        expect(messageProblem(outcome.message), describeEntries(form)).toBeNull();
        expect(fieldErrorsProblem(outcome.fieldErrors), describeEntries(form)).toBeNull();
      }),
      fuzzParams(),
    );
    const used = await t.db.invitation.count({ where: { usedAt: { not: null } } });
    if (used === 0) expect(await watch.changedSince(before)).toEqual([]);
  });
});
