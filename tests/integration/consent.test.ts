/**
 * The consent registry (R1) on a real database: versions kept, decisions append-only,
 * the current state is the last event, the gate every sender asks, who may record and
 * read what, and the paper list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { buildTwoSchools, type TwoSchools } from "../support/fixtures";
import { refusal } from "../support/refusal";
import { consentedGuardianIds, mayDeliver } from "../../lib/consent/gate";
import { currentConsentText, getConsentText, listConsentTexts, publishConsentText } from "../../lib/consent/texts";
import {
  consentRegistry, giveElectronicDecision, guardianConsentHistory, paperList, readConsentScan, recordPaperDecision, withdrawConsent,
} from "../../lib/consent/events";
import { childrenWithConsent, myConsent, needsConsentPage, pendingConsents } from "../../lib/consent/family";
import { consentFormData } from "../../lib/consent/form-data";
import { renderConsentForm } from "../../lib/reports/consent-form";

let t: TestDb;
let f: TwoSchools;
const net = { ip: "10.0.0.7", userAgent: "Mozilla/5.0 (тест)" };
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
  f = await buildTwoSchools(t.db, { consent: false });
});
afterAll(async () => {
  await t.close();
});

describe("consent texts", () => {
  it("a school gets the default text v1 with the operator's name and address; new versions keep the old ones", async () => {
    const admin = await f.as("a.admin");
    const v1 = await currentConsentText(f.A.id);
    expect(v1.version).toBe(1);
    expect(v1.body).toContain("Школа А");
    expect(v1.body).toContain("г. Ханты-Мансийск");
    expect(v1.body).toMatch(/Отозвать согласие/);
    expect(v1.bodySha256).toMatch(/^[0-9a-f]{64}$/);

    const v2 = await publishConsentText(admin, { title: "Согласие, редакция 2", purpose: "Электронный дневник", body: "Текст второй редакции.\r\n\r\nАбзац." });
    expect(v2.version).toBe(2);
    expect((await currentConsentText(f.A.id)).version).toBe(2);
    const all = await listConsentTexts(admin);
    expect(all.map((x) => x.version)).toEqual([2, 1]);
    expect((await getConsentText(admin, 1)).body).toBe(v1.body);
    expect((await getConsentText(admin, 2)).body).toBe("Текст второй редакции.\n\nАбзац.");
    expect((await getConsentText(admin, 2)).createdBy).toBe("Директорова Анна Ивановна");
  });

  it("only an administrator publishes, and only in their school", async () => {
    expect((await refusal(publishConsentText(await f.as("a.math"), { title: "x", purpose: "x", body: "x" }))).code).toBe("FORBIDDEN");
    expect((await refusal(publishConsentText(await f.as("a.g1"), { title: "x", purpose: "x", body: "x" }))).code).toBe("FORBIDDEN");
    expect((await refusal(publishConsentText(await f.as("a.admin"), { title: " ", purpose: "x", body: "x" }))).code).toBe("BAD_INPUT");
    expect((await refusal(getConsentText(await f.as("b.admin"), 2))).code).toBe("NOT_FOUND");
    expect((await currentConsentText(f.B.id)).version).toBe(1);
  });
});

describe("decisions and the gate", () => {
  it("a decision is append-only: the database refuses to change or delete it", async () => {
    const g1 = await f.as("a.g1");
    const e = await giveElectronicDecision(g1, { studentId: f.A.s3, decision: "REFUSED", ...net });
    await expect(t.db.consentEvent.update({ where: { schoolId_id: { schoolId: f.A.id, id: e.id } }, data: { decision: "GRANTED" } })).rejects.toThrow();
    await expect(t.db.consentEvent.delete({ where: { schoolId_id: { schoolId: f.A.id, id: e.id } } })).rejects.toThrow();
    const row = await t.db.consentEvent.findFirstOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ decision: "REFUSED", form: "ELECTRONIC", ip: net.ip, userAgent: net.userAgent });
  });

  it("the current state is the last event: grant → withdraw → not deliverable; grant again → deliverable", async () => {
    const g1 = await f.as("a.g1");
    expect(await mayDeliver(t.db, f.A.id, f.A.g1, f.A.s1)).toBe(false);
    expect(await needsConsentPage(g1)).toBe(true);
    await giveElectronicDecision(g1, { studentId: f.A.s1, decision: "GRANTED", ...net });
    expect(await mayDeliver(t.db, f.A.id, f.A.g1, f.A.s1)).toBe(true);
    expect(await childrenWithConsent(g1)).toEqual([f.A.s1]);
    await withdrawConsent(g1, { studentId: f.A.s1, ...net });
    expect(await mayDeliver(t.db, f.A.id, f.A.g1, f.A.s1)).toBe(false);
    expect(await childrenWithConsent(g1)).toEqual([]);
    // nothing to withdraw now
    expect((await refusal(withdrawConsent(g1, { studentId: f.A.s1, ...net }))).code).toBe("BAD_INPUT");
    await giveElectronicDecision(g1, { studentId: f.A.s1, decision: "GRANTED", ...net });
    expect(await mayDeliver(t.db, f.A.id, f.A.g1, f.A.s1)).toBe(true);
    // and it works inside a transaction too, as the outbox calls it
    expect(await t.db.$transaction((tx) => mayDeliver(tx, f.A.id, f.A.g1, f.A.s1))).toBe(true);
    // every child has a decision now (s3 refused earlier): no consent page at the next request
    expect(await pendingConsents(g1)).toEqual([]);
    expect(await needsConsentPage(await f.as("a.g1"))).toBe(false);
    const mine = await myConsent(g1);
    expect(mine.history.map((e) => e.decision)).toEqual(["GRANTED", "WITHDRAWN", "GRANTED", "REFUSED"]);
    expect(mine.children.map((c) => [c.name, c.state])).toEqual([["Иванов Пётр", "GRANTED"], ["Иванова Дарья", "REFUSED"]]);
  });

  it("the gate says no for a guardian without consent and for another guardian of the same child who refused", async () => {
    // a second guardian of s1 (the father), who refuses on paper
    const father = await t.db.guardian.create({ data: { schoolId: f.A.id, lastName: "Иванов", firstName: "Сергей" } });
    await t.db.guardianship.create({ data: { schoolId: f.A.id, guardianId: father.id, studentId: f.A.s1, relation: "FATHER" } });
    expect(await mayDeliver(t.db, f.A.id, father.id, f.A.s1)).toBe(false);
    expect(await consentedGuardianIds(t.db, f.A.id, f.A.s1)).toEqual([f.A.g1]);
    await recordPaperDecision(await f.as("a.admin"), { guardianId: father.id, studentId: f.A.s1, decision: "REFUSED", documentNumber: "17", documentDate: f.today });
    expect(await mayDeliver(t.db, f.A.id, father.id, f.A.s1)).toBe(false);
    expect(await mayDeliver(t.db, f.A.id, f.A.g1, f.A.s1)).toBe(true);
    expect(await consentedGuardianIds(t.db, f.A.id, f.A.s1)).toEqual([f.A.g1]);
    // g2 decided nothing about s2
    expect(await mayDeliver(t.db, f.A.id, f.A.g2, f.A.s2)).toBe(false);
    expect(await consentedGuardianIds(t.db, f.A.id, f.A.s2)).toEqual([]);
    // a consent about one child says nothing about another, nor across schools
    expect(await mayDeliver(t.db, f.A.id, f.A.g1, f.A.s2)).toBe(false);
    expect(await mayDeliver(t.db, f.B.id, f.A.g1, f.A.s1)).toBe(false);
  });

  it("an ended guardianship closes the gate even after a consent", async () => {
    const aunt = await t.db.guardian.create({ data: { schoolId: f.A.id, lastName: "Петрова", firstName: "Нина" } });
    const link = await t.db.guardianship.create({ data: { schoolId: f.A.id, guardianId: aunt.id, studentId: f.A.s2, relation: "TRUSTEE" } });
    await recordPaperDecision(await f.as("a.admin"), { guardianId: aunt.id, studentId: f.A.s2, decision: "GRANTED", documentNumber: "18", documentDate: f.today });
    expect(await mayDeliver(t.db, f.A.id, aunt.id, f.A.s2)).toBe(true);
    await t.db.guardianship.update({ where: { schoolId_id: { schoolId: f.A.id, id: link.id } }, data: { endDate: new Date() } });
    expect(await mayDeliver(t.db, f.A.id, aunt.id, f.A.s2)).toBe(false);
    expect(await consentedGuardianIds(t.db, f.A.id, f.A.s2)).toEqual([]);
  });

  it("a paper decision needs the document's number and date (not in the future); a scan must be PDF, JPEG or PNG", async () => {
    const admin = await f.as("a.admin");
    const base = { guardianId: f.A.g2, studentId: f.A.s2, decision: "GRANTED" as const };
    const noNumber = await refusal(recordPaperDecision(admin, { ...base, documentNumber: "  ", documentDate: f.today }));
    expect(noNumber.code).toBe("BAD_INPUT");
    expect(noNumber.fieldErrors?.["documentNumber"]).toBeDefined();
    const noDate = await refusal(recordPaperDecision(admin, { ...base, documentNumber: "12", documentDate: "" }));
    expect(noDate.fieldErrors?.["documentDate"]).toBeDefined();
    expect((await refusal(recordPaperDecision(admin, { ...base, documentNumber: "12", documentDate: "2999-01-01" }))).code).toBe("BAD_INPUT");
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    expect((await refusal(recordPaperDecision(admin, { ...base, documentNumber: "12", documentDate: f.today, scan: { name: "скан.pdf", bytes: exe } }))).code).toBe("BAD_INPUT");
    expect(await t.db.consentEvent.count({ where: { guardianId: f.A.g2 } })).toBe(0);

    const ok = await recordPaperDecision(admin, { ...base, documentNumber: "№ 12", documentDate: f.today, scan: { name: "C:\\сканы\\согласие.pdf", bytes: PDF } });
    const scan = await readConsentScan(admin, ok.id);
    expect(scan).toMatchObject({ fileName: "согласие.pdf", mimeType: "application/pdf" });
    expect(Buffer.from(scan.data).equals(Buffer.from(PDF))).toBe(true);
    // the scan is the administration's: not a teacher's, not another school's
    expect((await refusal(readConsentScan(await f.as("a.math"), ok.id))).code).toBe("NOT_FOUND");
    expect((await refusal(readConsentScan(await f.as("b.admin"), ok.id))).code).toBe("NOT_FOUND");
    expect(await mayDeliver(t.db, f.A.id, f.A.g2, f.A.s2)).toBe(true);
  });

  it("the class teacher records for their class only; another teacher and a guardian cannot", async () => {
    const mathT = await f.as("a.math"); // class teacher of 5А, not of 6А
    const rusT = await f.as("a.rus");
    const paperFor = (studentId: string) => ({ guardianId: f.A.g1, studentId, decision: "GRANTED" as const, documentNumber: "20", documentDate: f.today });
    expect((await refusal(recordPaperDecision(mathT, paperFor(f.A.s3)))).code).toBe("NOT_FOUND");
    // a teacher who leads no class sees no child to record for
    expect((await refusal(recordPaperDecision(rusT, paperFor(f.A.s1)))).code).toBe("NOT_FOUND");
    expect((await refusal(recordPaperDecision(await f.as("a.g1"), paperFor(f.A.s1)))).code).toBe("FORBIDDEN");
    expect((await refusal(recordPaperDecision(await f.as("b.admin"), paperFor(f.A.s1)))).code).toBe("NOT_FOUND");
    await recordPaperDecision(mathT, paperFor(f.A.s1));
    // the class teacher sees the history of their class's children only
    const h = await guardianConsentHistory(mathT, f.A.g1);
    expect(h.children.map((c) => c.name)).toEqual(["Иванов Пётр"]);
    expect(new Set(h.events.map((e) => e.studentId))).toEqual(new Set([f.A.s1]));
    expect(h.events[0]).toMatchObject({ form: "PAPER", documentNumber: "20", recordedBy: "Числова Мария Сергеевна" });
  });

  it("a guardian cannot decide for a child who is not theirs", async () => {
    const g2 = await f.as("a.g2");
    expect((await refusal(giveElectronicDecision(g2, { studentId: f.A.s1, decision: "GRANTED", ...net }))).code).toBe("NOT_FOUND");
    expect((await refusal(withdrawConsent(g2, { studentId: f.A.s1, ...net }))).code).toBe("NOT_FOUND");
    expect((await refusal(giveElectronicDecision(await f.as("b.g"), { studentId: f.A.s1, decision: "GRANTED", ...net }))).code).toBe("NOT_FOUND");
    expect((await refusal(giveElectronicDecision(await f.as("a.admin"), { studentId: f.A.s1, decision: "GRANTED", ...net }))).code).toBe("FORBIDDEN");
    expect((await refusal(giveElectronicDecision(await f.as("a.s1"), { studentId: f.A.s1, decision: "GRANTED", ...net }))).code).toBe("FORBIDDEN");
  });
});

describe("the registry and the paper list", () => {
  it("the registry of 5А: a row per guardian × child with the current state, counts and filters", async () => {
    const admin = await f.as("a.admin");
    const all = await consentRegistry(admin, { cohortId: f.A.c5, filter: "all" });
    expect(all.cohort.name).toBe("5А");
    const states = all.rows.map((r) => [r.studentName, r.guardianName, r.state]);
    expect(states).toEqual([
      ["Иванов Пётр", "Иванов Сергей", "REFUSED"],
      ["Иванов Пётр", "Иванова Светлана", "GRANTED"],
      ["Петров Илья", "Петрова Ирина", "GRANTED"],
    ]);
    expect(all.counts).toEqual({ NONE: 0, GRANTED: 2, REFUSED: 1, WITHDRAWN: 0 });
    expect((await consentRegistry(admin, { cohortId: f.A.c5, filter: "refused" })).rows.map((r) => r.guardianName)).toEqual(["Иванов Сергей"]);
    expect((await consentRegistry(admin, { cohortId: f.A.c5, filter: "none" })).rows).toEqual([]);
    const granted = (await consentRegistry(admin, { cohortId: f.A.c5, filter: "granted" })).rows;
    expect(granted.find((r) => r.guardianName === "Петрова Ирина")).toMatchObject({ form: "PAPER", documentNumber: "№ 12", documentDate: f.today, textVersion: 2 });
  });

  it("school B cannot read A's registry, history or paper list; a teacher reads only the class they lead", async () => {
    const bAdmin = await f.as("b.admin");
    expect((await refusal(consentRegistry(bAdmin, { cohortId: f.A.c5, filter: "all" }))).code).toBe("NOT_FOUND");
    expect((await refusal(guardianConsentHistory(bAdmin, f.A.g1))).code).toBe("NOT_FOUND");
    expect((await refusal(paperList(bAdmin, f.A.c5))).code).toBe("NOT_FOUND");
    expect((await refusal(consentFormData(bAdmin, { guardianId: f.A.g1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(consentRegistry(await f.as("a.math"), { cohortId: f.A.c6, filter: "all" }))).code).toBe("NOT_FOUND");
    expect((await consentRegistry(await f.as("a.math"), { cohortId: f.A.c5, filter: "all" })).rows).toHaveLength(3);
    expect((await refusal(consentRegistry(await f.as("a.rus"), { cohortId: f.A.c5, filter: "all" }))).code).toBe("NOT_FOUND");
    expect((await refusal(consentRegistry(await f.as("a.g1"), { cohortId: f.A.c5, filter: "all" }))).code).toBe("FORBIDDEN");
    expect((await refusal(guardianConsentHistory(await f.as("a.g1"), f.A.g1))).code).toBe("FORBIDDEN");
  });

  it("the paper list names the children some guardian of whom has no current consent or chose paper only", async () => {
    const admin = await f.as("a.admin");
    // 5А: s1's father refused; s2's mother consented → only s1
    const five = await paperList(admin, f.A.c5);
    expect(five.rows.map((r) => [r.name, r.guardians.map((g) => [g.name, g.reason])])).toEqual([["Иванов Пётр", [["Иванов Сергей", "REFUSED"]]]]);
    // s2's mother asks for paper only: s2 joins the list
    await t.db.deliveryPreference.create({ data: { schoolId: f.A.id, guardianId: f.A.g2, frequency: "PAPER_ONLY" } });
    expect((await paperList(admin, f.A.c5)).rows.map((r) => r.name)).toEqual(["Иванов Пётр", "Петров Илья"]);
    expect((await paperList(admin, f.A.c5)).rows[1]?.guardians).toEqual([{ guardianId: f.A.g2, name: "Петрова Ирина", reason: "PAPER_ONLY" }]);
    // 6А: s3's mother refused
    expect((await paperList(admin, f.A.c6)).rows.map((r) => r.name)).toEqual(["Иванова Дарья"]);
  });

  it("the printable form's data: blank, or for one guardian and their own child only", async () => {
    const admin = await f.as("a.admin");
    const blank = await consentFormData(admin, {});
    expect(blank).toMatchObject({ school: { name: "Школа А" }, guardian: null, child: null, text: { version: 2 } });
    const filled = await consentFormData(admin, { guardianId: f.A.g1, studentId: f.A.s1 });
    expect(filled.guardian?.name).toBe("Иванова Светлана");
    expect(filled.child?.name).toBe("Иванов Пётр");
    expect((await refusal(consentFormData(admin, { guardianId: f.A.g2, studentId: f.A.s1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(consentFormData(admin, { guardianId: "nonsense" }))).code).toBe("NOT_FOUND");
    expect((await refusal(consentFormData(await f.as("a.math"), {}))).code).toBe("FORBIDDEN");
    const pdf = await renderConsentForm(filled);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/Lang \(ru\)/);
  });
});
