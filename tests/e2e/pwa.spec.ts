/**
 * The installable diary (issue 7, items 1 and 6): the manifest, the service worker that
 * takes over the page, the diary opening from the phone's cache without a network, the
 * offline page for anything else, a push message shown as a notification, and the
 * device list on the notifications page.
 */
import type { BrowserContext, Page } from "@playwright/test";

import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });

/** Signs the parent in, opens the diary and waits until the service worker controls it. */
async function controlledDiary(page: Page) {
  await signIn(page, "parent");
  await page.goto("/diary");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/serwist\/sw\.js$/);
}

async function offline(context: BrowserContext, on: boolean) {
  await context.setOffline(on);
}

test("the manifest names the diary in Russian, opens on /diary and has its icons", async ({ page, request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as { name: string; short_name: string; start_url: string; lang: string; display: string; theme_color: string; icons: { src: string; sizes: string; purpose?: string }[] };
  expect(manifest).toMatchObject({ name: "Журнал — дневник", short_name: "Дневник", start_url: "/diary", lang: "ru", display: "standalone", theme_color: "#0b4f9c" });
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? "any"}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of manifest.icons) {
    const png = await request.get(icon.src);
    expect(png.headers()["content-type"]).toBe("image/png");
  }
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", /manifest\.webmanifest/);
});

test("the service worker takes over the diary; without a network the diary opens from the cache, other pages show the offline page", async ({ page, context }) => {
  await controlledDiary(page);
  const heading = await page.getByRole("heading", { level: 1 }).first().textContent();
  expect(heading).toBeTruthy();
  // the page seen online is kept on the device
  await expect.poll(() => page.evaluate(async () => Boolean(await (await caches.open("diary-pages")).match("/diary")))).toBe(true);

  await offline(context, true);
  try {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(heading ?? "");
    await expect(page.getByRole("status").filter({ hasText: "Нет связи. Показаны сохранённые данные." })).toBeVisible();

    // a diary page never opened on this device: the offline diary (it reads IndexedDB)
    await page.goto("/diary/results");
    await expect(page).toHaveTitle(/Дневник без интернета/);

    // a page outside the diary: the offline page, with the way to the saved diary
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Нет связи" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Открыть сохранённый дневник" })).toHaveAttribute("href", "/diary/offline");
    await expectNoAxeViolations(page);
  } finally {
    await offline(context, false);
  }
  // back online the network answers again
  await page.goto("/diary");
  await expect(page.getByRole("status").filter({ hasText: "Нет связи" })).toHaveCount(0);
});

test("a push message shows a notification with the title, tells the open diary to sync, and its click opens the subject", async ({ page, context }) => {
  await controlledDiary(page);
  const origin = new URL(page.url()).origin;
  // the screen a new mark's notification opens: the subject's marks (lib/notify/texts.ts)
  await page.goto("/diary/marks");
  const subjectHref = (await page.getByRole("link", { name: "Подробнее: Математика" }).getAttribute("href")) ?? "";
  expect(subjectHref).toMatch(/^\/diary\/marks\/[0-9a-f-]+/);
  await page.goto("/diary");
  await context.grantPermissions(["notifications"], { origin });
  await page.evaluate(() => {
    const w = window as unknown as { syncMessages: number };
    w.syncMessages = 0;
    navigator.serviceWorker.addEventListener("message", (e: MessageEvent<unknown>) => {
      if (typeof e.data === "object" && e.data !== null && (e.data as { type?: unknown }).type === "sync") w.syncMessages += 1;
    });
  });

  const cdp = await context.newCDPSession(page);
  const registrations = new Map<string, string>();
  cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => {
    for (const r of e.registrations) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
  });
  await cdp.send("ServiceWorker.enable");
  await expect.poll(() => registrations.get(`${origin}/`) ?? null).not.toBeNull();

  const url = `${origin}${subjectHref}`;
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId: registrations.get(`${origin}/`) ?? "",
    data: JSON.stringify({ title: "Новая отметка", body: "Математика: 5", url }),
  });
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: (n.data as { url?: string } | null)?.url }));
      }),
    )
    .toContainEqual({ title: "Новая отметка", body: "Математика: 5", tag: url, url });
  await expect.poll(() => page.evaluate(() => (window as unknown as { syncMessages: number }).syncMessages)).toBeGreaterThan(0);
  await cdp.detach();

  // the parent taps the notification: the open diary goes to the subject's marks. Headless
  // Chromium has no notification to tap, so the worker gets the event it would get then,
  // for the notification it really shows.
  const worker = context.serviceWorkers().find((w) => w.url().endsWith("/serwist/sw.js"));
  expect(worker).toBeDefined();
  await worker?.evaluate(async () => {
    // the worker's own names (the tests are typed for a page, not for a worker)
    type WorkerScope = {
      registration: { getNotifications(): Promise<unknown[]> };
      dispatchEvent(event: Event): boolean;
      NotificationEvent: new (type: string, init: { notification: unknown }) => Event;
    };
    const scope = self as unknown as WorkerScope;
    const [shown] = await scope.registration.getNotifications();
    if (!shown) throw new Error("no notification");
    scope.dispatchEvent(new scope.NotificationEvent("notificationclick", { notification: shown }));
  });
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { level: 1, name: "Математика: оценки" })).toBeVisible();
  // the tapped notification is gone from the list
  await expect.poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).length)).toBe(0);
});

test("the notifications page: the device section explains first, lists the devices, and one is turned off", async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await signIn(page, "parent");
  await page.goto("/diary/notifications");
  const section = page.getByRole("region", { name: "Уведомления на этом устройстве" });
  await expect(section.getByRole("button", { name: "Включить уведомления" })).toBeVisible();
  await expect(section).toContainText("браузер спросит разрешение");
  await expect(section).toContainText("Уведомления пока не включены ни на одном устройстве.");
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // what the button sends once the browser has subscribed (Chromium here has no push service)
  const origin = new URL(page.url()).origin;
  const subscription = {
    endpoint: "https://push.example.org/send/e2e-device",
    expirationTime: null,
    keys: { p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", auth: "tBHItJI5svbpez7KI4CCXg" },
  };
  const crossSite = await page.request.post("/api/push/subscriptions", { data: subscription, headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  const stored = await page.request.post("/api/push/subscriptions", { data: subscription, headers: { Origin: origin } });
  expect(stored.status()).toBe(201);

  await page.reload();
  const table = section.getByRole("table", { name: "Устройства, на которые приходят уведомления" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("cell").first()).toContainText("Chrome, Linux");
  await expectNoAxeViolations(page);

  await table.getByRole("button", { name: /^Отключить уведомления: Chrome, Linux/ }).click();
  await expect(section.getByRole("status").filter({ hasText: "Уведомления на устройстве «Chrome, Linux» отключены." })).toBeVisible();
  await expect(section).toContainText("Уведомления пока не включены ни на одном устройстве.");
});
