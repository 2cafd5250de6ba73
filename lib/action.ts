/**
 * The one wrapper every server action goes through: it parses the form with a zod
 * schema, authenticates when asked, maps errors, and returns a result that
 * useActionState can render. Bad input changes nothing: the handler is not called.
 */
import "server-only";
import { z } from "zod";

import { GENERIC_ERROR_MESSAGE, toAppError } from "@/lib/errors";
import { russianIssueMessage } from "@/lib/zod-russian";
import { requirePrincipal } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/principal";

export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string[]>;
      values?: Record<string, string>;
      /** the server could not store it now (database down, disk full): the same request may succeed later */
      retry?: true;
    }
  | null;

const NUL_MESSAGE = "В поле попал невидимый служебный символ. Сотрите поле и введите текст заново.";

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    // passwords are never echoed back into the form
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function failure(error: unknown, values: Record<string, string>): ActionResult<never> {
  // an AppError, or the database down, out of disk or the server overloaded (lib/errors.ts): the user reads why
  const known = toAppError(error);
  if (known) {
    const transient = known.code === "DB_UNAVAILABLE" || known.code === "STORAGE_FULL" || known.code === "BUSY";
    return { ok: false, message: known.message, fieldErrors: known.fieldErrors ?? {}, values, ...(transient ? { retry: true as const } : {}) };
  }
  // Next's redirect() and notFound() are thrown and must propagate.
  if (error instanceof Error && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_")) {
    throw error;
  }
  console.error("Ошибка в действии сервера:", error);
  return { ok: false, message: GENERIC_ERROR_MESSAGE, fieldErrors: {}, values };
}

async function run<S extends z.ZodType, T>(
  schema: S,
  form: FormData,
  handler: (input: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const values = formValues(form);
  // PostgreSQL cannot store the NUL character: refused here in words, not by the database
  const nul = [...form.entries()].filter(([, v]) => typeof v === "string" && v.includes("\u0000")).map(([k]) => k);
  if (nul.length > 0) {
    return { ok: false, message: "Проверьте поля, отмеченные красным.", fieldErrors: Object.fromEntries(nul.map((k) => [k, [NUL_MESSAGE]])), values };
  }
  // zod's own words in Russian, for checks a schema did not word itself (a field missing from the form)
  const parsed = schema.safeParse(Object.fromEntries(form.entries()), { error: russianIssueMessage });
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    return { ok: false, message: "Проверьте поля, отмеченные красным.", fieldErrors, values };
  }
  try {
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    return failure(error, values);
  }
}

/** An action anyone may call (sign-in, invitation). */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>) => Promise<T>) {
  return (_prev: ActionResult<T>, form: FormData) => run(schema, form, handler);
}

/** An action of a signed-in user; the domain function still checks what they may do. */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  handler: (principal: Principal, input: z.infer<S>) => Promise<T>,
) {
  return async (_prev: ActionResult<T>, form: FormData) => {
    let principal: Principal;
    try {
      principal = await requirePrincipal();
    } catch (error) {
      return failure(error, formValues(form));
    }
    return run(schema, form, (input) => handler(principal, input));
  };
}
