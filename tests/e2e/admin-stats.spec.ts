/**
 * The statistics of the demo school in a real browser: the administrator reads the
 * latest ended term for the whole school (a chart beside each table), switches to one
 * class, and downloads the term report as PDF and XLSX; the page passes axe and does not
 * scroll sideways at 640 CSS pixels (200 % zoom). A teacher sees only their own classes
 * and subjects, and cannot download another class's report.
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
  // the same note as the PDF and the XLSX: subject rows count marks, the total counts students
  await expect(page.getByText(/^В строке предмета каждая итоговая отметка — один учащийся\. В строке «Итого» N — учащиеся класса/)).toBeVisible();
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

test("a teacher sees the statistics of their own classes only, and no other class's report", async ({ page }) => {
  // 7Б: the demo `teacher` (maths in 5А, 6А and 9А, leads 5А) neither teaches nor leads it
  await signIn(page, "admin");
  await page.goto("/admin/stats");
  const period = await page.getByLabel("Период").inputValue();
  const other = (await page.getByLabel("Что показать").locator("option", { hasText: "Класс: 7Б" }).getAttribute("value")) ?? "";
  const own = (await page.getByLabel("Что показать").locator("option", { hasText: "Класс: 5А" }).getAttribute("value")) ?? "";
  expect(other).toMatch(/^class:/);
  await page.context().clearCookies();

  await signIn(page, "teacher");
  await page.goto("/journal");
  await page.getByRole("link", { name: "Статистика моих классов и предметов" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Статистика" })).toBeVisible();
  await expect(page.getByText("Вы видите только свои классы и предметы.")).toBeVisible();
  const choices = await page.getByLabel("Что показать").locator("option").allTextContents();
  const classes = choices.filter((x) => x.startsWith("Класс: "));
  expect(classes).toEqual(expect.arrayContaining(["Класс: 5А", "Класс: 6А"]));
  expect(classes).not.toContain("Класс: 7Б");
  expect(classes).not.toContain("Класс: 1А");
  // chemistry is taught only in 8А and 9А, by another teacher; no other teacher to choose
  expect(choices).not.toContain("Предмет: Химия");
  expect(choices.filter((x) => x.startsWith("Учитель: "))).toHaveLength(1);
  await expect(page.getByRole("table", { name: "Успеваемость по классам" })).toBeVisible();
  await expectNoAxeViolations(page);

  const url = (show: string) => `/api/stats/term-report?format=pdf&period=${period}&view=class&id=${show.replace(/^class:/, "")}`;
  const refused = await page.request.get(url(other));
  expect(refused.status()).toBe(404);
  expect(await refused.text()).toContain("Класс не найден в этом году или недоступен вам.");
  const mine = await page.request.get(url(own));
  expect(mine.status()).toBe(200);
  expect(mine.headers()["content-type"]).toBe("application/pdf");
});
