/**
 * The user's own display settings: «версия для слабовидящих» (large print, high
 * contrast) and the plain-language diary. Remembered per account, so they follow the
 * user to another phone; each user reads and changes only their own row.
 */
import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";

export type DisplaySettings = { largePrint: boolean; highContrast: boolean; plainLanguage: boolean };

/** The user's settings, as the principal carries them (read with the account on every request). */
export function getDisplaySettings(p: Principal): DisplaySettings {
  return { ...p.display };
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

/** For the root layout: the signed-in user's classes, or none for a visitor. No query: the principal has them. */
export function displayModeClasses(p: Principal | null): string {
  return p ? modeClasses(p.display) : "";
}
