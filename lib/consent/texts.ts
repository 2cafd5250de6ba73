/**
 * Versions of the consent text (R1). A version is never edited: the administrator
 * publishes a new one, valid from that moment, and the old ones stay, because decisions
 * were given on them. A decision given on any version stays valid until the guardian
 * changes it (see gate.ts): a new version does not ask families again.
 */
import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/server";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/school/tx";
import { consentBodyHash, defaultConsentText, type ConsentTextDraft } from "@/lib/consent/default-text";

export type ConsentTextView = {
  id: string;
  version: number;
  title: string;
  purpose: string;
  body: string;
  bodySha256: string;
  validFrom: Date;
  createdBy: string | null;
  decisions: number;
};

const SELECT = {
  id: true, version: true, title: true, purpose: true, body: true, bodySha256: true, validFrom: true, createdByUserId: true,
  _count: { select: { events: true } },
} as const;

type Row = Prisma.ConsentTextGetPayload<{ select: typeof SELECT }>;

async function authors(schoolId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { schoolId, id: { in: wanted } },
    select: { id: true, login: true, staff: { select: { lastName: true, firstName: true, middleName: true } } },
  });
  return new Map(users.map((u) => [u.id, u.staff ? [u.staff.lastName, u.staff.firstName, u.staff.middleName].filter(Boolean).join(" ") : u.login]));
}

function view(r: Row, names: Map<string, string>): ConsentTextView {
  return {
    id: r.id, version: r.version, title: r.title, purpose: r.purpose, body: r.body, bodySha256: r.bodySha256, validFrom: r.validFrom,
    createdBy: r.createdByUserId ? (names.get(r.createdByUserId) ?? null) : null, decisions: r._count.events,
  };
}

/** Writes version 1 from the default wording when the school has no text yet; idempotent. */
export async function ensureDefaultConsentText(schoolId: string): Promise<void> {
  if (await db.consentText.findFirst({ where: { schoolId }, select: { id: true } })) return;
  const school = await db.school.findUnique({ where: { id: schoolId }, select: { name: true, address: true } });
  if (!school) throw new AppError("NOT_FOUND");
  const draft = defaultConsentText(school);
  try {
    await db.consentText.create({ data: { schoolId, version: 1, ...draft, bodySha256: consentBodyHash(draft.body), validFrom: new Date() } });
  } catch (e) {
    // two first requests at once: the other one wrote version 1
    if (!(isUniqueViolation(e))) throw e;
  }
}

/** The version in force: the latest one valid from now or earlier (the default is written if there is none). */
export async function currentConsentText(schoolId: string): Promise<ConsentTextView> {
  const find = () =>
    db.consentText.findFirst({ where: { schoolId, validFrom: { lte: new Date() } }, orderBy: { version: "desc" }, select: SELECT });
  let row = await find();
  if (!row) {
    await ensureDefaultConsentText(schoolId);
    row = await find();
  }
  if (!row) throw new AppError("NOT_FOUND", "Текст согласия не найден.");
  return view(row, await authors(schoolId, [row.createdByUserId]));
}

/** Every version, newest first (administrator). */
export async function listConsentTexts(p: Principal): Promise<ConsentTextView[]> {
  assertCan(p, "school.manage");
  await ensureDefaultConsentText(p.schoolId);
  const rows = await db.consentText.findMany({ where: { schoolId: p.schoolId }, orderBy: { version: "desc" }, select: SELECT });
  const names = await authors(p.schoolId, rows.map((r) => r.createdByUserId));
  return rows.map((r) => view(r, names));
}

export async function getConsentText(p: Principal, version: number): Promise<ConsentTextView> {
  assertCan(p, "school.manage");
  const row = await db.consentText.findUnique({ where: { schoolId_version: { schoolId: p.schoolId, version } }, select: SELECT });
  if (!row) throw new AppError("NOT_FOUND");
  return view(row, await authors(p.schoolId, [row.createdByUserId]));
}

/** Publishes the next version, in force from now. The body is kept exactly as typed (its hash proves it). */
export async function publishConsentText(p: Principal, input: ConsentTextDraft): Promise<{ id: string; version: number }> {
  assertCan(p, "school.manage");
  const title = input.title.trim();
  const purpose = input.purpose.trim();
  const body = input.body.replace(/\r\n?/g, "\n").trim();
  if (!title || !purpose || !body) throw new AppError("BAD_INPUT", "Заполните название, цель и текст согласия.");
  await ensureDefaultConsentText(p.schoolId);
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.consentText.findFirst({ where: { schoolId: p.schoolId }, orderBy: { version: "desc" }, select: { version: true } });
      const version = (last?.version ?? 0) + 1;
      const row = await tx.consentText.create({
        data: { schoolId: p.schoolId, version, title, purpose, body, bodySha256: consentBodyHash(body), validFrom: new Date(), createdByUserId: p.userId },
        select: { id: true, version: true },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("CONFLICT", "Кто-то только что опубликовал другую версию. Обновите страницу и проверьте текст.");
    }
    throw e;
  }
}
