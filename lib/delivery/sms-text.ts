/**
 * SMS text and its parts. Cyrillic goes as UCS-2 (SMPP data_coding 8): 70 characters in
 * one SMS; a longer text is sent as concatenated parts of 67 characters each (the other
 * 6 bytes carry the user data header that joins them on the phone). Characters outside
 * the Basic Multilingual Plane (emoji) take two UCS-2 units and are never split.
 */
export const SINGLE_UCS2 = 70;
export const PART_UCS2 = 67;

/** UCS-2 code units of the text (what the operator counts). */
export function ucs2Length(text: string): number {
  return text.length; // JS strings are UTF-16 code units, the same as UCS-2 on the wire
}

/** The text cut into SMS parts: one part up to 70 units, else parts of up to 67. */
export function smsParts(text: string): string[] {
  if (ucs2Length(text) <= SINGLE_UCS2) return [text];
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + PART_UCS2, text.length);
    // do not cut a surrogate pair in two
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts;
}

/** How many SMS the text costs. */
export function smsCount(text: string): number {
  return smsParts(text).length;
}

/** The text shortened to one SMS, with "…" where it was cut. */
export function fitOneSms(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (ucs2Length(t) <= SINGLE_UCS2) return t;
  return `${t.slice(0, SINGLE_UCS2 - 1).trimEnd()}…`;
}

/** The text as UCS-2 big-endian bytes (SMPP data_coding 8). */
export function toUcs2(text: string): Buffer {
  const b = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) b.writeUInt16BE(text.charCodeAt(i), i * 2);
  return b;
}

export function fromUcs2(bytes: Buffer): string {
  let s = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes.readUInt16BE(i));
  return s;
}

/**
 * The Russian phone number as an SMSC wants it: digits only, international (7XXXXXXXXXX).
 * "8 (912) 345-67-89", "+7 912 345 67 89" → "79123456789". Anything else: digits as given.
 */
export function msisdn(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("8")) return `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith("9")) return `7${digits}`;
  return digits;
}
