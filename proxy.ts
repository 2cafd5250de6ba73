/**
 * Navigation convenience only: a visitor with no session cookie who opens a page of the
 * app is sent to the login page with the address to come back to. Whether a session is
 * valid, and what it may see, is decided by the pages and the domain functions.
 */
import { NextResponse, type NextRequest } from "next/server";

const PROTECTED = ["/admin", "/journal", "/diary"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!isProtected || SESSION_COOKIES.some((c) => request.cookies.has(c))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin/:path*", "/journal/:path*", "/diary/:path*"] };
