/** The client a domain function works with inside `db.$transaction`. */
import type { Prisma } from "@/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

/** A unique key was violated: another request wrote the same row first. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
