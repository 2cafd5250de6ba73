import { describe, expect, it } from "vitest";

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { loadMessages } from "../../lib/i18n/request";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("interface texts", () => {
  it("each file holds one namespace, named as the file (so no file overwrites another's keys)", () => {
    for (const locale of ["ru", "en"]) {
      const dir = join(process.cwd(), "lib", "i18n", "messages", locale);
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
        const top = Object.keys(JSON.parse(readFileSync(join(dir, file), "utf8")) as object);
        expect(top, `${locale}/${file}`).toEqual([file.replace(/\.json$/, "")]);
      }
    }
  });
  it("English has every key Russian has, and no more", () => {
    expect(keys(loadMessages("en")).sort()).toEqual(keys(loadMessages("ru")).sort());
  });
  it("no Russian text is left empty", () => {
    const ru = loadMessages("ru");
    const empty = keys(ru).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], ru) === "");
    expect(empty).toEqual([]);
  });
});
