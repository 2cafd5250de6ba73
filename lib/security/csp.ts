/**
 * The Content-Security-Policy of every page (issue 10, item 3), strict for scripts: only
 * the scripts of this page's answer run — Next's own carry the per-request nonce, and
 * what they load is trusted through 'strict-dynamic' — so a mark comment or a homework
 * text that smuggles in a <script> does nothing, even if some escaping failed. No page
 * may be framed (clickjacking), forms post only here, nothing is fetched from elsewhere.
 *
 * Styles allow 'unsafe-inline': React writes style attributes, and a style cannot run
 * code. The development server needs 'unsafe-eval' (React's dev tools) and WebSockets
 * (hot reload); production gets neither.
 */
export type CspOptions = { nonce: string; dev: boolean; https: boolean };

export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** 128 random bits, base64: a nonce nobody can guess, new for every page. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** One year, subdomains too: sent only over HTTPS (a browser ignores it over HTTP). */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Whether the request reached us over HTTPS (directly or through a proxy that says so). */
export function isHttps(url: URL, forwardedProto: string | null): boolean {
  return url.protocol === "https:" || forwardedProto?.split(",")[0]?.trim() === "https";
}
