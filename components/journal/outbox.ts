/**
 * The outbox of journal entries not yet confirmed by the server. Pure list operations
 * here; the grid keeps the list in localStorage so that entries survive a reload and go
 * out in the order they were typed.
 */
export type OutboxEntry = { id: string; lessonId: string; studentId: string; input: string };

const sameCell = (a: OutboxEntry, b: OutboxEntry) => a.lessonId === b.lessonId && a.studentId === b.studentId;

/**
 * Adds an entry at the end. An older entry for the same cell that is not being sent is
 * dropped: only the newest value of a cell matters, and sending both would only flicker.
 * The one in flight stays, since it may already have reached the server.
 */
export function enqueue(queue: readonly OutboxEntry[], entry: OutboxEntry, inFlightId: string | null = null): OutboxEntry[] {
  return [...queue.filter((e) => e.id === inFlightId || !sameCell(e, entry)), entry];
}

export function removeEntry(queue: readonly OutboxEntry[], id: string): OutboxEntry[] {
  return queue.filter((e) => e.id !== id);
}

/** Whether a cell has a newer entry waiting after `id` (so its result must not be shown as final). */
export function hasNewer(queue: readonly OutboxEntry[], entry: OutboxEntry): boolean {
  return queue.some((e) => e.id !== entry.id && sameCell(e, entry));
}

export function outboxKey(cohortId: string, subjectId: string, periodId: string): string {
  return `journal-outbox:${cohortId}:${subjectId}:${periodId}`;
}

function isEntry(x: unknown): x is OutboxEntry {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.id === "string" && typeof r.lessonId === "string" && typeof r.studentId === "string" && typeof r.input === "string";
}

/** Reads a stored outbox; anything malformed is ignored rather than breaking the page. */
export function parseOutbox(raw: string | null): OutboxEntry[] {
  if (!raw) return [];
  try {
    const data: unknown = JSON.parse(raw);
    return Array.isArray(data) ? data.filter(isEntry) : [];
  } catch {
    return [];
  }
}
