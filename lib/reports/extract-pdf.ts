/**
 * Printing extracts: the facts (extract-data.ts), the PDF (extract.tsx), and the print
 * log (extract-prints.ts), in that order and in one request — a PDF that could not be
 * made records nothing, and every PDF handed out is recorded.
 */
import "server-only";

import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { readClassExtracts, readStudentExtract, selectClassExtracts } from "@/lib/reports/extract-data";
import type { ClassExtractQuery, StudentExtractQuery } from "@/lib/reports/extract-params";
import { recordExtractPrints } from "@/lib/reports/extract-prints";
import { batchTitle, extractTitle, renderExtracts } from "@/lib/reports/extract";

export type PrintedPdf = { pdf: Buffer; fileName: string; asciiName: string; count: number };

export async function printStudentExtract(p: Principal, q: StudentExtractQuery): Promise<PrintedPdf> {
  const e = await readStudentExtract(p, q.studentId, q.span);
  const pdf = await renderExtracts([e], { largePrint: q.largePrint, title: extractTitle(e, q.largePrint), author: e.school.name });
  await recordExtractPrints(p, [e], { largePrint: q.largePrint, batch: false });
  const what = e.span.name ?? `${e.span.from}_${e.span.to}`;
  return { pdf, fileName: `Выписка — ${e.student.name} — ${what}${q.largePrint ? " (крупный шрифт)" : ""}.pdf`, asciiName: "vypiska.pdf", count: 1 };
}

export async function printClassExtracts(p: Principal, q: ClassExtractQuery): Promise<PrintedPdf> {
  const selection = await selectClassExtracts(p, q);
  if (selection.students.length === 0) {
    throw new AppError(
      "BAD_INPUT",
      q.who === "paper" ? `В бумажном списке класса ${selection.cohort.name} никого нет: печатать нечего.` : `В классе ${selection.cohort.name} за этот период нет учеников.`,
      { who: ["Печатать некого."] },
    );
  }
  const extracts = await readClassExtracts(p, selection);
  const spanName = selection.span.name ?? selection.span.label;
  const pdf = await renderExtracts(extracts, { largePrint: q.largePrint, title: batchTitle(selection.cohort.name, spanName, q.largePrint), author: extracts[0]?.school.name ?? "" });
  await recordExtractPrints(p, extracts, { largePrint: q.largePrint, batch: true });
  const who = q.who === "paper" ? "бумажный список" : "весь класс";
  return {
    pdf,
    fileName: `Выписки — ${selection.cohort.name} — ${spanName} — ${who}${q.largePrint ? " (крупный шрифт)" : ""}.pdf`,
    asciiName: "vypiski.pdf",
    count: extracts.length,
  };
}
