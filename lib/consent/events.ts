/**
 * Consent decisions (R1): the append-only history of each guardian × child, as staff
 * record it from paper and as the guardian gives it in the cabinet, and the registry of
 * a class built from it. The current state of a pair is its last event (gate.ts). The
 * database refuses UPDATE and DELETE on ConsentEvent; nothing here tries.
 */
import "server-only";

import type { ConsentDecision, ConsentForm } from "@/generated/prisma/client";
import { db } from "@/lib/db/server";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { cleanFileName, FILE_KINDS, formatFileSize, sniffFileKind } from "@/lib/journal/file-check";
import { fullName } from "@/lib/people/names";
import { dateToDay, dayToDate, parseDay, schoolToday } from "@/lib/time";
import { consentCohortsWhere, consentGuardiansWhere, consentStudentsWhere, currentMembership, ownGuardianId, today } from "@/lib/consent/access";
import { isLater } from "@/lib/consent/gate";
import { currentConsentText } from "@/lib/consent/texts";

export type ConsentState = "NONE" | ConsentDecision;
export type RegistryFilter = "all" | "none" | "refused" | "withdrawn" | "granted";

export const REGISTRY_FILTERS: readonly RegistryFilter[] = ["all", "none", "refused", "withdrawn", "granted"];
const FILTER_STATE: Record<Exclude<RegistryFilter, "all">, ConsentState> = { none: "NONE", refused: "REFUSED", withdrawn: "WITHDRAWN", granted: "GRANTED" };

/** A scan of the signed paper: PDF, JPEG or PNG, at most 5 MB, recognised by its first bytes. */
export const MAX_SCAN_BYTES = 5 * 1024 * 1024;
const SCAN_KINDS = new Set(["pdf", "png", "jpeg"]);

const MAX_IP = 64;
const MAX_USER_AGENT = 400;

type EventKey = { id: string; at: Date };
function lastBy<E extends EventKey>(events: readonly E[], key: (e: E) => string): Map<string, E> {
  const last = new Map<string, E>();
  for (const e of events) {
    const k = key(e);
    const seen = last.get(k);
    if (!seen || isLater(e, seen)) last.set(k, e);
  }
  return last;
}
const pair = (studentId: string, guardianId: string) => `${studentId}:${guardianId}`;

// ───────────────────────────── staff: recording from paper

export type PaperDecisionInput = {
  guardianId: string;
  studentId: string;
  decision: ConsentDecision;
  documentNumber: string;
  /** "YYYY-MM-DD" or «дд.мм.гггг» */
  documentDate: string;
  scan?: { name: string; bytes: Uint8Array } | undefined;
};

function checkScan(scan: { name: string; bytes: Uint8Array }): { fileName: string; mimeType: string } {
  const shown = (scan.name.split(/[/\\]/).pop() ?? "").replace(/\p{Cc}/gu, "").slice(0, 60) || "без имени";
  if (scan.bytes.length > MAX_SCAN_BYTES) {
    throw new AppError("BAD_INPUT", `Скан «${shown}» больше 5 МБ (${formatFileSize(scan.bytes.length)}).`, { scan: ["Файл больше 5 МБ."] });
  }
  const kind = sniffFileKind(scan.bytes);
  if (!kind || !SCAN_KINDS.has(kind)) {
    throw new AppError("BAD_INPUT", `Скан «${shown}» не принят: нужен PDF, JPEG или PNG.`, { scan: ["Нужен PDF, JPEG или PNG."] });
  }
  return { fileName: cleanFileName(scan.name, kind), mimeType: FILE_KINDS[kind].mimeType };
}

/** A decision signed on paper, recorded by an administrator or the child's class teacher. */
export async function recordPaperDecision(p: Principal, input: PaperDecisionInput): Promise<{ id: string }> {
  const students = consentStudentsWhere(p);
  const documentNumber = input.documentNumber.trim();
  const documentDay = parseDay(input.documentDate.trim());
  const fieldErrors: Record<string, string[]> = {};
  if (!documentNumber) fieldErrors["documentNumber"] = ["Впишите номер документа."];
  else if (documentNumber.length > 50) fieldErrors["documentNumber"] = ["Номер документа — не длиннее 50 знаков."];
  if (!documentDay) fieldErrors["documentDate"] = ["Впишите дату документа, например 01.09.2026."];
  else if (documentDay > schoolToday(p.timeZone)) fieldErrors["documentDate"] = ["Дата документа не может быть в будущем."];
  if (!["GRANTED", "REFUSED", "WITHDRAWN"].includes(input.decision)) fieldErrors["decision"] = ["Выберите решение."];
  if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_INPUT", "Для бумажного документа нужны номер и дата.", fieldErrors);
  const scan = input.scan && input.scan.bytes.length > 0 ? { ...checkScan(input.scan), data: input.scan.bytes } : null;

  const child = await db.student.findFirst({
    where: { ...students, id: input.studentId, guardianships: { some: { schoolId: p.schoolId, guardianId: input.guardianId, endDate: null } } },
    select: { id: true },
  });
  if (!child) throw new AppError("NOT_FOUND");
  const text = await currentConsentText(p.schoolId);
  return db.consentEvent.create({
    data: {
      schoolId: p.schoolId, guardianId: input.guardianId, studentId: child.id, textId: text.id, decision: input.decision, form: "PAPER",
      documentNumber, documentDate: dayToDate(documentDay ?? ""), recordedByUserId: p.userId,
      scanFileName: scan?.fileName ?? null, scanMimeType: scan?.mimeType ?? null, scanData: scan ? new Uint8Array(scan.data) : null,
    },
    select: { id: true },
  });
}

