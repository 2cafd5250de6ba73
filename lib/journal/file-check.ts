/**
 * What a file attached to homework may be (issue 4, item 3). Pure: no database, no Node
 * API, so the form can use the limits and the size wording too.
 *
 * The type is read from the file's first bytes (and, for the zip-based office formats,
 * from the names inside the archive), never from the name or what the browser claimed:
 * a program renamed to «задание.pdf» is refused.
 */

export const MAX_HOMEWORK_FILES = 5;
/** bytes: every file of one homework together (a server action body is at most 6 MB) */
export const MAX_HOMEWORK_FILES_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 120;

export type FileKind = "pdf" | "png" | "jpeg" | "docx" | "xlsx" | "pptx" | "odt" | "text";

type KindInfo = { mimeType: string; extensions: readonly string[] };

export const FILE_KINDS: Readonly<Record<FileKind, KindInfo>> = {
  pdf: { mimeType: "application/pdf", extensions: ["pdf"] },
  png: { mimeType: "image/png", extensions: ["png"] },
  jpeg: { mimeType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  pptx: { mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"] },
  odt: { mimeType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  text: { mimeType: "text/plain; charset=utf-8", extensions: ["txt", "text", "csv", "md"] },
};

/** What the form and the refusals say may be attached. */
export const ALLOWED_FILES_RU = "PDF, картинки PNG и JPEG, документы Word, Excel и PowerPoint (DOCX, XLSX, PPTX), OpenDocument (ODT) и простой текст (TXT)";

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
}

const latin = (b: Uint8Array, from: number, length: number): string => String.fromCharCode(...b.subarray(from, from + length));

/**
 * The names of the entries of a zip archive, from its central directory; null when the
 * archive is broken. Reads at most 2000 names: an office document has a few dozen.
 */
export function zipEntryNames(b: Uint8Array): string[] | null {
  // the end-of-central-directory record: 22 bytes plus a comment of up to 65535
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= lowest; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  let at = u32(b, eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < Math.min(count, 2000); n++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return null;
    const nameLength = u16(b, at + 28);
    const extra = u16(b, at + 30);
    const comment = u16(b, at + 32);
    if (at + 46 + nameLength > b.length) return null;
    names.push(latin(b, at + 46, nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** An OpenDocument text: its first entry is «mimetype», stored, holding the type. */
function isOdt(b: Uint8Array): boolean {
  const method = u16(b, 8);
  const nameLength = u16(b, 26);
  const extra = u16(b, 28);
  if (method !== 0 || nameLength !== 8 || latin(b, 30, 8) !== "mimetype") return false;
  return latin(b, 30 + 8 + extra, ODT_MIMETYPE.length) === ODT_MIMETYPE;
}

function officeKind(b: Uint8Array): FileKind | null {
  if (isOdt(b)) return "odt";
  const names = zipEntryNames(b);
  if (!names?.includes("[Content_Types].xml")) return null;
  if (names.some((n) => n.startsWith("word/"))) return "docx";
  if (names.some((n) => n.startsWith("xl/"))) return "xlsx";
  if (names.some((n) => n.startsWith("ppt/"))) return "pptx";
  return null;
}

/** Valid UTF-8 with no NUL and no control characters other than tab, line feed, form feed and carriage return. */
function isPlainText(b: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** Text in an old one-byte encoding (Windows-1251): no control bytes, but not UTF-8. */
function looksLikeOtherEncoding(b: Uint8Array): boolean {
  const sample = b.subarray(0, 4096);
  return sample.every((x) => x >= 0x20 || x === 0x09 || x === 0x0a || x === 0x0d) && sample.some((x) => x >= 0x80);
}

/** The file's type from its content, or null when it is none of the allowed ones. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, ZIP)) return officeKind(bytes);
  return isPlainText(bytes) ? "text" : null;
}

/**
 * The name to keep: no folders (a browser on Windows may send «C:\…\лист.pdf»), no
 * control or direction-changing characters, no characters Windows forbids, at most
 * 120 characters with the extension kept, and an extension that matches the content
 * (a PNG named «лист.pdf» is kept as «лист.pdf.png», so it opens as what it is).
 */
export function cleanFileName(raw: string, kind: FileKind): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  let name = base
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .replace(/[. ]+$/, "");
  const info = FILE_KINDS[kind];
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  let stem = dot > 0 ? name.slice(0, dot) : name;
  let suffix = dot > 0 ? name.slice(dot) : "";
  if (!info.extensions.includes(ext)) {
    stem = name;
    suffix = `.${info.extensions[0] ?? "bin"}`;
  }
  if (!stem) stem = "файл";
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  // cut by code points, so a letter is never split in half
  stem = [...stem].slice(0, Math.max(1, room)).join("").trim() || "файл";
  name = `${stem}${suffix}`;
  return name;
}

export type CheckedFile = { fileName: string; mimeType: string; kind: FileKind; size: number };

export type FileCheck = { ok: true; file: CheckedFile } | { ok: false; reason: string };

/** One uploaded file: allowed, with its clean name and true type, or the reason it is not. */
export function checkHomeworkFile(name: string, bytes: Uint8Array): FileCheck {
  const shown = (name.split(/[/\\]/).pop() ?? "").replace(/\p{Cc}/gu, "").slice(0, 60) || "без имени";
  if (bytes.length === 0) return { ok: false, reason: `Файл «${shown}» пустой.` };
  if (bytes.length > MAX_HOMEWORK_FILES_BYTES) {
    return { ok: false, reason: `Файл «${shown}» больше 5 МБ (${formatFileSize(bytes.length)}).` };
  }
  const kind = sniffFileKind(bytes);
  if (!kind && looksLikeOtherEncoding(bytes)) {
    return { ok: false, reason: `Файл «${shown}» похож на текст, но не в кодировке UTF-8. Сохраните его в UTF-8 или в PDF.` };
  }
  if (!kind) return { ok: false, reason: `Файл «${shown}» не принят: такой вид файла прикрепить нельзя. Можно: ${ALLOWED_FILES_RU}.` };
  return { ok: true, file: { fileName: cleanFileName(name, kind), mimeType: FILE_KINDS[kind].mimeType, kind, size: bytes.length } };
}

/** «820 байт», «120 КБ», «1,2 МБ»: how a file's size is written next to its name. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} байт`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} КБ`;
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${mb.toLocaleString("ru-RU")} МБ`;
}

/**
 * The Content-Disposition of a download: the real (Cyrillic) name for browsers that read
 * filename* (RFC 6266 / 5987) and a Latin stand-in for the rest.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
