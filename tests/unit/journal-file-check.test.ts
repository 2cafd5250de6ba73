/**
 * Homework files (issue 4, item 3): the type comes from the content, never the name; the
 * name is cleaned; the size is written the way the lesson page shows it.
 */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";

import {
  checkHomeworkFile, cleanFileName, contentDisposition, formatFileSize, MAX_HOMEWORK_FILES_BYTES, sniffFileKind, zipEntryNames,
} from "../../lib/journal/file-check";

const enc = new TextEncoder();
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...enc.encode(p)] : p)));

function crc32(b: Uint8Array): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A zip archive of stored (uncompressed) entries, in order, as office programs write them. */
function zip(entries: [string, string][]): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
  for (const [name, content] of entries) {
    const nameBytes = [...enc.encode(name)];
    const data = enc.encode(content);
    const crc = crc32(data);
    const offset = out.length;
    out.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...nameBytes, ...data);
    central.push(
      ...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length),
      ...u16(nameBytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes,
    );
  }
  const cdOffset = out.length;
  out.push(...central, ...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(central.length), ...u32(cdOffset), ...u16(0));
  return new Uint8Array(out);
}

const TYPES = ["[Content_Types].xml", "<Types/>"] as [string, string];
const docx = zip([TYPES, ["_rels/.rels", "<Relationships/>"], ["word/document.xml", "<w:document/>"]]);
const pptx = zip([TYPES, ["ppt/presentation.xml", "<p:presentation/>"]]);
const odt = zip([["mimetype", "application/vnd.oasis.opendocument.text"], ["content.xml", "<office:document-content/>"]]);
const ods = zip([["mimetype", "application/vnd.oasis.opendocument.spreadsheet"], ["content.xml", "<x/>"]]);
const plainZip = zip([["photo.png", "not really"], ["readme.txt", "hello"]]);

describe("the type is read from the content", () => {
  it("knows PDF, PNG and JPEG by their first bytes", () => {
    expect(sniffFileKind(bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBe("pdf");
    expect(sniffFileKind(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe("png");
    expect(sniffFileKind(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"))).toBe("jpeg");
  });

  it("tells Word, PowerPoint and OpenDocument text apart by what the archive holds", () => {
    expect(zipEntryNames(docx)).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    expect(sniffFileKind(docx)).toBe("docx");
    expect(sniffFileKind(pptx)).toBe("pptx");
    expect(sniffFileKind(odt)).toBe("odt");
  });

  it("knows a real Excel workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Задание").addRow(["№", "Пример"]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(sniffFileKind(xlsx)).toBe("xlsx");
  });

  it("accepts UTF-8 text and refuses text with NUL or broken UTF-8", () => {
    expect(sniffFileKind(bytes("Решить № 214, 215.\r\nПовторить правило.\t"))).toBe("text");
    expect(sniffFileKind(bytes("abc", [0], "def"))).toBeNull();
    expect(sniffFileKind(bytes([0xc3, 0x28]))).toBeNull();
  });

  it("refuses a program, a plain zip, an OpenDocument spreadsheet and a truncated archive", () => {
    expect(sniffFileKind(bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0]))).toBeNull();
    expect(sniffFileKind(plainZip)).toBeNull();
    expect(sniffFileKind(ods)).toBeNull();
    expect(sniffFileKind(docx.subarray(0, docx.length - 30))).toBeNull();
  });

  it("ignores the name: a program called «задание.pdf» is refused with a Russian reason", () => {
    const check = checkHomeworkFile("задание.pdf", bytes("MZ", [0x90, 0, 3, 0, 0xff, 0xfe]));
    expect(check).toEqual({ ok: false, reason: expect.stringMatching(/^Файл «задание\.pdf» не принят: .*Можно: PDF/) as unknown });
  });

  it("says why text in Windows-1251 is refused", () => {
    // «Задание» in Windows-1251
    const check = checkHomeworkFile("дз.txt", bytes([0xc7, 0xe0, 0xe4, 0xe0, 0xed, 0xe8, 0xe5]));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(/не в кодировке UTF-8/);
  });

  it("refuses an empty file and one over 5 MB", () => {
    expect(checkHomeworkFile("пусто.txt", new Uint8Array(0))).toEqual({ ok: false, reason: "Файл «пусто.txt» пустой." });
    const big = new Uint8Array(MAX_HOMEWORK_FILES_BYTES + 1).fill(0x61);
    expect(checkHomeworkFile("big.txt", big)).toEqual({ ok: false, reason: expect.stringMatching(/больше 5 МБ/) as unknown });
  });

  it("gives the checked type and clean name of an allowed file", () => {
    expect(checkHomeworkFile("C:\\Users\\Учитель\\Лист задания.pdf", bytes("%PDF-1.4"))).toEqual({
      ok: true, file: { fileName: "Лист задания.pdf", mimeType: "application/pdf", kind: "pdf", size: 8 },
    });
  });
});

describe("file names", () => {
  it("drops folders, control and direction characters and characters Windows forbids", () => {
    expect(cleanFileName("../../etc/passwd.txt", "text")).toBe("passwd.txt");
    expect(cleanFileName("a\u0000b\u0007c\nd.pdf", "pdf")).toBe("abcd.pdf");
    expect(cleanFileName("отчёт\u202Efdp.exe.pdf", "pdf")).toBe("отчётfdp.exe.pdf");
    expect(cleanFileName('лист: "1" <2>?.pdf', "pdf")).toBe("лист_ _1_ _2__.pdf");
    expect(cleanFileName("  ...скрытый.txt  ", "text")).toBe("скрытый.txt");
  });

  it("gives the content's extension when the name has another", () => {
    expect(cleanFileName("фото.pdf", "png")).toBe("фото.pdf.png");
    expect(cleanFileName("Фото.JPG", "jpeg")).toBe("Фото.JPG");
    expect(cleanFileName("страница.html", "text")).toBe("страница.html.txt");
    expect(cleanFileName("", "pdf")).toBe("файл.pdf");
    expect(cleanFileName("C:\\", "docx")).toBe("файл.docx");
  });

  it("keeps at most 120 characters, the extension included, without splitting a letter", () => {
    const name = cleanFileName(`${"Ж".repeat(200)}.docx`, "docx");
    expect([...name].length).toBe(120);
    expect(name.endsWith("Ж.docx")).toBe(true);
    const emoji = cleanFileName(`${"😀".repeat(130)}.pdf`, "pdf");
    expect([...emoji].length).toBe(120);
    expect(emoji).not.toMatch(/\uFFFD/);
  });

  it("is sent with the Cyrillic name for browsers and a Latin stand-in", () => {
    expect(contentDisposition("Лист задания (1).pdf")).toBe(
      "attachment; filename=\"____ _______ (1).pdf\"; filename*=UTF-8''%D0%9B%D0%B8%D1%81%D1%82%20%D0%B7%D0%B0%D0%B4%D0%B0%D0%BD%D0%B8%D1%8F%20%281%29.pdf",
    );
    expect(contentDisposition('a"b;c%.txt')).toMatch(/^attachment; filename="a_b_c_\.txt"; /);
  });
});

describe("sizes as the lesson page writes them", () => {
  it("in bytes, kilobytes and megabytes", () => {
    expect(formatFileSize(820)).toBe("820 байт");
    expect(formatFileSize(120 * 1024)).toBe("120 КБ");
    expect(formatFileSize(1500)).toBe("1 КБ");
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe("1,3 МБ");
    expect(formatFileSize(5 * 1024 * 1024)).toBe("5 МБ");
  });
});
