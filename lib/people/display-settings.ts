/**
 * The user's own display settings: «версия для слабовидящих» (large print, high
 * contrast) and the plain-language diary. Remembered per account, so they follow the
 * user to another phone; each user reads and changes only their own row.
 */
import "server-only";
import { cache } from "react";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";

export type DisplaySettings = { largePrint: boolean; highContrast: boolean; plainLanguage: boolean };

const OFF: DisplaySettings = { largePrint: false, highContrast: false, plainLanguage: false };
const SELECT = { largePrint: true, highContrast: true, plainLanguage: true } as const;

// one read per request, however many parts of the page ask
const readSettings = cache(async (userId: string, schoolId: string): Promise<DisplaySettings> => {
  const row = await db.user.findFirst({ where: { id: userId, schoolId }, select: SELECT });
  return row ?? OFF;
});

export async function getDisplaySettings(p: Principal): Promise<DisplaySettings> {
  return readSettings(p.userId, p.schoolId);
}

export async function setDisplaySettings(p: Principal, s: DisplaySettings): Promise<DisplaySettings> {
  const { count } = await db.user.updateMany({
    where: { id: p.userId, schoolId: p.schoolId, disabledAt: null },
    data: { largePrint: s.largePrint, highContrast: s.highContrast, plainLanguage: s.plainLanguage },
  });
  if (count !== 1) throw new AppError("NOT_FOUND", "Учётная запись не найдена.");
  return { largePrint: s.largePrint, highContrast: s.highContrast, plainLanguage: s.plainLanguage };
}

/** The classes the root layout puts on <html>: see app/diary-modes.css. */
export function modeClasses(s: DisplaySettings): string {
  return [s.largePrint ? "large-print" : "", s.highContrast ? "high-contrast" : ""].filter(Boolean).join(" ");
}

/** For the root layout: the signed-in user's classes, or none for a visitor. */
export async function displayModeClasses(p: Principal | null): Promise<string> {
  if (!p) return "";
  return modeClasses(await getDisplaySettings(p));
}
