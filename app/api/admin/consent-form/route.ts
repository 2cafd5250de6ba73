/**
 * The printable consent form as a PDF: blank (no parameters) or for one guardian and
 * child (?guardian=&student=). Administrators only (checked in the domain function).
 */
import { getPrincipal } from "@/lib/auth/session";
import { AppError, GENERIC_ERROR_MESSAGE, httpStatusOf, toAppError } from "@/lib/errors";
import { consentFormData } from "@/lib/consent/form-data";
import { renderConsentForm } from "@/lib/reports/consent-form";

export const dynamic = "force-dynamic";

const text = (message: string, status: number) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });

export async function GET(request: Request) {
  try {
    const p = await getPrincipal();
    if (!p) throw new AppError("UNAUTHENTICATED");
    const q = new URL(request.url).searchParams;
    const data = await consentFormData(p, { guardianId: q.get("guardian") || undefined, studentId: q.get("student") || undefined });
    const pdf = await renderConsentForm(data);
    const name = data.child ? `Согласие — ${data.child.name}.pdf` : "Согласие на обработку персональных данных.pdf";
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="soglasie.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (!toAppError(error)) console.error("Бланк согласия:", error);
    return text(toAppError(error)?.message ?? GENERIC_ERROR_MESSAGE, httpStatusOf(error));
  }
}
