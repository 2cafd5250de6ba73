import { describe, expect, it } from "vitest";
import fc from "fast-check";
import ExcelJS from "exceljs";

import { decodeText, detectDelimiter, detectEncoding } from "../../lib/imports/decode";
import { headerKey, matchHeaders } from "../../lib/imports/columns";
import { readCsv, readSheet, readXlsx, writeCsv, writeXlsx } from "../../lib/imports/table";
import { AppError } from "../../lib/errors";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Windows-1251 for Cyrillic letters and ASCII. */
function cp1251(s: string): Uint8Array {
  return new Uint8Array(
    [...s].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c < 128) return c;
      if (ch === "Ё") return 0xa8;
      if (ch === "ё") return 0xb8;
      return c - 0x410 + 0xc0;
    }),
  );
}

describe("encoding", () => {
  it("takes valid UTF-8 as UTF-8, with or without the byte order mark", () => {
    expect(detectEncoding(utf8("Фамилия;Имя"))).toBe("utf-8");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Фамилия")])).text).toBe("Фамилия");
  });

  it("takes bytes that are not UTF-8 as Windows-1251", () => {
    const bytes = cp1251("Фамилия;Имя;Ёлкина");
    expect(detectEncoding(bytes)).toBe("windows-1251");
    expect(decodeText(bytes).text).toBe("Фамилия;Имя;Ёлкина");
  });
});

describe("CSV", () => {
  it("finds the delimiter of the header line", () => {
    expect(detectDelimiter("Фамилия;Имя;Роли\nа;б;учитель, администратор")).toBe(";");
    expect(detectDelimiter("Фамилия,Имя\n")).toBe(",");
    expect(detectDelimiter('"Фамилия; Имя",Роли')).toBe(",");
  });

  it("numbers lines as Excel does, header = 1, and skips empty lines", () => {
    const sheet = readCsv(utf8("Фамилия;Имя\r\n\r\nИванов;Пётр\r\n;\r\nПетров;Илья\r\n"));
    expect(sheet.headers).toEqual(["Фамилия", "Имя"]);
    expect(sheet.rows).toEqual([
      { line: 3, cells: ["Иванов", "Пётр"] },
      { line: 5, cells: ["Петров", "Илья"] },
    ]);
  });

  it("reads a comma file with quoted cells", () => {
    const sheet = readCsv(utf8('Фамилия,Роли\nИванова,"учитель, администратор"\n'));
    expect(sheet.rows[0]?.cells).toEqual(["Иванова", "учитель, администратор"]);
  });

  it("writes what it reads, with a byte order mark for Excel and no formulas", () => {
    const cell = fc.stringMatching(/^[а-яА-Я0-9 ;,"=+\-@\r\n]{0,10}$/).map((c) => c.trim());
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 5 }), (pairs) => {
        // the first cell is never empty, so no row is skipped as blank
        const rows = pairs.map(([a, b]) => [`ф${a}`, b]);
        expect(readCsv(writeCsv(["А", "Б"], rows)).rows.map((r) => r.cells)).toEqual(rows);
      }),
    );
    const bytes = writeCsv(["Телефон"], [["+7 912"]]);
    expect(new TextDecoder().decode(bytes)).toBe("Телефон\r\n'+7 912\r\n");
    expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(readCsv(bytes).rows[0]?.cells).toEqual(["+7 912"]);
  });

  it("an old Excel format is refused with a clear message", async () => {
    await expect(readSheet("список.xls", utf8("x"))).rejects.toThrow(AppError);
  });
});

describe("XLSX", () => {
  it("writes text cells and reads them back with line numbers", async () => {
    const bytes = await writeXlsx("Сотрудники", ["Фамилия", "Табельный номер"], [["Числова", "0042"], ["Иванова", "7"]]);
    const sheet = await readXlsx(bytes);
    expect(sheet.headers).toEqual(["Фамилия", "Табельный номер"]);
    expect(sheet.rows).toEqual([
      { line: 2, cells: ["Числова", "0042"] },
      { line: 3, cells: ["Иванова", "7"] },
    ]);
    expect((await readSheet("без расширения", bytes)).rows).toHaveLength(2);
  });

  it("reads what Excel itself stores: dates, numbers, formulas and links", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Лист1");
    sheet.addRow(["Дата рождения", "Номер урока", "Сумма", "Эл. почта"]);
    sheet.addRow([new Date(Date.UTC(2015, 2, 12)), 3, { formula: "1+1", result: 2 }, { text: "a@b.ru", hyperlink: "mailto:a@b.ru" }]);
    const sheetRead = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheetRead.rows[0]?.cells).toEqual(["2015-03-12", "3", "2", "a@b.ru"]);
  });

  it("a damaged workbook is refused with a clear message", async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow("Файл Excel не удалось прочитать");
  });
});

describe("headers", () => {
  it("match whatever the case, ё, spaces, «№» and punctuation", () => {
    expect(headerKey("  НОМЕР  личного дела ребёнка* ")).toBe(headerKey("Номер личного дела ребенка"));
    expect(headerKey("№ личного дела")).toBe(headerKey("номер личного дела"));
    const { index, problems } = matchHeaders("GUARDIANS", ["фамилия", "ИМЯ", "Отчество", "Номер личного дела ребенка", "кем  приходится", "E-mail", "Лишний столбец"]);
    expect(problems).toEqual([]);
    expect(index.get("email")).toBe(5);
    expect(index.has("phone")).toBe(false);
  });

  it("name a missing required column and a doubled one", () => {
    const { problems } = matchHeaders("STAFF", ["Фамилия", "Имя", "Должность", "должность"]);
    expect(problems.map((p) => p.message)).toEqual([
      "Столбец «Должность» встречается в файле дважды.",
      "В файле нет столбца «Роли». Возьмите заголовки из шаблона.",
    ]);
  });

  it("accept one «ФИО» column instead of three", () => {
    expect(matchHeaders("STAFF", ["ФИО", "Должность", "Роли"]).problems).toEqual([]);
  });
});
