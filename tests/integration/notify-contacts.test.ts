/**
 * The guardian's own contacts (R7) on a real database: a contact typed in the cabinet
 * works only after the code sent to it is typed back; wrong codes count, five end it,
 * an old code has expired, a new code waits a minute; nobody touches another's contacts;
 * the history keeps who removed what.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { refusal } from "../support/refusal";
import {
  CODE_TTL_MS, addMyContact, codeHash, confirmMyContact, listMyContacts, removeMyContact, resendMyCode,
} from "../../lib/notify/contacts";
import { getMyPreferences, saveMyPreferences } from "../../lib/notify/preferences";
import { removeGuardianContact, saveGuardianContact } from "../../lib/people/guardian-contacts";

let t: TestDb;
let f: TwoSchools;
const T0 = new Date("2026-12-03T05:00:00.000Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

/** The code as the guardian reads it in the message the outbox holds. */
async function codeSentTo(address: string): Promise<string> {
  const rows = await t.db.outboxMessage.findMany({ where: { kind: "CONTACT_CODE", address }, orderBy: { createdAt: "desc" } });
  const code = /(\d{6})/.exec(rows[0]?.body ?? "")?.[1];
  if (!code) throw new Error(`no code sent to ${address}`);
  return code;
}

/** A six-digit code that is not the right one. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db);
});
afterAll(async () => {
  await t.close();
});

describe("adding and confirming", () => {
  it("an added e-mail waits for confirmation; the code goes out by the outbox and only its hash is stored", async () => {
    const g1 = await f.as("a.g1");
    const { id } = await addMyContact(g1, { channel: "EMAIL", value: "mama@mail.ru" }, T0);
    const contact = await t.db.contact.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id } } });
    expect(contact).toMatchObject({ source: "SELF_SERVICE", confirmedAt: null, guardianId: f.A.g1 });
    const [row] = await t.db.outboxMessage.findMany({ where: { kind: "CONTACT_CODE", address: "mama@mail.ru" } });
    expect(row).toMatchObject({ channel: "EMAIL", status: "PENDING", guardianId: null });
    expect(row?.body).toMatch(/Код подтверждения для «Журнала»: \d{6}/);
    const code = await codeSentTo("mama@mail.ru");
    const conf = await t.db.contactConfirmation.findFirstOrThrow({ where: { contactId: id } });
    expect(conf.codeHash).toBe(codeHash(id, code));
    expect(conf.codeHash).not.toContain(code);
    expect(conf.expiresAt.getTime() - T0.getTime()).toBe(CODE_TTL_MS);
    const list = await listMyContacts(g1, T0);
    expect(list.current.map((c) => [c.value, c.confirmed])).toEqual([["mama@mail.ru", false]]);
  });

  it("a wrong code counts a try and says how many are left; the right one confirms", async () => {
    const g1 = await f.as("a.g1");
    const [c] = (await listMyContacts(g1, T0)).current;
    if (!c) throw new Error("no contact");
    const code = await codeSentTo("mama@mail.ru");
    const e = await refusal(confirmMyContact(g1, { contactId: c.id, code: wrong(code) }, later(1000)));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.message).toContain("Осталось попыток: 4");
    expect((await t.db.contactConfirmation.findFirstOrThrow({ where: { contactId: c.id } })).attempts).toBe(1);
    await confirmMyContact(g1, { contactId: c.id, code }, later(2000));
    const after = await t.db.contact.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: c.id } } });
    expect(after.confirmedAt).toEqual(later(2000));
    expect((await listMyContacts(g1, later(2000))).current[0]?.confirmed).toBe(true);
    expect((await refusal(confirmMyContact(g1, { contactId: c.id, code }, later(3000)))).code).toBe("CONFLICT");
  });

  it("five wrong tries end the code, even the right one after them; a new code works", async () => {
    const g2 = await f.as("a.g2");
    const { id } = await addMyContact(g2, { channel: "SMS", value: "+79123456789" }, T0);
    const code = await codeSentTo("+79123456789");
    for (let i = 0; i < 5; i++) {
      expect((await refusal(confirmMyContact(g2, { contactId: id, code: wrong(code) }, later(1000 + i)))).code).toBe("BAD_INPUT");
    }
    const sixth = await refusal(confirmMyContact(g2, { contactId: id, code }, later(2000)));
    expect(sixth.code).toBe("RATE_LIMITED");
    expect((await t.db.contact.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id } } })).confirmedAt).toBeNull();
    // a new code at most once a minute
    expect((await refusal(resendMyCode(g2, id, later(30_000)))).code).toBe("RATE_LIMITED");
    await resendMyCode(g2, id, later(61_000));
    const fresh = await codeSentTo("+79123456789");
    await confirmMyContact(g2, { contactId: id, code: fresh }, later(62_000));
    expect((await t.db.contact.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id } } })).confirmedAt).not.toBeNull();
  });

  it("an expired code is refused, and says to ask for a new one", async () => {
    const g1 = await f.as("a.g1");
    const { id } = await addMyContact(g1, { channel: "SMS", value: "+79001112233" }, T0);
    const code = await codeSentTo("+79001112233");
    const e = await refusal(confirmMyContact(g1, { contactId: id, code }, later(CODE_TTL_MS + 1)));
    expect(e.code).toBe("BAD_INPUT");
    expect(e.message).toMatch(/истёк/);
    expect((await t.db.contact.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id } } })).confirmedAt).toBeNull();
  });

  it("the same contact twice is refused", async () => {
    const g1 = await f.as("a.g1");
    expect((await refusal(addMyContact(g1, { channel: "EMAIL", value: "mama@mail.ru" }, T0))).code).toBe("CONFLICT");
  });
});

describe("only one's own contacts", () => {
  it("another guardian's contact answers NOT_FOUND for confirm, resend and remove; in another school too", async () => {
    const g1 = await f.as("a.g1");
    const [mine] = (await listMyContacts(g1, T0)).current;
    if (!mine) throw new Error("no contact");
    for (const other of [await f.as("a.g2"), await f.as("b.g")]) {
      expect((await refusal(confirmMyContact(other, { contactId: mine.id, code: "123456" }, T0))).code).toBe("NOT_FOUND");
      expect((await refusal(resendMyCode(other, mine.id, later(3_600_000)))).code).toBe("NOT_FOUND");
      expect((await refusal(removeMyContact(other, mine.id, T0))).code).toBe("NOT_FOUND");
    }
    expect((await t.db.contact.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: mine.id } } })).removedAt).toBeNull();
  });

  it("a student, a teacher and an administrator have no contacts of their own here", async () => {
    for (const login of ["a.s1", "a.math", "a.admin"]) {
      const p = await f.as(login);
      expect((await refusal(listMyContacts(p))).code).toBe("FORBIDDEN");
      expect((await refusal(addMyContact(p, { channel: "EMAIL", value: "x@mail.ru" }))).code).toBe("FORBIDDEN");
      expect((await refusal(getMyPreferences(p))).code).toBe("FORBIDDEN");
    }
  });
});

describe("removing and the history", () => {
  it("removal by the guardian and by the school are kept with who removed them; pending messages to it are not sent", async () => {
    const g1 = await f.as("a.g1");
    const admin = await f.as("a.admin");
    const [mama] = (await listMyContacts(g1, T0)).current.filter((c) => c.value === "mama@mail.ru");
    if (!mama) throw new Error("no contact");
    const waiting = await t.db.outboxMessage.create({
      data: { schoolId: f.A.id, kind: "MARK", eventKey: "mark:test:v1", guardianId: f.A.g1, studentId: f.A.s1, channel: "EMAIL", address: "mama@mail.ru", body: "…" },
    });
    await removeMyContact(g1, mama.id, later(5000));
    expect((await t.db.outboxMessage.findUniqueOrThrow({ where: { schoolId_id: { schoolId: f.A.id, id: waiting.id } } })).status).toBe("SKIPPED");
    expect((await refusal(removeMyContact(g1, mama.id, later(6000)))).code).toBe("NOT_FOUND");

    const { id: paper } = await saveGuardianContact(admin, {
      guardianId: f.A.g1, channel: "EMAIL", value: "papa@mail.ru", contactValue: "papa@mail.ru", applicationNumber: "17", applicationDate: "2026-12-01", replacesId: undefined,
    }, later(7000));
    await removeGuardianContact(admin, { guardianId: f.A.g1, contactId: paper }, later(8000));

    const { current, removed } = await listMyContacts(g1, later(9000));
    expect(current.map((c) => c.value)).toEqual(["+79001112233"]);
    expect(removed.map((r) => [r.value, r.source, r.removedBy])).toEqual([
      ["papa@mail.ru", "WRITTEN_APPLICATION", "Директорова А. И."],
      ["mama@mail.ru", "SELF_SERVICE", "self"],
    ]);
  });
});

describe("delivery preferences", () => {
  it("defaults until saved; saved choices come back; every kind ticked is stored as «all»", async () => {
    const g2 = await f.as("a.g2");
    const before = await getMyPreferences(g2);
    expect(before).toMatchObject({ saved: false, email: true, sms: false, frequency: "IMMEDIATE", quietFrom: "21:00", quietTo: "08:00", hasPhone: true, hasEmail: false });
    expect(before.kinds).toHaveLength(8);
    await saveMyPreferences(g2, { email: false, sms: true, push: false, frequency: "DAILY", kinds: ["MARK", "HOMEWORK"], quietFrom: "22:30", quietTo: "07:15" });
    expect(await getMyPreferences(g2)).toMatchObject({ saved: true, sms: true, email: false, frequency: "DAILY", kinds: ["MARK", "HOMEWORK"], quietFrom: "22:30", quietTo: "07:15" });
    const row = await t.db.deliveryPreference.findFirstOrThrow({ where: { guardianId: f.A.g2 } });
    expect([row.quietFrom, row.quietTo]).toEqual([22 * 60 + 30, 7 * 60 + 15]);
    await saveMyPreferences(g2, { ...before, frequency: "WEEKLY" });
    expect((await t.db.deliveryPreference.findFirstOrThrow({ where: { guardianId: f.A.g2 } })).kinds).toEqual([]);
  });

  it("no kind and no channel are refused unless paper only is chosen", async () => {
    const g2 = await f.as("a.g2");
    const base = { email: true, sms: false, push: false, frequency: "IMMEDIATE" as const, kinds: [], quietFrom: "21:00", quietTo: "08:00" };
    expect((await refusal(saveMyPreferences(g2, base))).fieldErrors?.kinds).toBeDefined();
    expect((await refusal(saveMyPreferences(g2, { ...base, email: false, kinds: ["MARK"] }))).fieldErrors?.channels).toBeDefined();
    await saveMyPreferences(g2, { ...base, email: false, frequency: "PAPER_ONLY" });
    expect((await getMyPreferences(g2)).frequency).toBe("PAPER_ONLY");
  });
});
