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

test("the lesson page works at 200 % zoom without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await openEditableLesson(page);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});
