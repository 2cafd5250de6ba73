/**
 * A cross-site request check for the JSON routes a page calls with fetch (server actions
 * have Next's own): the browser's Origin must be the app's public address (APP_URL) or
 * the host the request came to. A form or script on another site sends its own Origin,
 * which it cannot forge; a request without Origin is refused too.
 */
export function isSameOrigin(headers: Headers, appUrl: string): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  try {
    if (from.origin === new URL(appUrl).origin) return true;
  } catch {
    // a malformed APP_URL: only the Host check below
  }
  const host = headers.get("host");
  return host !== null && from.host === host.trim();
}