// ───────────────────────────── the guardian: electronic decisions

export type ClientInfo = { ip: string | null; userAgent: string | null };

const clip = (s: string | null, n: number) => (s ? s.slice(0, n) : null);

async function ownChild(p: Principal, guardianId: string, studentId: string): Promise<{ id: string }> {
  const child = await db.student.findFirst({
    where: { schoolId: p.schoolId, id: studentId, guardianships: { some: { schoolId: p.schoolId, guardianId, endDate: null } } },
    select: { id: true },
  });
  if (!child) throw new AppError("NOT_FOUND");
  return child;
}

async function lastOwnDecision(p: Principal, guardianId: string, studentId: string): Promise<ConsentDecision | null> {
  const last = await db.consentEvent.findFirst({
    where: { schoolId: p.schoolId, guardianId, studentId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { decision: true },
  });
  return last?.decision ?? null;
}

/** The guardian's own decision about their own child, on the current text, in the cabinet. */
export async function giveElectronicDecision(p: Principal, input: { studentId: string; decision: "GRANTED" | "REFUSED" } & ClientInfo): Promise<{ id: string }> {
  const guardianId = ownGuardianId(p);
  if (input.decision !== "GRANTED" && input.decision !== "REFUSED") throw new AppError("BAD_INPUT", "Выберите: даю согласие или не даю.");
  const child = await ownChild(p, guardianId, input.studentId);
  const text = await currentConsentText(p.schoolId);
  return db.consentEvent.create({
    data: {
      schoolId: p.schoolId, guardianId, studentId: child.id, textId: text.id, decision: input.decision, form: "ELECTRONIC",
      recordedByUserId: p.userId, ip: clip(input.ip, MAX_IP), userAgent: clip(input.userAgent, MAX_USER_AGENT),
    },
    select: { id: true },
  });
}

/** Withdraws a consent the guardian gave; from the next message on, nothing is sent. */
export async function withdrawConsent(p: Principal, input: { studentId: string } & ClientInfo): Promise<{ id: string }> {
  const guardianId = ownGuardianId(p);
  const child = await ownChild(p, guardianId, input.studentId);
  if ((await lastOwnDecision(p, guardianId, child.id)) !== "GRANTED") {
    throw new AppError("BAD_INPUT", "Согласие на этого ребёнка сейчас не дано — отзывать нечего.");
  }
  const text = await currentConsentText(p.schoolId);
  return db.consentEvent.create({
    data: {
      schoolId: p.schoolId, guardianId, studentId: child.id, textId: text.id, decision: "WITHDRAWN", form: "ELECTRONIC",
      recordedByUserId: p.userId, ip: clip(input.ip, MAX_IP), userAgent: clip(input.userAgent, MAX_USER_AGENT),
    },
    select: { id: true },
  });
}

// ───────────────────────────── history

export type ConsentEventView = {
  id: string;
  studentId: string;
  studentName: string;
  decision: ConsentDecision;
  form: ConsentForm;
  at: Date;
  textVersion: number;
  documentNumber: string | null;
  documentDate: string | null;
  recordedBy: string | null;
  ip: string | null;
  userAgent: string | null;
  scanFileName: string | null;
};

export type ChildConsent = { studentId: string; name: string; state: ConsentState; since: Date | null; form: ConsentForm | null };

export type GuardianConsentHistory = {
  guardian: { id: string; name: string; address: string | null };
  children: ChildConsent[];
  events: ConsentEventView[];
};

const EVENT_SELECT = {
  id: true, studentId: true, decision: true, form: true, at: true, documentNumber: true, documentDate: true, recordedByUserId: true,
  ip: true, userAgent: true, scanFileName: true,
  text: { select: { version: true } },
  student: { select: { lastName: true, firstName: true, middleName: true } },
} as const;

async function userNames(schoolId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { schoolId, id: { in: wanted } },
    select: { id: true, login: true, staff: { select: { lastName: true, firstName: true, middleName: true } }, guardian: { select: { lastName: true, firstName: true, middleName: true } } },
  });
  return new Map(users.map((u) => [u.id, u.staff ? fullName(u.staff) : u.guardian ? fullName(u.guardian) : u.login]));
}

