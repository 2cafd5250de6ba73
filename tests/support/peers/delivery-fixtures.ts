/** Consent, contacts and subscriptions for delivery tests and the bench. */
import { createHash } from "node:crypto";

import type { Db } from "../../../lib/db";

export async function consentText(db: Db, schoolId: string): Promise<string> {
  const found = await db.consentText.findFirst({ where: { schoolId }, select: { id: true } });
  if (found) return found.id;
  const body = "Я даю согласие на обработку персональных данных моего ребёнка и на отправку сведений об успеваемости.";
  const t = await db.consentText.create({
    data: { schoolId, version: 1, title: "Согласие", purpose: "электронный дневник", body, bodySha256: createHash("sha256").update(body).digest("hex"), validFrom: new Date("2020-01-01T00:00:00Z") },
  });
  return t.id;
}

let tick = Date.UTC(2026, 0, 1);

/** Records a decision, each one later than the previous. */
export async function decide(db: Db, schoolId: string, guardianId: string, studentId: string, decision: "GRANTED" | "WITHDRAWN" | "REFUSED") {
  tick += 1000;
  await db.consentEvent.create({
    data: { schoolId, guardianId, studentId, textId: await consentText(db, schoolId), decision, form: "ELECTRONIC", at: new Date(tick) },
  });
}

export async function addContact(db: Db, schoolId: string, guardianId: string, channel: "EMAIL" | "SMS", value: string, confirmed = true) {
  return db.contact.create({
    data: {
      schoolId, guardianId, channel, value,
      ...(confirmed ? { source: "WRITTEN_APPLICATION", applicationNumber: "12", applicationDate: new Date("2026-09-01T00:00:00Z") } : { source: "SELF_SERVICE" }),
    },
  });
}
