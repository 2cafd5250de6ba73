/**
 * What a domain function refused: the AppError it threw. A test that expects a refusal
 * fails when the call succeeds, and any other error propagates as the bug it is.
 */
import { AppError } from "../../lib/errors";

export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

/** "OK" when the call succeeds, else the code of the AppError it threw. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}
