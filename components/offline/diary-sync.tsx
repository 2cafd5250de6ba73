"use client";
/**
 * Keeps the family's diary on the device up to date (issue 7, item 3). Mounted once on
 * every diary page (the family's layout): syncs when the page opens, when the network
 * comes back, when the page becomes visible again and when the service worker says a
 * push arrived ({type: "sync"}). Shows nothing: the offline notice of the live pages is
 * the layout's; the offline diary (/diary/offline) shows the time of the data.
 *
 * The sync engine (components/offline/sync, with Dexie: 32 KB gzip) is imported when the
 * first sync starts, after the page is interactive, not with the page's own JavaScript:
 * nothing on the screen needs it.
 */
import { useEffect } from "react";

export function DiarySync({ userId }: { userId: string }) {
  useEffect(() => {
    let mounted = true;
    const sync = () => {
      if (!navigator.onLine) return;
      // the bundler loads the chunk once; a failed load (the network went) is tried
      // again at the next trigger
      import("@/components/offline/sync").then(
        ({ syncNow }) => {
          if (mounted) void syncNow(userId);
        },
        () => undefined,
      );
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") sync();
    };
    const onMessage = (e: MessageEvent<unknown>) => {
      if (typeof e.data === "object" && e.data !== null && (e.data as { type?: unknown }).type === "sync") sync();
    };
    sync();
    window.addEventListener("online", sync);
    document.addEventListener("visibilitychange", onVisible);
    navigator.serviceWorker?.addEventListener("message", onMessage);
    return () => {
      mounted = false;
      window.removeEventListener("online", sync);
      document.removeEventListener("visibilitychange", onVisible);
      navigator.serviceWorker?.removeEventListener("message", onMessage);
    };
  }, [userId]);
  return null;
}
