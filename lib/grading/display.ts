/** How a mark is written in the journal and the diary: «5», «зач», «н/а», or its text. */
export type MarkLike = { kind: string; value: number | null; text: string | null };

const SYMBOL: Record<string, string> = { PASS: "зач", FAIL: "незач", NOT_ATTESTED: "н/а", EXEMPT: "осв" };

export function markSymbol(m: MarkLike): string {
  if (m.kind === "NUMERIC" && m.value !== null) return String(m.value);
  if (m.kind === "DESCRIPTIVE") return m.text ?? "";
  return SYMBOL[m.kind] ?? "";
}
