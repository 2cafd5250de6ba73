"use client";
/**
 * Registers the service worker (/serwist/sw.js, built from app/sw.ts) in production, and
 * when a new version has installed and waits, says so in a polite status bar with
 * «Обновить»: the button lets the new worker take over and the page reloads into it.
 * Nothing is shown otherwise; the status region is always there so that a screen
 * reader announces the message when it appears.
 *
 * The diary's pages the worker keeps ("diary-pages") are one family's: when another
 * user signs in on this browser (a shared family phone), they are deleted first.
 */
import { useEffect, useRef, useState } from "react";
import type { Workbox } from "workbox-window";

export const SERVICE_WORKER_URL = "/serwist/sw.js";
const DIARY_CACHE = "diary-pages";
const CACHE_OWNER_KEY = "zh_diary_cache_owner";

function forgetOtherUsersPages(userId: string) {
  try {
    if (localStorage.getItem(CACHE_OWNER_KEY) === userId) return;
    localStorage.setItem(CACHE_OWNER_KEY, userId);
    if ("caches" in window) void caches.delete(DIARY_CACHE).catch(() => undefined);
  } catch {
    // storage switched off: nothing is kept either
  }
}

/** `enabled`: in production only (a worker caching a dev server's pages gets in the way). */
/** `texts`: «a new version is ready» and its button, translated on the server. */
export function ServiceWorkerRegister({ enabled, userId, texts }: { enabled: boolean; userId: string; texts: { ready: string; reload: string } }) {
  const [waiting, setWaiting] = useState(false);
  const [updating, setUpdating] = useState(false);
  const workbox = useRef<Workbox | null>(null);

  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    forgetOtherUsersPages(userId);
    let alive = true;
    const checkForUpdate = () => {
      if (document.visibilityState === "visible") void workbox.current?.update().catch(() => undefined);
    };
    void import("workbox-window").then(({ Workbox }) => {
      if (!alive) return;
      const wb = new Workbox(SERVICE_WORKER_URL, { scope: "/" });
      wb.addEventListener("waiting", () => setWaiting(true));
      workbox.current = wb;
      void wb.register().catch(() => undefined);
    });
    document.addEventListener("visibilitychange", checkForUpdate);
    return () => {
      alive = false;
      document.removeEventListener("visibilitychange", checkForUpdate);
    };
  }, [enabled, userId]);

  const update = () => {
    const wb = workbox.current;
    if (!wb) return;
    setUpdating(true);
    wb.addEventListener("controlling", () => window.location.reload());
    wb.messageSkipWaiting();
  };

  return (
    <div role="status" className={waiting ? "border-b-2 border-accent bg-blue-50" : undefined}>
      {waiting && (
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3 px-4 py-2">
          <p className="font-semibold">{texts.ready}</p>
          <button
            type="button"
            onClick={update}
            disabled={updating}
            className="rounded border-2 border-accent bg-accent px-4 py-1 font-semibold text-white hover:bg-accent-dark disabled:opacity-60"
          >
            {texts.reload}
          </button>
        </div>
      )}
    </div>
  );
}
