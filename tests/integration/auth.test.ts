/**
 * Sign-in, lock-out and the first login by invitation code, on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, PASSWORD, type TwoSchools } from "../support/fixtures";
import { AppError } from "../../lib/errors";
import { attemptLogin } from "../../lib/auth/login";
import { redeemInvitation, issueInvitation } from "../../lib/auth/invitations";
import { loadPrincipal } from "../../lib/auth/load-principal";
import { redeemLoginTicket } from "../../lib/auth/login-ticket";
import { authSecret } from "../../lib/auth/secret";
import { MAX_FAILURES, LOCK_MINUTES } from "../../lib/auth/throttle";
import { verifyPassword } from "../../lib/auth/password";
import { refusal } from "../support/refusal";

let t: TestDb;
let f: TwoSchools;
let ipCounter = 0;
const ip = () => `10.0.0.${++ipCounter}`;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
});
afterAll(async () => {
  await t.close();
});

describe("sign-in", () => {
  it("the right password gives a ticket that next-auth turns into a session of that user", async () => {
    const { ticket, userId } = await attemptLogin({ login: "  A.Math ", password: PASSWORD, ip: ip() });
    const redeemed = redeemLoginTicket(authSecret(), ticket);
    expect(redeemed?.userId).toBe(userId);
    const p = await loadPrincipal(userId, redeemed?.sessionVersion ?? -1);
    expect(p?.roles).toEqual(["TEACHER"]);
    expect(p?.displayName).toBe("Числова Мария Сергеевна");
  });

  it("a wrong password and an unknown login get the same Russian message", async () => {
    const wrong = await refusal(attemptLogin({ login: "a.g2", password: "nope-nope", ip: ip() }));
    const unknown = await refusal(attemptLogin({ login: "no.such.person", password: "nope-nope", ip: ip() }));
    expect(wrong.code).toBe("UNAUTHENTICATED");
    expect(unknown.message).toBe(wrong.message);
    expect(wrong.message).toMatch(/Неверный логин или пароль/);
  });

  it(`locks the account after ${MAX_FAILURES} failures, refuses even the right password, and unlocks after ${LOCK_MINUTES} minutes`, async () => {
    const now = new Date();
    let last: AppError | undefined;
    for (let i = 0; i < MAX_FAILURES; i++) last = await refusal(attemptLogin({ login: "b.g", password: "wrong-guess", ip: ip() }, now));
    expect(last?.code).toBe("LOCKED");
    expect(last?.message).toMatch(/заблокирован до \d\d:\d\d/);
    const stillLocked = await refusal(attemptLogin({ login: "b.g", password: PASSWORD, ip: ip() }, new Date(now.getTime() + 60_000)));
    expect(stillLocked.code).toBe("LOCKED");
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    const ok = await attemptLogin({ login: "b.g", password: PASSWORD, ip: ip() }, later);
    expect(ok.userId).toBeTruthy();
    const user = await t.db.user.findUniqueOrThrow({ where: { login: "b.g" }, select: { failedLogins: true, lockedUntil: true } });
    expect(user).toEqual({ failedLogins: 0, lockedUntil: null });
  });

  it("warns when few attempts are left", async () => {
    const now = new Date();
    let last: AppError | undefined;
    for (let i = 0; i < MAX_FAILURES - 2; i++) last = await refusal(attemptLogin({ login: "b.s", password: "x-wrong-x", ip: ip() }, now));
    expect(last?.message).toMatch(/Осталось попыток до временной блокировки: 2/);
    await attemptLogin({ login: "b.s", password: PASSWORD, ip: ip() }, now);
  });

  it("a changed session version ends old sessions; a disabled account cannot act", async () => {
    const u = await t.db.user.findUniqueOrThrow({ where: { login: "a.rus" }, select: { id: true, sessionVersion: true } });
    expect(await loadPrincipal(u.id, u.sessionVersion)).not.toBeNull();
    await t.db.user.update({ where: { id: u.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadPrincipal(u.id, u.sessionVersion)).toBeNull();
    await t.db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await loadPrincipal(u.id, u.sessionVersion + 1)).toBeNull();
    const e = await refusal(attemptLogin({ login: "a.rus", password: PASSWORD, ip: ip() }));
    expect(e.message).toMatch(/отключена/);
  });

  it("a deputy director is both administrator and teacher", async () => {
    const p = await f.as("a.deputy");
    expect([...p.roles].sort()).toEqual(["ADMIN", "TEACHER"]);
  });
});

describe("first login by invitation code", () => {
  async function guardianWithoutAccount(): Promise<string> {
    const g = await t.db.guardian.create({ data: { schoolId: f.A.id, lastName: "Новикова", firstName: "Галина" } });
    await t.db.guardianship.create({ data: { schoolId: f.A.id, guardianId: g.id, studentId: f.A.s2, relation: "GUARDIAN" } });
    return g.id;
  }

  it("creates the guardian's account, signs in, and the code cannot be used again", async () => {
    const guardianId = await guardianWithoutAccount();
    const { code } = await issueInvitation(await f.as("a.admin"), { guardianId });
    // typed on a phone: lower case, no dashes
    const typed = code.toLowerCase().replace(/-/g, " ");
    const { ticket, userId } = await redeemInvitation({ code: typed, login: "novikova.g", password: "my-secret-pass", ip: ip() });
    expect(ticket).toBeTruthy();
    const user = await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: { kind: true, guardianId: true, passwordHash: true } });
    expect(user.kind).toBe("GUARDIAN");
    expect(user.guardianId).toBe(guardianId);
    expect(await verifyPassword("my-secret-pass", user.passwordHash ?? "")).toBe(true);
    const p = await loadPrincipal(userId, 1);
    expect(p?.roles).toEqual(["GUARDIAN"]);

    const again = await refusal(redeemInvitation({ code, login: "someone.else", password: "another-pass", ip: ip() }));
    expect(again.message).toMatch(/уже использован/);
    expect(await t.db.user.count({ where: { login: "someone.else" } })).toBe(0);
  });

  it("an unknown code, an expired code and a taken login are refused and change nothing", async () => {
    const before = await t.db.user.count();
    const unknown = await refusal(redeemInvitation({ code: "AAAA-BBBB-CCCC", login: "x.unknown", password: "long-enough", ip: ip() }));
    expect(unknown.fieldErrors?.code?.[0]).toMatch(/Такого кода нет/);

    const guardianId = await guardianWithoutAccount();
    const { code } = await issueInvitation(await f.as("a.admin"), { guardianId });
    const taken = await refusal(redeemInvitation({ code, login: "a.g1", password: "long-enough", ip: ip() }));
    expect(taken.fieldErrors?.login?.[0]).toMatch(/занят/);
    const inv = await t.db.invitation.findFirstOrThrow({ where: { guardianId, usedAt: null, expiresAt: { gt: new Date() } } });
    expect(inv.usedAt).toBeNull();

    const expired = await refusal(redeemInvitation({ code, login: "x.late", password: "long-enough", ip: ip() }, new Date(Date.now() + 400 * 86_400_000)));
    expect(expired.message).toMatch(/Срок действия кода истёк/);
    expect(await t.db.user.count()).toBe(before);
  });

  it("a newly issued code replaces the older unused one", async () => {
    const guardianId = await guardianWithoutAccount();
    const admin = await f.as("a.admin");
    const first = await issueInvitation(admin, { guardianId });
    await issueInvitation(admin, { guardianId });
    const e = await refusal(redeemInvitation({ code: first.code, login: "x.first", password: "long-enough", ip: ip() }));
    expect(e.message).toMatch(/истёк/);
  });

  it("a student, also one under 14, can get an account of their own", async () => {
    const { code } = await issueInvitation(await f.as("a.admin"), { studentId: f.A.s2 });
    const { userId } = await redeemInvitation({ code, login: "petrov.ilya", password: "student-pass", ip: ip() });
    const p = await loadPrincipal(userId, 1);
    expect(p?.roles).toEqual(["STUDENT"]);
    expect(p?.studentId).toBe(f.A.s2);
  });
});
