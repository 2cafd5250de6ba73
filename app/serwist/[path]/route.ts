/**
 * The service worker, built from app/sw.ts while `next build` prerenders this route
 * (Serwist's way with Turbopack): /serwist/sw.js, served with Service-Worker-Allowed: /
 * so that it controls the whole site. The precache list is the build's static files,
 * public/ and the offline page; the revision changes with every build, so a new build
 * replaces the cached offline page together with the scripts it refers to.
 */
import { randomUUID } from "node:crypto";

import { createSerwistRoute } from "@serwist/turbopack";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  // esbuild (native) is installed with the tooling; esbuild-wasm is not
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: "/offline", revision: randomUUID() }],
  // the icons and the manifest are small; source maps are not worth a phone's data
  globIgnores: ["**/*.map"],
});