async function historyOf(p: Principal, guardianId: string, studentIds: string[] | null): Promise<ConsentEventView[]> {
  const events = await db.consentEvent.findMany({
    where: { schoolId: p.schoolId, guardianId, ...(studentIds ? { studentId: { in: studentIds } } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: EVENT_SELECT,
  });
  const names = await userNames(p.schoolId, events.map((e) => e.recordedByUserId));
  return events.map((e) => ({
    id: e.id, studentId: e.studentId, studentName: fullName(e.student), decision: e.decision, form: e.form, at: e.at, textVersion: e.text.version,
    documentNumber: e.documentNumber, documentDate: e.documentDate ? dateToDay(e.documentDate) : null,
    recordedBy: e.recordedByUserId ? (names.get(e.recordedByUserId) ?? null) : null, ip: e.ip, userAgent: e.userAgent, scanFileName: e.scanFileName,
  }));
}

function childStates(children: { id: string; lastName: string; firstName: string; middleName: string | null }[], events: ConsentEventView[]): ChildConsent[] {
  // events are newest first: the first one seen for a child is its current state
  const current = new Map<string, ConsentEventView>();
  for (const e of events) if (!current.has(e.studentId)) current.set(e.studentId, e);
  return children.map((c) => {
    const e = current.get(c.id);
    return { studentId: c.id, name: fullName(c), state: e?.decision ?? "NONE", since: e?.at ?? null, form: e?.form ?? null };
  });
}

/** A guardian's whole consent history and their children's current state (staff). */
export async function guardianConsentHistory(p: Principal, guardianId: string): Promise<GuardianConsentHistory> {
  const students = consentStudentsWhere(p);
  const g = await db.guardian.findFirst({
    where: { ...consentGuardiansWhere(p), id: guardianId },
    select: {
      id: true, lastName: true, firstName: true, middleName: true, address: true,
      guardianships: {
        where: { endDate: null, student: students },
        orderBy: [{ student: { lastName: "asc" } }, { student: { firstName: "asc" } }],
        select: { student: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
      },
    },
  });
  if (!g) throw new AppError("NOT_FOUND");
  const children = g.guardianships.map((x) => x.student);
  // an administrator sees every event of the guardian; a class teacher those about their class's children
  const events = await historyOf(p, g.id, p.roles.includes("ADMIN") ? null : children.map((c) => c.id));
  return { guardian: { id: g.id, name: fullName(g), address: g.address }, children: childStates(children, events), events };
}

// ───────────────────────────── the registry of a class

export type RegistryRow = {
  studentId: string;
  studentName: string;
  guardianId: string;
  guardianName: string;
  state: ConsentState;
  form: ConsentForm | null;
  at: Date | null;
  documentNumber: string | null;
  documentDate: string | null;
  textVersion: number | null;
};

export type ConsentRegistry = {
  cohort: { id: string; name: string };
  rows: RegistryRow[];
  counts: Record<ConsentState, number>;
  /** children of the class with no guardian recorded: nobody can consent for them */
  withoutGuardian: { studentId: string; name: string }[];
};

async function classChildren(p: Principal, cohortId: string) {
  const cohort = await db.cohort.findFirst({ where: { ...consentCohortsWhere(p), id: cohortId }, select: { id: true, name: true } });
  if (!cohort) throw new AppError("NOT_FOUND");
  const children = await db.student.findMany({
    where: { schoolId: p.schoolId, memberships: { some: { cohortId: cohort.id, ...currentMembership(today(p)) } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { middleName: "asc" }],
    select: {
      id: true, lastName: true, firstName: true, middleName: true,
      guardianships: {
        where: { endDate: null },
        orderBy: [{ guardian: { lastName: "asc" } }, { guardian: { firstName: "asc" } }],
        select: { guardian: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
      },
    },
  });
  return { cohort, children };
}

async function registryRows(p: Principal, cohortId: string) {
  const { cohort, children } = await classChildren(p, cohortId);
  const events = await db.consentEvent.findMany({
    where: { schoolId: p.schoolId, studentId: { in: children.map((c) => c.id) } },
    select: { id: true, studentId: true, guardianId: true, decision: true, form: true, at: true, documentNumber: true, documentDate: true, text: { select: { version: true } } },
  });
  const last = lastBy(events, (e) => pair(e.studentId, e.guardianId));
  const rows: RegistryRow[] = children.flatMap((c) =>
    c.guardianships.map(({ guardian: g }) => {
      const e = last.get(pair(c.id, g.id));
      return {
        studentId: c.id, studentName: fullName(c), guardianId: g.id, guardianName: fullName(g), state: e?.decision ?? "NONE", form: e?.form ?? null,
        at: e?.at ?? null, documentNumber: e?.documentNumber ?? null, documentDate: e?.documentDate ? dateToDay(e.documentDate) : null,
        textVersion: e?.text.version ?? null,
      };
    }),
  );
  return { cohort, children, rows };
}

/** One row per guardian × child of the class, with the current state; four queries. */
export async function consentRegistry(p: Principal, input: { cohortId: string; filter: RegistryFilter }): Promise<ConsentRegistry> {
  const { cohort, children, rows } = await registryRows(p, input.cohortId);
  const counts: Record<ConsentState, number> = { NONE: 0, GRANTED: 0, REFUSED: 0, WITHDRAWN: 0 };
  for (const r of rows) counts[r.state]++;
  const wanted = input.filter === "all" ? null : FILTER_STATE[input.filter];
  return {
    cohort,
    rows: wanted ? rows.filter((r) => r.state === wanted) : rows,
    counts,
    withoutGuardian: children.filter((c) => c.guardianships.length === 0).map((c) => ({ studentId: c.id, name: fullName(c) })),
  };
}

export type PaperReason = "NONE" | "REFUSED" | "WITHDRAWN" | "PAPER_ONLY" | "NO_GUARDIAN";
export type PaperListRow = { studentId: string; name: string; guardians: { guardianId: string | null; name: string | null; reason: PaperReason }[] };

/**
 * The paper list of a class: children about whom at least one guardian must get paper
 * extracts — no current consent (none, refused, withdrawn), or the guardian chose
 * «только на бумаге» — and children with no guardian recorded.
 */
export async function paperList(p: Principal, cohortId: string): Promise<{ cohort: { id: string; name: string }; rows: PaperListRow[] }> {
  const { cohort, children, rows } = await registryRows(p, cohortId);
  const paperOnly = new Set(
    (await db.deliveryPreference.findMany({
      where: { schoolId: p.schoolId, frequency: "PAPER_ONLY", guardianId: { in: [...new Set(rows.map((r) => r.guardianId))] } },
      select: { guardianId: true },
    })).map((x) => x.guardianId),
  );
  const out: PaperListRow[] = [];
  for (const c of children) {
    if (c.guardianships.length === 0) {
      out.push({ studentId: c.id, name: fullName(c), guardians: [{ guardianId: null, name: null, reason: "NO_GUARDIAN" }] });
      continue;
    }
    const guardians = rows
      .filter((r) => r.studentId === c.id)
      .flatMap((r) => {
        const reason: PaperReason | null = r.state !== "GRANTED" ? r.state : paperOnly.has(r.guardianId) ? "PAPER_ONLY" : null;
        return reason ? [{ guardianId: r.guardianId, name: r.guardianName, reason }] : [];
      });
    if (guardians.length > 0) out.push({ studentId: c.id, name: fullName(c), guardians });
  }
  return { cohort, rows: out };
}

/** The classes a staff member may open the registry of (this year's). */
export async function consentClassOptions(p: Principal): Promise<{ value: string; label: string }[]> {
  const day = today(p);
  const rows = await db.cohort.findMany({
    where: { ...consentCohortsWhere(p), kind: "CLASS", year: { startDate: { lte: day }, endDate: { gte: day } } },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

// ───────────────────────────── the scan

/** The scan of a signed paper form, as a download: administrators only. */
export async function readConsentScan(p: Principal, eventId: string): Promise<{ fileName: string; mimeType: string; data: Uint8Array }> {
  if (!p.roles.includes("ADMIN")) throw new AppError("NOT_FOUND");
  if (!/^[0-9a-f-]{36}$/i.test(eventId)) throw new AppError("NOT_FOUND");
  const e = await db.consentEvent.findFirst({
    where: { schoolId: p.schoolId, id: eventId, scanData: { not: null } },
    select: { scanFileName: true, scanMimeType: true, scanData: true },
  });
  if (!e?.scanData) throw new AppError("NOT_FOUND");
  return { fileName: e.scanFileName ?? "скан.pdf", mimeType: e.scanMimeType ?? "application/octet-stream", data: e.scanData };
}
