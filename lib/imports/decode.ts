/**
 * The text of a CSV file as Russian schools have it: UTF-8 with or without a byte order
 * mark, or Windows-1251 from an older Excel or 1С. Bytes that are not valid UTF-8 are
 * taken as Windows-1251: in practice no other Cyrillic encoding arrives.
 */
export type TextEncodingName = "utf-8" | "windows-1251";

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "windows-1251";
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  // TextDecoder drops a UTF-8 byte order mark by itself
  const text = new TextDecoder(encoding).decode(bytes);
  return { text: text.replace(/^\uFEFF/, ""), encoding };
}

/** The delimiter of the header line: «;» from a Russian Excel, «,» elsewhere, tab from a copy. */
export function detectDelimiter(text: string): ";" | "," | "\t" {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ";" || ch === "," || ch === "\t")) counts[ch] += 1;
  }
  if (counts[";"] >= counts[","] && counts[";"] >= counts["\t"] && counts[";"] > 0) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}
