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

  it("clearing a cell replaces its unsent older entries and goes to the end", () => {
    let q: OutboxEntry[] = [e("1", "L1", "S1", "5"), e("2", "L1", "S2", "4"), e("3", "L1", "S1", "н")];
    q = enqueue(q, e("4", "L1", "S1", ""));
    expect(q).toEqual([e("2", "L1", "S2", "4"), e("4", "L1", "S1", "")]);
  });

  it("an absence typed after clearing a cell that held a mark goes after the clear, not instead of it", () => {
    let q: OutboxEntry[] = [];
    q = enqueue(q, e("1", "L1", "S1", ""));
    q = enqueue(q, e("2", "L1", "S1", "н"));
    expect(q).toEqual([e("1", "L1", "S1", ""), e("2", "L1", "S1", "н")]);
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

  it("the server ends with what the typed entries give, whatever the cell held before", () => {
    // the server's rule (lib/journal/record-cell.ts): "" clears the cell, an attendance code
    // sets the attendance and keeps the marks, a mark sets the marks and keeps the attendance
    type Cell = { att: string | null; mark: string | null };
    const apply = (cells: Map<string, Cell>, x: OutboxEntry) => {
      const key = `${x.lessonId}:${x.studentId}`;
      const was = cells.get(key) ?? { att: null, mark: null };
      if (x.input === "") cells.set(key, { att: null, mark: null });
      else if (["н", "б", "у", "оп"].includes(x.input)) cells.set(key, { ...was, att: x.input });
      else cells.set(key, { ...was, mark: x.input });
    };
    const entry = fc.record({ lessonId: fc.constantFrom("L1", "L2", "L3"), studentId: fc.constantFrom("S1", "S2"), input: fc.constantFrom("5", "4", "н", "б", "") });
    const start = fc.record({ att: fc.constantFrom(null, "у"), mark: fc.constantFrom(null, "2") });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), start, (typed, before) => {
        let q: OutboxEntry[] = [];
        typed.forEach((x, i) => (q = enqueue(q, { ...x, id: String(i) })));
        const all = new Map<string, Cell>();
        const sent = new Map<string, Cell>();
        for (const l of ["L1", "L2", "L3"]) for (const s of ["S1", "S2"]) {
          all.set(`${l}:${s}`, { ...before });
          sent.set(`${l}:${s}`, { ...before });
        }
        typed.forEach((x, i) => apply(all, { ...x, id: String(i) }));
        q.forEach((x) => apply(sent, x));
        // the queue keeps the typing order and never grows past what was typed
        const ids = q.map((x) => Number(x.id));
        return JSON.stringify([...sent]) === JSON.stringify([...all]) && ids.every((id, i) => i === 0 || id > (ids[i - 1] ?? -1)) && q.length <= typed.length;
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
