/**
 * The signed-in guardian's or student's devices for web push (issue 7, item 6):
 * POST the browser's subscription (PushSubscription.toJSON()) to store it, DELETE {id}
 * to turn a device off. JSON in and out; only from a page of this site (Origin check),
 * never cached.
 */
import type { Principal } from "@/lib/auth/principal";
import { getPrincipal } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf, toAppError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/push/origin";
import { removePushSubscription, savePushSubscription } from "@/lib/push/subscriptions";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

async function handle(request: Request, run: (p: Principal, body: unknown) => Promise<Response>): Promise<Response> {
  try {
    if (!isSameOrigin(request.headers, env.APP_URL)) throw new AppError("FORBIDDEN", "Запрос пришёл не со страницы дневника.");
    const p = await getPrincipal();
    if (!p) throw new AppError("UNAUTHENTICATED");
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new AppError("BAD_INPUT", "Подписка на уведомления записана неверно.");
    }
    return await run(p, body);
  } catch (error) {
    if (!toAppError(error)) console.error("Подписки на уведомления:", error);
    const message = toAppError(error)?.message ?? GENERIC_ERROR_MESSAGE;
    return Response.json({ error: message, code: toAppError(error)?.code ?? "ERROR" }, { status: httpStatusOf(error), headers: HEADERS });
  }
}

export function POST(request: Request) {
  return handle(request, async (p, body) => {
    const saved = await savePushSubscription(p, body, request.headers.get("user-agent"));
    return Response.json(saved, { status: 201, headers: HEADERS });
  });
}

export function DELETE(request: Request) {
  return handle(request, async (p, body) => {
    await removePushSubscription(p, body);
    return Response.json({ ok: true }, { headers: HEADERS });
  });
}
