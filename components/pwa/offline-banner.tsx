"use client";
/**
 * «Нет связи. Показаны сохранённые данные.» while the browser says it is offline, so a
 * page shown from the device's cache does not pass for fresh. The status region is
 * always present; its text appears and disappears with the connection.
 */
import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** `text`: «Нет связи…», translated on the server (the diary's pages load no translation runtime). */
export function OfflineBanner({ text }: { text: string }) {
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  return (
    <div role="status" className={online ? undefined : "border-b-2 border-danger bg-amber-50"}>
      {!online && <p className="mx-auto max-w-5xl px-4 py-2 font-semibold">{text}</p>}
    </div>
  );
}
