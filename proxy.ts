/**
 * Runs before every page:
 *
 * - Security headers (issue 10): a Content-Security-Policy with a fresh nonce per page
 *   (lib/security/csp.ts; Next puts the nonce on its own scripts when the request carries
 *   the policy), and HSTS when the page is served over HTTPS.
 * - Navigation convenience only: a visitor with no session cookie who opens a page of
 *   the app is sent to the login page with the address to come back to. Whether a
 *   session is valid, and what it may see, is decided by the pages and the domain
 *   functions.
 *
 * Not for the APIs, the calendar feed, the service worker and the build's files: they
 * are not pages (next.config.js gives them a policy that allows nothing to run).
 */
import { NextResponse, type NextRequest } from "next/server";

import { HSTS, contentSecurityPolicy, isHttps, newNonce } from "@/lib/security/csp";

const PROTECTED = ["/admin", "/journal", "/diary"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = isHttps(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const nonce = newNonce();
  // eslint-disable-next-line no-restricted-properties -- the proxy runs before lib/env.ts can be loaded in its bundle; NODE_ENV is set by Next itself
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });

  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  let response: NextResponse;
  if (isProtected && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", csp);
    headers.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|ims/|calendar/|serwist/|_next/static|_next/image|icon|manifest|favicon|.*\\.(?:svg|png|ico|webmanifest|txt|js|css|map)$).*)",
      // a prefetch is answered from the same page: no need for a nonce of its own
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
