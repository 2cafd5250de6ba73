import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { hashInvitationCode, isWellFormedInvitationCode, newInvitationCode, normaliseInvitationCode } from "../../lib/auth/invitation-code";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { issueLoginTicket, redeemLoginTicket } from "../../lib/auth/login-ticket";
import { delayAfterFailures, lockUntilAfter, MAX_FAILURES, LOCK_MINUTES } from "../../lib/auth/throttle";
import { can, PERMISSIONS } from "../../lib/auth/permissions";
import type { Principal } from "../../lib/auth/principal";

describe("invitation codes", () => {
  it("are three groups of four unambiguous characters", () => {
    for (let i = 0; i < 200; i++) {
      const code = newInvitationCode();
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it("forgive case, spaces, dashes and Cyrillic look-alikes typed on a Russian keyboard", () => {
    const code = "ABCE-HKMP-2345";
    for (const typed of ["abce-hkmp-2345", "ABCE HKMP 2345", "abcehkmp2345", "АВСЕ-НКМР-2345", " аbсе hkmр 2345 "]) {
      expect(normaliseInvitationCode(typed)).toBe("ABCEHKMP2345");
      expect(hashInvitationCode(typed)).toBe(hashInvitationCode(code));
    }
  });

  it("recognise malformed input", () => {
    expect(isWellFormedInvitationCode("ABCD-EFGH-2345")).toBe(true);
    expect(isWellFormedInvitationCode("ABCD-EFGH-234")).toBe(false);
    expect(isWellFormedInvitationCode("ABCD-EFGH-0000")).toBe(false);
    expect(isWellFormedInvitationCode("")).toBe(false);
  });

  it("every generated code is well formed and survives normalisation (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (nums) => {
        let i = 0;
        const code = newInvitationCode((max) => (nums[i++] ?? 0) % max);
        return isWellFormedInvitationCode(code) && normaliseInvitationCode(code) === code.replace(/-/g, "");
      }),
    );
  });
});

describe("passwords", () => {
  it("verify only the right password, with a fresh salt each time", async () => {
    const a = await hashPassword("пароль-с-кириллицей");
    const b = await hashPassword("пароль-с-кириллицей");
    expect(a).not.toBe(b);
    expect(a.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("пароль-с-кириллицей", a)).toBe(true);
    expect(await verifyPassword("пароль-с-кириллицей ", a)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});

describe("login tickets", () => {
  const secret = "s".repeat(40);
  it("carry the user once, then never again", () => {
    const t = issueLoginTicket(secret, "user-1", 3);
    expect(redeemLoginTicket(secret, t)).toEqual({ userId: "user-1", sessionVersion: 3 });
    expect(redeemLoginTicket(secret, t)).toBeNull();
  });
  it("are refused when expired, forged or signed with another secret", () => {
    const now = Date.now();
    expect(redeemLoginTicket(secret, issueLoginTicket(secret, "u", 1, now), now + 61_000)).toBeNull();
    expect(redeemLoginTicket("x".repeat(40), issueLoginTicket(secret, "u", 1))).toBeNull();
    const forged = issueLoginTicket(secret, "u", 1).replace(/^u\./, "admin.");
    expect(redeemLoginTicket(secret, forged)).toBeNull();
    expect(redeemLoginTicket(secret, "garbage")).toBeNull();
  });
});

describe("throttling", () => {
  it("slows down with each failure up to a cap, and locks at the limit", () => {
    expect(delayAfterFailures(0)).toBe(0);
    expect(delayAfterFailures(1)).toBeLessThan(delayAfterFailures(3));
    expect(delayAfterFailures(100)).toBe(delayAfterFailures(50));
    const now = new Date("2026-12-04T03:00:00Z");
    expect(lockUntilAfter(MAX_FAILURES - 1, now)).toBeNull();
    expect(lockUntilAfter(MAX_FAILURES, now)?.getTime()).toBe(now.getTime() + LOCK_MINUTES * 60_000);
  });
});

describe("the permission table", () => {
  const principal = (roles: Principal["roles"]): Principal => ({
    userId: "u", schoolId: "s", login: "l", displayName: "d", roles, staffId: null, guardianId: null, consentedChildIds: [], studentId: null, locale: "ru", timeZone: "Asia/Yekaterinburg",
    display: { largePrint: false, highContrast: false, plainLanguage: false },
  });
  it("gives each permission to the roles listed and to no one else", () => {
    for (const [perm, roles] of Object.entries(PERMISSIONS)) {
      for (const role of ["ADMIN", "TEACHER", "GUARDIAN", "STUDENT"] as const) {
        expect(can(principal([role]), perm as keyof typeof PERMISSIONS)).toBe((roles as readonly string[]).includes(role));
      }
    }
  });
  it("fails closed on a user without roles and on an unknown permission", () => {
    expect(can(principal([]), "student.read")).toBe(false);
    expect(can(principal(["ADMIN"]), "no.such.permission" as keyof typeof PERMISSIONS)).toBe(false);
  });
  it("families never write the journal or manage the school", () => {
    for (const role of ["GUARDIAN", "STUDENT"] as const) {
      expect(can(principal([role]), "journal.write")).toBe(false);
      expect(can(principal([role]), "school.manage")).toBe(false);
    }
  });
});
