/**
 * The outbox of journal entries not yet confirmed by the server. Pure list operations
 * here; the grid keeps the list in localStorage so that entries survive a reload and go
 * out in the order they were typed.
 */
export type OutboxEntry = { id: string; lessonId: string; studentId: string; input: string };

const sameCell = (a: OutboxEntry, b: OutboxEntry) => a.lessonId === b.lessonId && a.studentId === b.studentId;

/**
 * Adds an entry at the end. The server applies an entry to what the cell holds: a mark
 * keeps the absence and an absence keeps the mark («н» typed over «2» is «н 2»), and only
 * clearing the cell ("") sets the whole of it. So a clear makes the unsent older entries
 * of its cell pointless and they are dropped; any other entry goes after them, or a
 * clear followed by «н» would reach the server as «н» alone and leave the «2». The one in
 * flight stays, since it may already have reached the server.
 */
export function enqueue(queue: readonly OutboxEntry[], entry: OutboxEntry, inFlightId: string | null = null): OutboxEntry[] {
  if (entry.input.trim() !== "") return [...queue, entry];
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
