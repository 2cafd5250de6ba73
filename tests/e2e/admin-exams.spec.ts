/**
 * Exam results (R6) in the browser: the administrator enters the year's scale, uploads
 * the exam centre's file (a bad one changes nothing and names the rows; a good one is
 * previewed, then loaded and published), sees on the 24-hour screen whether each family
 * was told; the family sees the result in the diary at once. The students are the demo
 * school's own (generated names): a ninth-grader from the school's student export, and
 * the demo parent's child as the page names it.
 */
import type { Page } from "@playwright/test";

import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

type Row = Record<string, string>;

/** The school's students as the administrator's export gives them. */
async function students(page: Page): Promise<Row[]> {
  const res = await page.request.get("/api/admin/export/students?format=csv");
  expect(res.ok()).toBe(true);
  const [head, ...lines] = (await res.text()).replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "").map((l) => l.split(";"));
  return lines.map((cells) => Object.fromEntries((head ?? []).map((h, i) => [h, cells[i] ?? ""])));
}

const fullName = (r: Row) => [r["Фамилия"], r["Имя"], r["Отчество"]].filter(Boolean).join(" ");
const shortName = (r: Row) => [r["Фамилия"], ...[r["Имя"], r["Отчество"]].filter(Boolean).map((s) => `${s?.charAt(0)}.`)].join(" ");

