/** Addresses as the administrator's screen shows them: enough to tell them apart, not to copy. Pure. */
import { msisdn } from "./sms-text";

/** "+7 912 345-12-34" → "+7 9** ***-12-34" */
export function maskPhone(phone: string): string {
  const d = msisdn(phone);
  if (d.length !== 11 || !d.startsWith("7")) return d.length > 4 ? `${"*".repeat(d.length - 4)}${d.slice(-4)}` : "****";
  return `+7 ${d[1]}** ***-${d.slice(7, 9)}-${d.slice(9, 11)}`;
}

/** "ivanova@mail.ru" → "i***@mail.ru" */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

export function maskAddress(channel: "EMAIL" | "SMS" | "PUSH", address: string): string {
  if (channel === "EMAIL") return maskEmail(address);
  if (channel === "SMS") return maskPhone(address);
  return `…${address.slice(-4)}`;
}
