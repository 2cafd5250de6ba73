"use client";
/**
 * Keeps the family's diary on the device up to date (issue 7, item 3). Mounted once on
 * every diary page (the family's layout): syncs when the page opens, when the network
 * comes back, when the page becomes visible again and when the service worker says a
 * push arrived ({type: "sync"}). Shows nothing: the offline notice of the live pages is
 * the layout's; the offline diary (/diary/offline) shows the time of the data.
 */
import { useEffect } from "react";

import { syncNow } from "@/components/offline/sync";

export function DiarySync({ userId }: { userId: string }) {
  useEffect(() => {
    const sync = () => {
      if (navigator.onLine) void syncNow(userId);
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
      window.removeEventListener("online", sync);
      document.removeEventListener("visibilitychange", onVisible);
      navigator.serviceWorker?.removeEventListener("message", onMessage);
    };
  }, [userId]);
  return null;
}
