// @ts-check
import { withSerwist } from "@serwist/turbopack";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const config = {
  reactStrictMode: true,
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // The page title goes into <head> with the first bytes for every visitor, not streamed
  // in later: a screen reader announces the title as the page opens, and a page without
  // one for a moment fails WCAG 2.4.2 (the axe scans caught it).
  htmlLimitedBots: /.*/,
  // imports of school files (CSV, XLSX) up to 5 MB go through server actions
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // The embedded database and the Prisma engine are WebAssembly loaded at run time:
  // leave them to Node instead of bundling them.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "@prisma/driver-adapter-utils",
    "pg",
    "exceljs",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // the API and the calendar feed answer data, never a page: nothing in them may run
      // or be framed (pages get their policy, with a nonce, from proxy.ts)
      ...["/ims/:path*", "/calendar/:path*"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      })),
    ];
  },
};

// The service worker (app/sw.ts) is bundled by app/serwist/[path]/route.ts during
// `next build` (Turbopack has no plugins for it); withSerwist leaves esbuild to Node.
export default withSerwist(withNextIntl(config));
