/// <reference lib="webworker" />
/**
 * The family diary's service worker (issue 7), bundled by app/serwist/[path]/route.ts
 * into /serwist/sw.js during `next build`.
 *
 * - The build's scripts, styles and public/ files are precached (the list Serwist
 *   injects into self.__SW_MANIFEST), and so is the offline page /offline.
 * - A page of the diary (/diary…) comes from the network when it answers within 3 s,
 *   else from the "diary-pages" cache (the last copy seen on this device), else the
 *   offline diary /diary/offline (a static page reading IndexedDB, fetched when the
 *   worker installs), else /offline.
 * - Any other page comes only from the network, with /offline when there is none.
 * - /api/* and anything but GET are never touched: they go to the network as usual.
 * - A push message shows a notification {title, body, url} and tells the open tabs to
 *   sync ({type: "sync"}); a click on it opens that address (the day, the subject): in
 *   the tab already there, else in an open tab of the diary, else in a new window.
 * - {type: "SKIP_WAITING"} from the page activates a waiting new version (the page's
 *   «Обновить»); {type: "WIPE_DIARY"} deletes the cached diary pages (on sign-out).
 */
import {
  CacheableResponsePlugin,
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  type PrecacheEntry,
  Serwist,
  type SerwistPlugin,
  StaleWhileRevalidate,
} from "serwist";

declare global {
  interface WorkerGlobalScope {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const DIARY_CACHE = "diary-pages";
/** the offline diary's page: static, no one's data, so it outlives a sign-out's wipe */
const OFFLINE_DIARY_CACHE = "diary-offline-page";
const OFFLINE_PAGE = "/offline";
const OFFLINE_DIARY = "/diary/offline";

const isDiaryPath = (pathname: string) => pathname === "/diary" || pathname.startsWith("/diary/");
const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/** What a failed navigation shows: the offline diary for the diary's pages, else /offline. */
function offlineFallback(diary: boolean): SerwistPlugin {
  return {
    handlerDidError: async () => {
      if (diary) {
        const offlineDiary = (await serwist.matchPrecache(OFFLINE_DIARY)) ?? (await caches.match(OFFLINE_DIARY, { cacheName: OFFLINE_DIARY_CACHE })) ??
          (await caches.match(OFFLINE_DIARY, { cacheName: DIARY_CACHE }));
        if (offlineDiary) return offlineDiary;
      }
      return (await serwist.matchPrecache(OFFLINE_PAGE)) ?? Response.error();
    },
  };
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: false,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && isDiaryPath(url.pathname),
      handler: new NetworkFirst({
        cacheName: DIARY_CACHE,
        networkTimeoutSeconds: 3,
        plugins: [
          // only a real page: never a redirect to the sign-in page or an error
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 64, maxAgeSeconds: 60 * 24 * 60 * 60 }),
          offlineFallback(true),
        ],
      }),
    },
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && !isApiPath(url.pathname),
      handler: new NetworkOnly({ plugins: [offlineFallback(false)] }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "static-assets",
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && !isApiPath(url.pathname) && (url.pathname === "/manifest.webmanifest" || /\.(?:png|svg|ico|webp|woff2?|ttf)$/i.test(url.pathname)),
      handler: new StaleWhileRevalidate({
        cacheName: "static-files",
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 64, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
  ],
});

// The offline diary is another team's page and may not exist in every build: it is
// fetched when the worker installs, and a failure does not stop the installation.
self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      try {
        const response = await fetch(OFFLINE_DIARY, { credentials: "same-origin", cache: "no-store" });
        if (response.ok && !response.redirected) await (await caches.open(OFFLINE_DIARY_CACHE)).put(OFFLINE_DIARY, response);
      } catch {
        // offline while installing: the diary's pages fall back to /offline
      }
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data: unknown = event.data;
  if (data && typeof data === "object" && "type" in data && data.type === "WIPE_DIARY") {
    event.waitUntil(caches.delete(DIARY_CACHE));
  }
});

type PushMessage = { title: string; body: string; url: string };

/** A same-origin address to open: anything else (or nothing) opens the diary. */
function safeUrl(value: unknown): string {
  try {
    const url = new URL(typeof value === "string" && value ? value : "/diary", self.location.origin);
    return url.origin === self.location.origin ? url.href : new URL("/diary", self.location.origin).href;
  } catch {
    return new URL("/diary", self.location.origin).href;
  }
}

function readPush(event: PushEvent): PushMessage {
  const fallback: PushMessage = { title: "Журнал", body: "", url: safeUrl(null) };
  if (!event.data) return fallback;
  try {
    const json: unknown = event.data.json();
    if (!json || typeof json !== "object") return fallback;
    const o = json as Record<string, unknown>;
    return {
      title: typeof o.title === "string" && o.title ? o.title : fallback.title,
      body: typeof o.body === "string" ? o.body : "",
      url: safeUrl(o.url),
    };
  } catch {
    return { ...fallback, body: event.data.text() };
  }
}

self.addEventListener("push", (event) => {
  const message = readPush(event);
  event.waitUntil(
    (async () => {
      await self.registration.showNotification(message.title, {
        body: message.body,
        icon: "/icons/icon-192.png",
        lang: "ru",
        tag: message.url,
        data: { url: message.url },
      });
      // the open diary refreshes what it keeps on the device
      const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const tab of tabs) tab.postMessage({ type: "sync" });
    })(),
  );
});

/**
 * Opens the screen a notification is about: the tab already on it is brought forward; else
 * an open tab of the diary goes there (no second copy of the app on a phone); else a new
 * window. Bringing a tab forward is allowed only for a real click: when it is refused the
 * tab has still moved.
 */
async function openScreen(url: string): Promise<void> {
  const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const there = tabs.find((tab) => tab.url === url);
  if (there) {
    await there.focus().catch(() => undefined);
    return;
  }
  // navigate() works only on the tabs this worker controls
  const controlled = await self.clients.matchAll({ type: "window" });
  for (const tab of controlled) {
    const moved = await tab.navigate(url).catch(() => null);
    if (moved) {
      await moved.focus().catch(() => undefined);
      return;
    }
  }
  await self.clients.openWindow(url);
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data: unknown = event.notification.data;
  const url = safeUrl(data && typeof data === "object" && "url" in data ? data.url : null);
  const opening = openScreen(url);
  event.waitUntil(opening);
});

serwist.addEventListeners();
