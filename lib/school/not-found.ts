/** Pages of the set-up: a missing or foreign id shows the "not found" page, not an error. */
import "server-only";
import { notFound } from "next/navigation";

import { AppError } from "@/lib/errors";

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
