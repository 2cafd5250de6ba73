/**
 * next-auth: turns a verified sign-in (a login ticket from lib/auth/login.ts) into a
 * session cookie (HTTP-only, SameSite=Lax, Secure behind HTTPS), and reads it back.
 * The cookie holds only the user id and the session version; who the user is and what
 * they may do is loaded from the database on every request (lib/auth/session.ts).
 */
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { redeemLoginTicket } from "@/lib/auth/login-ticket";
import { authSecret } from "@/lib/auth/secret";
import { secureSessionCookie } from "@/lib/auth/session-cookie";

export const SESSION_HOURS = 12;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  useSecureCookies: secureSessionCookie(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { ticket: {} },
      authorize(credentials) {
        const ticket = typeof credentials.ticket === "string" ? credentials.ticket : "";
        const redeemed = redeemLoginTicket(authSecret(), ticket);
        if (!redeemed) return null;
        return { id: redeemed.userId, sessionVersion: redeemed.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: typeof token.uid === "string" ? token.uid : "", sv: typeof token.sv === "number" ? token.sv : -1 };
    },
  },
});
