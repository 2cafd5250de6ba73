/** Recognises the database's refusal of a duplicate key, whatever the engine. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
