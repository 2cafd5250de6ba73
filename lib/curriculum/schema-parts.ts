/** Building blocks of the set-up forms' zod schemas: every value arrives as a form string. */
import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A choice from a list (an id): an empty choice names the field. */
export const pick = (message: string) => z.string().trim().regex(UUID, message);

/** An optional choice: "" means none. */
export const optionalPick = (message: string) =>
  z.string().trim().optional().transform((v) => (v ? v : undefined)).refine((v) => v === undefined || UUID.test(v), message);

function isRealDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A calendar day from <input type="date"> ("YYYY-MM-DD"). */
export const day = (message: string) => z.string().trim().refine(isRealDay, message);

export const optionalDay = (message: string) =>
  z.string().trim().optional().transform((v) => (v ? v : undefined)).refine((v) => v === undefined || isRealDay(v), message);

export const text = (min: string, max: number, maxMessage: string) => z.string().trim().min(1, min).max(max, maxMessage);

export const optionalText = (max: number, maxMessage: string) =>
  z.string().trim().max(max, maxMessage).optional().transform((v) => (v ? v : undefined));

export const intIn = (min: number, max: number, message: string) =>
  z.string().trim().regex(/^\d+$/, message).transform(Number).refine((n) => n >= min && n <= max, message);
