/**
 * The exam centre's file read into rows (docs/exam-results-format.md): UTF-8 with a BOM
 * or Windows-1251, «;» or «,», Russian headers in any case; every mistake a person can
 * see in the file itself is named with its line and column.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { examHeaderLine, parseReceivedAt, readExamSheet, receivedAtValue } from "../../lib/exams/file";
import { readCsv } from "../../lib/imports/table";

const TODAY = "2026-06-30";
const HEAD = examHeaderLine();

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Windows-1251 for the Russian alphabet and ASCII: what an old Excel saves. */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return c;
    if (ch === "Ё") return 0xa8;
    if (ch === "ё") return 0xb8;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    throw new Error(`not in the test's 1251 table: ${ch}`);
  }));
}

const read = (bytes: Uint8Array) => readExamSheet(readCsv(bytes), TODAY);

describe("reading the file", () => {
  it("reads the sample file: UTF-8 with a BOM, «;», one row per student and subject", () => {
    const { rows, errors } = read(new Uint8Array(readFileSync("tests/fixtures/exams/results-sample.csv")));
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      line: 2, kind: "OGE", examDate: "2026-05-20", lastName: "Иванов", firstName: "Пётр", middleName: "Сергеевич",
      birthDate: "2010-03-12", subject: "Математика", score: 18,
    });
    expect(rows.map((r) => r.kind)).toEqual(["OGE", "OGE", "GVE", "VOCATIONAL"]);
    expect(rows[2]?.middleName).toBe("");
  });

  it("reads Windows-1251 with commas and headers in another case the same way", () => {
    const text = `${HEAD.toUpperCase().replace(/;/g, ",")}\r\nогэ,20.05.2026,Ёлкин,Семён,Петрович,12.03.2010,математика,18\r\n`;
    const { rows, errors } = read(cp1251(text));
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ kind: "OGE", lastName: "Ёлкин", firstName: "Семён", subject: "математика", score: 18 });
  });

  it("a missing column is one problem on line 1, and no row is read", () => {
    const { rows, errors } = read(utf8("Экзамен;Дата экзамена;Фамилия;Имя;Дата рождения;Предмет\nОГЭ;20.05.2026;Иванов;Пётр;12.03.2010;Математика\n"));
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.line, e.column, e.value])).toEqual([[1, "Первичный балл", ""]]);
    expect(errors[0]?.message).toContain("нет столбца «Первичный балл»");
  });

  it("names every mistake of every row with its line, column and value", () => {
    const text = [
      HEAD,
      "ЕГЭ;20.05.2026;Иванов;Пётр;;12.03.2010;Математика;18",
      "ОГЭ;31.02.2026;Иванов;Пётр;;12.03.2010;Математика;18",
      "ОГЭ;20.05.2026;;Пётр;;1.3.10;Математика;восемнадцать",
      "ОГЭ;01.07.2026;Иванов;Пётр;;12.03.2010;Математика;18",
      "ОГЭ;20.05.2026;Иванов;Пётр;;12.03.2010;Математика;18",
      "огэ;20.05.2026;ИВАНОВ;пётр;;12.03.2010;МАТЕМАТИКА;19",
    ].join("\n");
    const { rows, errors } = read(utf8(text));
    expect(errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, "Экзамен", "ЕГЭ"],
      [3, "Дата экзамена", "31.02.2026"],
      [4, "Фамилия", ""],
      [4, "Дата рождения", "1.3.10"],
      [4, "Первичный балл", "восемнадцать"],
      [5, "Дата экзамена", "01.07.2026"],
      [7, "Предмет", "МАТЕМАТИКА"],
    ]);
    expect(errors[0]?.message).toContain("Пишите ОГЭ, ГВЭ или ПО");
    expect(errors[1]?.message).toBe("Дата экзамена не распознана. Пишите так: 20.05.2026.");
    expect(errors[2]?.message).toBe("Не заполнен столбец «Фамилия».");
    expect(errors[5]?.message).toContain("ещё не наступил");
    expect(errors[6]?.message).toContain("уже есть в строке 6");
    expect(rows.map((r) => r.line)).toEqual([6]);
  });
});

describe("when the school received the file", () => {
  const TZ = "Asia/Yekaterinburg"; // UTC+5

  it("reads the browser's field and the Russian way of writing, in the school's time zone", () => {
    expect(parseReceivedAt("2026-06-05T14:30", TZ)?.toISOString()).toBe("2026-06-05T09:30:00.000Z");
    expect(parseReceivedAt("05.06.2026 14:30", TZ)?.toISOString()).toBe("2026-06-05T09:30:00.000Z");
    expect(parseReceivedAt(" 5.6.2026, 9:05 ", TZ)?.toISOString()).toBe("2026-06-05T04:05:00.000Z");
  });

  it("anything else is unreadable", () => {
    for (const bad of ["", "вчера", "05.06.2026", "31.02.2026 10:00", "05.06.2026 25:00", "05.06.2026 10:61"]) expect(parseReceivedAt(bad, TZ)).toBeNull();
  });

  it("gives the field's value back in the school's zone", () => {
    expect(receivedAtValue(new Date("2026-06-05T19:30:00Z"), TZ)).toBe("2026-06-06T00:30");
    expect(parseReceivedAt(receivedAtValue(new Date("2026-06-05T09:30:00Z"), TZ), TZ)?.toISOString()).toBe("2026-06-05T09:30:00.000Z");
  });
});
