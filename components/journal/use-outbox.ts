"use client";
/**
 * Sends journal entries one at a time, in the order typed, keeping the unsent ones in
 * localStorage so that a reload or a lost connection loses nothing. A refusal from the
 * server (an AppError's Russian message) is reported, not retried; a network failure,
 * or a server that says it cannot store anything just now (its database down, its disk
 * full: `retry`), keeps the entry and tries again — when the browser is back online, or
 * every few seconds — so the marks wait in the page and arrive when the server is back.
 */
import { useCallback, useEffect, useRef, useState } from "react";

import { enqueue, hasNewer, outboxKey, parseOutbox, removeEntry, type OutboxEntry } from "@/components/journal/outbox";

export type SaveResult =
  | { ok: true; data: { lessonId: string; studentId: string; text: string; average?: { average: string; formula: string } | null } }
  | { ok: false; message: string; retry?: true };
export type SaveCell = (prev: null, form: FormData) => Promise<SaveResult | null>;

export type Outcome = { entry: OutboxEntry; result: SaveResult; superseded: boolean };

const RETRY_MS = 5000;

export function useOutbox(ids: { cohortId: string; subjectId: string; periodId: string }, save: SaveCell, onOutcome: (o: Outcome) => void) {
  const key = outboxKey(ids.cohortId, ids.subjectId, ids.periodId);
  const queue = useRef<OutboxEntry[]>([]);
  const inFlight = useRef<string | null>(null);
  const sending = useRef(false);
  const [pending, setPending] = useState<OutboxEntry[]>([]);
  const [online, setOnline] = useState(true);
  // the server cannot store entries just now (database down, disk full): they wait, and the page says so
  const [serverTrouble, setServerTrouble] = useState<string | null>(null);
  // false until the stored entries are read: before that the page cannot claim that all is saved
  const [ready, setReady] = useState(false);
  const outcome = useRef(onOutcome);
  useEffect(() => {
    outcome.current = onOutcome;
  }, [onOutcome]);

  const store = useCallback((q: OutboxEntry[]) => {
    queue.current = q;
    setPending(q);
    try {
      window.localStorage.setItem(key, JSON.stringify(q));
    } catch {
      // storage full or disabled: the entries still go out from memory
    }
  }, [key]);

  const pump = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    let failed = false;
    try {
      for (;;) {
        const entry = queue.current[0];
        if (!entry) break;
        if (!navigator.onLine) {
          failed = true;
          break;
        }
        const form = new FormData();
        form.set("lessonId", entry.lessonId);
        form.set("studentId", entry.studentId);
        form.set("input", entry.input);
        inFlight.current = entry.id;
        let result: SaveResult | null;
        try {
          result = await save(null, form);
        } catch {
          failed = true;
          break;
        } finally {
          inFlight.current = null;
        }
        if (result && !result.ok && result.retry) {
          // kept, in order: nothing after it goes out before it
          setServerTrouble(result.message);
          failed = true;
          break;
        }
        setServerTrouble(null);
        const rest = removeEntry(queue.current, entry.id);
        store(rest);
        outcome.current({ entry, result: result ?? { ok: false, message: "" }, superseded: hasNewer(rest, entry) });
      }
    } finally {
      sending.current = false;
    }
    // a server that did not answer while the browser thinks it is online: try again later
    if (failed && navigator.onLine && queue.current.length > 0) window.setTimeout(() => void pump(), RETRY_MS);
  }, [save, store]);

  const add = useCallback((entry: OutboxEntry) => {
    store(enqueue(queue.current, entry, inFlight.current));
    void pump();
  }, [pump, store]);

  useEffect(() => {
    // entries left by an earlier visit (a reload, a closed tab) go out first
    const stored = parseOutbox(window.localStorage.getItem(key));
    const merged = stored.reduce((q, e) => enqueue(q, e, inFlight.current), queue.current);
    store(merged);
    setReady(true);
    setOnline(navigator.onLine);
    const up = () => {
      setOnline(true);
      void pump();
    };
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    void pump();
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, [key, pump, store]);

  return { pending, online, ready, add, serverTrouble };
}