const HEAD = "Экзамен;Дата экзамена;Фамилия;Имя;Отчество;Дата рождения;Предмет;Первичный балл";
function file(name: string, rows: string[]) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[HEAD, ...rows].join("\r\n")}\r\n`, "utf8") };
}
const row = (s: Row, subject: string, score: number, day: string) => `ОГЭ;${day};${s["Фамилия"]};${s["Имя"]};${s["Отчество"]};${s["Дата рождения"]};${subject};${score}`;

test("an administrator enters a scale, loads an exam file all or nothing, and the family sees the result at once", async ({ page, browser }) => {
  const today = new Intl.DateTimeFormat("ru-RU", { timeZone: "Asia/Yekaterinburg", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
  // the browser's date-and-time field in the school's zone, «2026-06-06T10:00», a day from now
  const local = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Yekaterinburg", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const fieldValue = (at: Date) => {
    const get = (type: string) => local.formatToParts(at).find((x) => x.type === type)?.value ?? "";
    return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
  };

  // the demo parent's first child, as the diary names them
  const familyContext = await browser.newContext();
  const family = await familyContext.newPage();
  await signIn(family, "parent");
  await family.goto("/diary/results");
  const whose = (await family.getByText(/^Ученик: /).first().textContent()) ?? "";
  const [, childName = "", childClass = ""] = /^Ученик: (.+), класс (.+)$/.exec(whose.trim()) ?? [];
  expect(childName).not.toBe("");

  await signIn(page, "admin");
  await page.goto("/admin/exams");
  await expect(page.getByRole("heading", { level: 1, name: "Экзамены" })).toBeVisible();
  const all = await students(page);
  const ninth = all.find((r) => r["Класс"] === "9А");
  const child = all.find((r) => fullName(r) === childName && r["Класс"] === childClass);
  if (!ninth || !child) throw new Error("the demo school has no 9А student or the parent's child is not in the export");

  // the scale: a wrong order is named next to its field; the right one is saved
  const maths = page.getByRole("group", { name: "Математика", exact: true });
  await maths.getByLabel("Максимальный балл").fill("31");
  await maths.getByLabel("«3» от").fill("15");
  await maths.getByLabel("«4» от").fill("8");
  await maths.getByLabel("«5» от").fill("22");
  await maths.getByRole("button", { name: "Сохранить шкалу: Математика" }).click();
  await expect(maths.getByText("Балл для «4» не может быть меньше балла для «3».")).toBeVisible();
  await expect(maths.getByLabel("«4» от")).toHaveAttribute("aria-invalid", "true");
  await maths.getByLabel("«3» от").fill("8");
  await maths.getByLabel("«4» от").fill("15");
  await maths.getByRole("button", { name: "Сохранить шкалу: Математика" }).click();
  await expect(maths.getByText("Шкала сохранена.")).toBeVisible();
  await expect(maths.getByText("сейчас: максимум 31, «3» от 8, «4» от 15, «5» от 22")).toBeVisible();

  // a file with mistakes: nothing is loaded, each bad row is named
  const upload = page.getByLabel("Файл с результатами", { exact: true });
  await upload.setInputFiles(file("oge-bad.csv", [row(ninth, "Математика", 18, today), row(ninth, "Астрономия", 18, today), row(child, "Математика", 40, today)]));
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByRole("heading", { name: "В файле есть ошибки — ничего не загружено" })).toBeVisible();
  const errors = page.getByRole("table", { name: "Ошибки в файле «oge-bad.csv»" });
  await expect(errors).toContainText("Предмета «Астрономия» в школе нет.");
  await expect(errors).toContainText("Балл больше максимального: ОГЭ по предмету «Математика» — не больше 31.");
  await expectNoAxeViolations(page);
  await expect(page.getByRole("table", { name: "Результаты экзаменов и оповещение семей" })).toHaveCount(0);

  // the time the school received the file: now by default; a time not yet come is refused next to the field
  const received = page.getByLabel("Когда школа получила файл от РЦОИ");
  await expect(received).not.toHaveValue("");
  await received.fill(fieldValue(new Date(Date.now() + 24 * 3_600_000)));
  await upload.setInputFiles(file("oge-9a.csv", [row(ninth, "Математика", 18, today), row(child, "математика", 23, today)]));
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByText(/Это время ещё не наступило/).first()).toBeVisible();
  await expect(received).toHaveAttribute("aria-invalid", "true");

  // the good file: first what will change, then loaded on confirmation
  await received.fill(fieldValue(new Date()));
  await upload.setInputFiles(file("oge-9a.csv", [row(ninth, "Математика", 18, today), row(child, "математика", 23, today)]));
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByRole("heading", { name: "Файл проверен: ошибок нет" })).toBeVisible();
  await expect(page.getByText("Школа получила файл:", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Будет добавлено: 2, изменено: 0, без изменений: 0.", { exact: false })).toBeVisible();
  const preview = page.getByRole("table", { name: "Что изменится после загрузки «oge-9a.csv»" });
  await expect(preview).toContainText(fullName(ninth));
  await expect(preview).toContainText("18 из 31");
  await expect(preview).toContainText("добавится");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Загрузить и опубликовать" }).click();
  await expect(page.getByRole("heading", { name: "Результаты загружены и опубликованы" })).toBeVisible();
  await expect(page.getByText("Добавлено: 2, изменено: 0, без изменений: 0.", { exact: false })).toBeVisible();

  // the 24-hour screen lists both results with the time received and published
  const monitor = page.getByRole("table", { name: "Результаты экзаменов и оповещение семей" });
  await expect(monitor).toContainText(shortName(ninth));
  await expect(monitor).toContainText(shortName(child));
  await expect(monitor.getByRole("rowheader").filter({ hasText: shortName(child) })).toContainText("23/31, «5»");
  await expectNoAxeViolations(page);

  // the same file again changes nothing
  await received.fill(fieldValue(new Date()));
  await upload.setInputFiles(file("oge-9a.csv", [row(ninth, "Математика", 18, today), row(child, "математика", 23, today)]));
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByText("Будет добавлено: 0, изменено: 0, без изменений: 2.", { exact: false })).toBeVisible();

  // only the problems, by the filter
  await page.getByLabel("Показать только проблемы").check();
  await page.getByRole("button", { name: "Показать", exact: true }).click();
  await expect(page).toHaveURL(/problems=1/);
  await expect(page.getByLabel("Показать только проблемы")).toBeChecked();

  // the family sees the published result in the diary
  await family.goto("/diary/results");
  const exams = family.getByRole("region", { name: "Экзамены: ОГЭ, ГВЭ, профессиональное обучение" });
  await expect(exams).toContainText("ОГЭ, Математика — отметка «5»");
  await expect(exams).toContainText("первичный балл 23 из 31");
  await expect(exams).toContainText("опубликовано");
  await expectNoAxeViolations(family);
  await familyContext.close();
});

test("at 200 % zoom the exams page needs no sideways scrolling", async ({ page }) => {
  await signIn(page, "admin");
  await page.setViewportSize({ width: 640, height: 800 });
  await page.goto("/admin/exams");
  await expect(page.getByRole("heading", { level: 1, name: "Экзамены" })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
