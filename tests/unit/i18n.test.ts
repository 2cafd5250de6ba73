import { describe, expect, it } from "vitest";

import { loadMessages } from "../../lib/i18n/request";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("interface texts", () => {
  it("English has every key Russian has, and no more", () => {
    expect(keys(loadMessages("en")).sort()).toEqual(keys(loadMessages("ru")).sort());
  });
  it("no Russian text is left empty", () => {
    const ru = loadMessages("ru");
    const empty = keys(ru).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], ru) === "");
    expect(empty).toEqual([]);
  });
});
