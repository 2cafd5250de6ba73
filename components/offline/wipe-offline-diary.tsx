"use client";
/**
 * Signing out wipes the family's diary from the device (issue 7, item 5): every
 * `zhurnal-*` IndexedDB database, the offline diary's localStorage keys and the service
 * worker's cache of diary pages. Rendered by
 * the login page when it opens after a sign-out (`?signedOut=1`); shows nothing.
 */
import { useEffect } from "react";

import { wipeOfflineData } from "@/components/offline/db";

export function WipeOfflineDiary() {
  useEffect(() => {
    Promise.all([wipeOfflineData(), "caches" in window ? caches.delete("diary-pages") : Promise.resolve(false)])
      .then(() => {
        document.documentElement.dataset.offlineWiped = "1";
      })
      .catch(() => undefined);
  }, []);
  return null;
}
