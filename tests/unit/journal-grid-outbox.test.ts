import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { enqueue, hasNewer, outboxKey, parseOutbox, removeEntry, type OutboxEntry } from "../../components/journal/outbox";

const e = (id: string, lessonId: string, studentId: string, input: string): OutboxEntry => ({ id, lessonId, studentId, input });

describe("the outbox of unsaved journal entries", () => {
  it("keeps entries in the order they were typed", () => {
    let q: OutboxEntry[] = [];
    q = enqueue(q, e("1", "L1", "S1", "5"));
    q = enqueue(q, e("2", "L1", "S2", "4"));
    q = enqueue(q, e("3", "L2", "S1", "н"));
    expect(q.map((x) => x.id)).toEqual(["1", "2", "3"]);
  });

  it("a newer entry for the same cell replaces an unsent older one and goes to the end", () => {
    let q: OutboxEntry[] = [e("1", "L1", "S1", "5"), e("2", "L1", "S2", "4")];
    q = enqueue(q, e("3", "L1", "S1", "3"));
    expect(q).toEqual([e("2", "L1", "S2", "4"), e("3", "L1", "S1", "3")]);
  });

  it("keeps the entry being sent, so its answer is not lost, and marks it as superseded", () => {
    let q: OutboxEntry[] = [e("1", "L1", "S1", "5")];
    q = enqueue(q, e("2", "L1", "S1", "4"), "1");
    expect(q.map((x) => x.id)).toEqual(["1", "2"]);
    const first = q[0];
    if (!first) throw new Error("empty");
    const rest = removeEntry(q, "1");
    expect(hasNewer(rest, first)).toBe(true);
    expect(rest).toEqual([e("2", "L1", "S1", "4")]);
  });

  it("holds at most one waiting entry per cell, the last one typed", () => {
    const entry = fc.record({ lessonId: fc.constantFrom("L1", "L2", "L3"), studentId: fc.constantFrom("S1", "S2"), input: fc.constantFrom("5", "4", "н", "") });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (typed) => {
        let q: OutboxEntry[] = [];
        typed.forEach((x, i) => (q = enqueue(q, { ...x, id: String(i) })));
        const cells = q.map((x) => `${x.lessonId}:${x.studentId}`);
        if (new Set(cells).size !== cells.length) return false;
        return q.every((x) => {
          const last = [...typed].reverse().find((y) => y.lessonId === x.lessonId && y.studentId === x.studentId);
          return last?.input === x.input;
        });
      }),
    );
  });

  it("reads what it stored and ignores anything malformed", () => {
    const q = [e("1", "L1", "S1", "5")];
    expect(parseOutbox(JSON.stringify(q))).toEqual(q);
    expect(parseOutbox(null)).toEqual([]);
    expect(parseOutbox("{broken")).toEqual([]);
    expect(parseOutbox(JSON.stringify([{ id: 1 }, ...q]))).toEqual(q);
    expect(outboxKey("c", "s", "p")).not.toEqual(outboxKey("c", "s", "q"));
  });
});
