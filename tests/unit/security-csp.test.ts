import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, isHttps, newNonce } from "@/lib/security/csp";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("the pages' Content-Security-Policy", () => {
  it("runs only scripts with this page's nonce, frames nowhere, posts forms only here", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc", dev: false, https: false }));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
    // no eval and no inline script in production
    expect(contentSecurityPolicy({ nonce: "abc", dev: false, https: true })).not.toMatch(/unsafe-eval|'unsafe-inline'[^;]*; style|script-src[^;]*unsafe-inline/);
  });

  it("lets the development server evaluate and reload, and upgrades requests over HTTPS", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("makes a new unguessable nonce each time", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(seen.size).toBe(1000);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("knows HTTPS directly or from the proxy in front", () => {
    expect(isHttps(new URL("https://school.ru/"), null)).toBe(true);
    expect(isHttps(new URL("http://127.0.0.1:3000/"), "https")).toBe(true);
    expect(isHttps(new URL("http://127.0.0.1:3000/"), "http, https")).toBe(false);
    expect(isHttps(new URL("http://127.0.0.1:3000/"), null)).toBe(false);
  });
});
