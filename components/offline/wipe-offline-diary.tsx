"use client";
/**
 * Signing out wipes the family's diary from the device (issue 7, item 5): every
 * `zhurnal-*` IndexedDB database and the offline diary's localStorage keys. Rendered by
 * the login page when it opens after a sign-out (`?signedOut=1`); shows nothing.
 */
import { useEffect } from "react";

import { wipeOfflineData } from "@/components/offline/db";

export function WipeOfflineDiary() {
  useEffect(() => {
    wipeOfflineData()
      .then(() => {
        document.documentElement.dataset.offlineWiped = "1";
      })
      .catch(() => undefined);
  }, []);
  return null;
}
