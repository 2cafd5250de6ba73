/**
 * The CSV writing of the OneRoster export (lib/oneroster/csv/write.ts): RFC 4180 quoting
 * a consumer's parser relies on, lists as one quoted field, the manifest's rows, and the
 * rows' order, so the file is the same for the same data.
 */
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";

import { cellsOf, csvField, csvText, manifestText, sortedRows } from "@/lib/oneroster/csv/write";

describe("csvField", () => {
  it("leaves a plain value as it is", () => {
    expect(csvField("Иванова")).toBe("Иванова");
    expect(csvField("")).toBe("");
  });
  it("quotes a list and a value with a comma", () => {
    expect(csvField("05,06")).toBe('"05,06"');
  });
  it("doubles a quote inside a quoted field", () => {
    expect(csvField('Школа «Радуга» "на Мира"')).toBe('"Школа «Радуга» ""на Мира"""');
  });
  it("keeps edge spaces by quoting them", () => {
    expect(csvField(" Анна")).toBe('" Анна"');
  });
  it("turns a line break into a space: the binding allows none inside a field", () => {
    expect(csvField("1 четверть\r\nитог")).toBe("1 четверть итог");
  });
});

describe("csvText", () => {
  it("reads back, cell for cell, with a standard parser", () => {
    const rows = [["a,b", 'say "hi"', "plain"], ["", " x ", "ё"]];
    const text = csvText(["one", "two", "three"], rows);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parse(text)).toEqual([["one", "two", "three"], ...rows]);
  });
});

describe("cellsOf", () => {
  it("puts values in the binding's column order and leaves the rest empty", () => {
    expect(cellsOf("enrollments", { sourcedId: "e1", role: "student", userSourcedId: "u1", classSourcedId: "c1" })).toEqual(["e1", "", "", "c1", "", "u1", "student", "", "", ""]);
  });
});

describe("sortedRows", () => {
  it("orders by sourcedId", () => {
    expect(sortedRows([["b"], ["a", "2"], ["a", "1"]])).toEqual([["a", "1"], ["a", "2"], ["b"]]);
  });
});

describe("manifestText", () => {
  it("declares the versions and every data file, absent unless written", () => {
    const rows: string[][] = parse(manifestText({ users: "delta", roles: "delta" }), {});
    expect(rows[0]).toEqual(["propertyName", "value"]);
    expect(rows).toContainEqual(["manifest.version", "1.0"]);
    expect(rows).toContainEqual(["oneroster.version", "1.2"]);
    expect(rows).toContainEqual(["file.users", "delta"]);
    expect(rows).toContainEqual(["file.classes", "absent"]);
    expect(rows.filter((r) => r[0]?.startsWith("file."))).toHaveLength(21);
  });
});
