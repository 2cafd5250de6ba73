/** The text of a digest: many pending messages of one guardian on one channel folded into one. Pure. */
import { fitOneSms } from "./sms-text";

export function pluralRu(n: number, forms: readonly [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
}

const MESSAGES = ["сообщение", "сообщения", "сообщений"] as const;

export type DigestItem = { subject: string | null; body: string };

export function digestText(channel: "EMAIL" | "SMS" | "PUSH", items: readonly DigestItem[]): { subject: string; body: string } {
  const n = items.length;
  const count = `${n} ${pluralRu(n, MESSAGES)}`;
  if (channel === "SMS") return { subject: "", body: fitOneSms(`Школа: ${count} для вас. Подробнее в электронном дневнике`) };
  if (channel === "PUSH") {
    const firsts = items.slice(0, 3).map((i) => i.subject ?? i.body).join("; ");
    return { subject: `Сводка из школы: ${count}`, body: n > 3 ? `${firsts}…` : firsts };
  }
  const lines = items.map((i, k) => `${k + 1}. ${i.subject ? `${i.subject}\n   ` : ""}${i.body.replace(/\n/g, "\n   ")}`);
  return { subject: `Сводка из школы: ${count}`, body: `Здравствуйте! Новое за последнее время:\n\n${lines.join("\n\n")}` };
}
