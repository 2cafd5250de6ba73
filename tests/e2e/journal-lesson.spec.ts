import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";

import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, formAlert, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });

/** From the teacher's journal list to the first lesson of the current period that can be edited. */
async function openEditableLesson(page: Page): Promise<void> {
  await signIn(page, "teacher");
  await page.goto("/journal");
  await page.getByRole("link", { name: "5А, Математика", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Журнал: 5А, Математика" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Уроки периода" })).toBeVisible();
  const table = page.getByRole("table", { name: /^Уроки периода: 5А, Математика/ });
  const links = table.getByRole("link", { name: /^Открыть урок/ });
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  const hrefs: string[] = [];
  for (let i = 0; i < count; i++) hrefs.push((await links.nth(i).getAttribute("href")) ?? "");
  // a cancelled or moved lesson has no topic form: take the first one that has it
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1, name: /^Урок: 5А, Математика, \d{1,2} [а-яё]+, \d+-й урок$/ })).toBeVisible();
    if (await page.getByLabel("Тема урока", { exact: true }).isVisible()) return;
  }
  throw new Error("no editable lesson in the current period");
}

test("a teacher sets the topic, gives homework and writes a recommendation on the lesson page", async ({ page }) => {
  await openEditableLesson(page);
  const stamp = Date.now().toString().slice(-6);

  await page.getByLabel("Тема урока", { exact: true }).fill(`Сложение дробей ${stamp}`);
  await page.getByLabel("Тип урока", { exact: true }).selectOption({ label: "Самостоятельная работа" });
  await page.getByLabel("Урок проведён").check();
  await page.getByRole("button", { name: "Сохранить урок" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Урок сохранён." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Тема урока", { exact: true })).toHaveValue(`Сложение дробей ${stamp}`);

  // a homework without text is refused with the field named, nothing added
  await page.getByRole("button", { name: "Задать на дом" }).click();
  await expect(formAlert(page).filter({ hasText: "Проверьте поля" })).toBeVisible();
  await expect(page.getByText("Что задано: напишите задание.")).toBeVisible();

  await page.getByLabel("Что задано").fill(`№ 214, 215 (${stamp})`);
  await expect(page.getByLabel("Для кого")).toHaveValue("");
  await page.getByRole("button", { name: "Задать на дом" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Домашнее задание добавлено." })).toBeVisible();
  const homework = page.getByRole("table", { name: "Домашнее задание, заданное на уроке" });
  await expect(homework.getByRole("row", { name: new RegExp(`№ 214, 215 \\(${stamp}\\)`) })).toContainText("Весь класс");

  const student = page.getByLabel("Ученик", { exact: true });
  const firstStudent = (await student.locator("option").nth(1).textContent()) ?? "";
  await student.selectOption({ index: 1 });
  await page.getByLabel("Рекомендация", { exact: true }).fill(`Читать условие задачи вслух ${stamp}`);
  await page.getByRole("button", { name: "Добавить рекомендацию" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Рекомендация добавлена." })).toBeVisible();
  const recs = page.getByRole("table", { name: "Рекомендации ученикам класса, сначала новые" });
  await expect(recs.getByRole("row", { name: new RegExp(`Читать условие задачи вслух ${stamp}`) })).toContainText(firstStudent);

  await expectNoAxeViolations(page);
});

test("a teacher attaches a PDF to homework, sees it listed and downloads it; a program is refused", async ({ page }) => {
  await openEditableLesson(page);
  const stamp = Date.now().toString().slice(-6);
  const pdf = Buffer.from(`%PDF-1.4\n% Лист задания ${stamp}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
  const files = page.getByLabel("Файлы (можно не прикреплять)");

  // a program named like a PDF: refused with the file named, nothing added
  await page.getByLabel("Что задано").fill(`С программой ${stamp}`);
  await files.setInputFiles({ name: "задание.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0xff, 0xff]) });
  await page.getByRole("button", { name: "Задать на дом" }).click();
  await expect(formAlert(page).filter({ hasText: "файл не принят" })).toBeVisible();
  await expect(page.getByText(/Файл «задание\.pdf» не принят/)).toBeVisible();
  const homework = page.getByRole("table", { name: "Домашнее задание, заданное на уроке" });
  await expect(homework.getByRole("row", { name: new RegExp(`С программой ${stamp}`) })).toHaveCount(0);

  await page.getByLabel("Что задано").fill(`Решить по листу ${stamp}`);
  await files.setInputFiles({ name: "Лист задания.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Задать на дом" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Домашнее задание добавлено." })).toBeVisible();
  const row = homework.getByRole("row", { name: new RegExp(`Решить по листу ${stamp}`) });
  const link = row.getByRole("link", { name: `Лист задания.pdf, ${pdf.length} байт` });
  await expect(link).toBeVisible();

  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Лист задания.pdf");
  expect((await readFile(await download.path())).equals(pdf)).toBe(true);
  await expectNoAxeViolations(page);
});

test("the thematic plan: paste three topics, check, save, fill the lessons, see a topic in the journal", async ({ page }) => {
  await openEditableLesson(page);
  await page.getByRole("link", { name: "Тематическое планирование" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Тематическое планирование: 5А, Математика" })).toBeVisible();
  // the demo school comes with a plan for 5А maths
  const saved = page.getByRole("table", { name: "Тематическое планирование: 5А, Математика" });
  await expect(saved.getByRole("row", { name: /Входная контрольная работа/ })).toContainText("Контрольная работа");

  const stamp = Date.now().toString().slice(-6);
  const plan = [`Раздел 1. Проба ${stamp}`, `1. Сложение дробей ${stamp} (2 ч)`, `2. Вычитание дробей ${stamp}`, `3. Самостоятельная работа ${stamp}`].join("\n");
  await page.getByLabel("План, одна тема в строке").fill(plan);
  await page.getByRole("button", { name: "Проверить, как прочитан план" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Прочитано 3 темы, 4 ч." })).toBeVisible();
  await expect(page.getByText("Строка 1 пропущена: заголовок раздела.")).toBeVisible();
  const preview = page.getByRole("table", { name: "План, как он будет сохранён" });
  await expect(preview.getByRole("row", { name: new RegExp(`Самостоятельная работа ${stamp}`) })).toContainText("Самостоятельная работа");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Сохранить план" }).click();
  await expect(page.getByRole("status").filter({ hasText: "План сохранён: 3 темы, 4 ч." })).toBeVisible();
  await expect(saved.getByRole("row")).toHaveCount(4);

  // from today: the lessons ahead have no topic yet
  const today = new Intl.DateTimeFormat("ru-RU", { timeZone: "Asia/Yekaterinburg", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
  await page.getByLabel("Начиная с даты").fill(today);
  await page.getByRole("button", { name: "Заполнить темы уроков из плана" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Темы записаны в 4 урока." })).toBeVisible();

  await page.getByRole("link", { name: "Вернуться к журналу" }).click();
  const lessons = page.getByRole("table", { name: /^Уроки периода: 5А, Математика/ });
  await expect(lessons.getByRole("row", { name: new RegExp(`Сложение дробей ${stamp}`) })).toHaveCount(2);
  await expect(lessons.getByRole("row", { name: new RegExp(`Самостоятельная работа ${stamp}`) })).toContainText("Самостоятельная работа");
});

test("the lesson page works at 200 % zoom without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await openEditableLesson(page);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Тематическое планирование" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Тематическое планирование: 5А, Математика" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});
