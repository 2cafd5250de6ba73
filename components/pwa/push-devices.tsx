"use client";
/**
 * «Уведомления на этом устройстве»: what turning on push means, said before the browser
 * asks; the permission is asked only when the button is pressed. The browser's
 * subscription (made with the server's VAPID public key) goes to /api/push/subscriptions;
 * the list of the user's devices comes from the server, each with «Отключить».
 */
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

export type PushDeviceRow = { id: string; device: string | null; endpoint: string; since: string };

type Message = { kind: "ok" | "error"; text: string } | null;

const API = "/api/push/subscriptions";

/** The VAPID key as the browser wants it: base64url text → bytes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function pushSupported(): boolean {
  return typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** The service worker's registration, once it is active (it registers on every diary page). */
async function activeRegistration(): Promise<ServiceWorkerRegistration | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

async function send(method: "POST" | "DELETE", body: unknown): Promise<boolean> {
  const response = await fetch(API, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), credentials: "same-origin" });
  return response.ok;
}

export function PushDevices({ devices, vapidPublicKey }: { devices: PushDeviceRow[]; vapidPublicKey: string }) {
  const t = useTranslations("pwa.push");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [currentEndpoint, setCurrentEndpoint] = useState<string | null>(null);

  // which row is this very browser
  useEffect(() => {
    if (!pushSupported()) return;
    let alive = true;
    void navigator.serviceWorker.getRegistration("/").then(async (registration) => {
      const subscription = await registration?.pushManager.getSubscription();
      if (alive) setCurrentEndpoint(subscription?.endpoint ?? null);
    }).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [devices]);

  const enable = async () => {
    setMessage(null);
    if (!pushSupported()) {
      setMessage({ kind: "error", text: t("unsupported") });
      return;
    }
    setBusy(true);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setMessage({ kind: "error", text: permission === "denied" ? t("denied") : t("dismissed") });
        return;
      }
      const registration = await activeRegistration();
      if (!registration) {
        setMessage({ kind: "error", text: t("failed") });
        return;
      }
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) }));
      if (!(await send("POST", subscription.toJSON()))) {
        setMessage({ kind: "error", text: t("failed") });
        return;
      }
      setCurrentEndpoint(subscription.endpoint);
      setMessage({ kind: "ok", text: t("enabled") });
      router.refresh();
    } catch {
      setMessage({ kind: "error", text: t("failed") });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (row: PushDeviceRow, name: string) => {
    setMessage(null);
    setBusy(true);
    try {
      if (!(await send("DELETE", { id: row.id }))) {
        setMessage({ kind: "error", text: t("removeFailed") });
        return;
      }
      if (row.endpoint === currentEndpoint) {
        const registration = await navigator.serviceWorker.getRegistration("/");
        await (await registration?.pushManager.getSubscription())?.unsubscribe();
        setCurrentEndpoint(null);
      }
      setMessage({ kind: "ok", text: t("removed", { device: name }) });
      router.refresh();
    } catch {
      setMessage({ kind: "error", text: t("removeFailed") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="mt-2">{t("explain")}</p>
      <p className="mt-3">
        <Button onClick={() => void enable()} disabled={busy}>
          {busy ? t("enabling") : t("enable")}
        </Button>
      </p>
      <div role="status" className="max-w-3xl">
        {message?.kind === "ok" && <p className="my-3 rounded border-2 border-ok bg-green-50 p-3">{message.text}</p>}
      </div>
      <div role="alert" className="max-w-3xl">
        {message?.kind === "error" && <p className="my-3 rounded border-2 border-danger bg-red-50 p-3">{message.text}</p>}
      </div>

      <h3 className="mt-6 text-lg font-bold">{t("devicesHeading")}</h3>
      {devices.length === 0 ? (
        <p className="mt-2">{t("none")}</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-left">
          <caption className="sr-only">{t("devicesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 py-2 pr-3">{t("device")}</th>
              <th scope="col" className="border-b-2 py-2 pr-3">{t("since")}</th>
              <th scope="col" className="border-b-2 py-2">{t("action")}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((row) => {
              const name = row.device ?? t("unknownDevice");
              const mine = row.endpoint === currentEndpoint;
              return (
                <tr key={row.id}>
                  <td className="border-b py-2 pr-3">
                    {name}
                    {mine && <> ({t("thisDevice")})</>}
                  </td>
                  <td className="border-b py-2 pr-3">{row.since}</td>
                  <td className="border-b py-2">
                    <Button variant="secondary" onClick={() => void remove(row, name)} disabled={busy} aria-label={t("removeLabel", { device: name })}>
                      {t("remove")}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
