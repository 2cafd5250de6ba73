/**
 * The statistics of the demo school in a real browser: the administrator reads the
 * latest ended term for the whole school (a chart beside each table), switches to one
 * class, and downloads the term report as PDF and XLSX; the page passes axe and does not
 * scroll sideways at 640 CSS pixels (200 % zoom).
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

test("the administrator reads the term statistics, opens a class and downloads the report", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/stats");
  await expect(page.getByRole("heading", { level: 1, name: "Статистика" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /вся школа$/ })).toBeVisible();

  const byClass = page.getByRole("table", { name: "Успеваемость по классам" });
  await expect(byClass).toBeVisible();
  await expect(byClass.getByRole("rowheader", { name: "5А", exact: true })).toBeVisible();
  await expect(byClass.getByRole("rowheader", { name: "Всего по школе" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Диаграмма «Успеваемость по классам»: доли итоговых отметок/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Выполнение учебного плана по классам" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Диаграмма «Выполнение учебного плана по классам»/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Пропуски уроков по классам" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Что показать").selectOption({ label: "Класс: 5А" });
  await page.getByRole("button", { name: "Показать", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: /класс 5А$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Успеваемость по предметам" }).getByRole("rowheader", { name: "Математика" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Выполнение учебного плана по предметам" })).toContainText("Математика");
  await expect(page.getByRole("table", { name: "Пропуски уроков по учащимся" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 640, height: 900 });
  await expectNoHorizontalScroll(page);

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Отчёт за период (PDF)" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^otchet-.*-класс-5А\.pdf$/);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Таблицы (XLSX)" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^otchet-.*-класс-5А\.xlsx$/);
});

test("a bad address gets a clear Russian answer, not a report", async ({ page }) => {
  await signIn(page, "admin");
  const res = await page.request.get("/api/stats/term-report?format=doc&period=nope");
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("Формат файла: pdf или xlsx.");
});
