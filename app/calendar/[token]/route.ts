/**
 * The family's calendar feed as a phone's calendar fetches it: no session, the secret
 * token in the address is the only key (lib/calendar/feeds.ts re-checks the owner's
 * rights and consent on every read). Anything that must not be shown — an unknown or
 * revoked address, a withdrawn consent, an ended guardianship — is the same bare 404,
 * so the answer says nothing of why.
 */
import { readFeed } from "@/lib/calendar/feeds";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const text = await readFeed(token);
  if (text === null) {
    return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  return new Response(text, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // a child's timetable: no shared cache keeps it, and every fetch asks again
      "Cache-Control": "private, max-age=0",
      "Content-Disposition": 'inline; filename="dnevnik.ics"',
    },
  });
}
