/**
 * Subjects and a class's curriculum in a real browser, on the demo school: a subject is
 * added; a curriculum line with bad hours is refused with the field named, then saved.
 */
import { test, expect, expectNoAxeViolations, signIn } from "./fixtures";

test("the administrator adds a subject and a curriculum line with half an hour a week", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/curriculum");
  await expect(page.getByRole("heading", { level: 1, name: "Предметы и учебный план" })).toBeVisible();
  await expectNoAxeViolations(page);

  const subject = page.locator("form#subject");
  await subject.getByRole("button", { name: "Добавить предмет" }).click();
  await expect(subject.getByRole("alert")).toContainText("Проверьте поля");
  await expect(subject.getByText("Введите название предмета.")).toBeVisible();
  await expect(subject.getByLabel("Название предмета")).toHaveAttribute("aria-invalid", "true");

  await subject.getByLabel("Название предмета").fill("Черчение");
  await subject.getByLabel("Краткое название").fill("Черч.");
  await subject.getByLabel("Вид").selectOption({ label: "Курс" });
  await subject.getByRole("button", { name: "Добавить предмет" }).click();
  await expect(subject.getByRole("status")).toContainText("Предмет «Черчение» добавлен.");
  await expect(page.getByRole("table", { name: "Предметы, курсы и коррекционные курсы школы" })).toContainText("Черчение");

  await page.getByRole("link", { name: "Учебный план 5А", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Учебный план: 5А" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Учебный план 5А" })).toContainText("Математика");
  await expectNoAxeViolations(page);

  const line = page.locator("form#line");
  await line.getByLabel("Предмет").selectOption({ label: "Черчение" });
  await line.getByLabel("Часов в неделю").fill("полчаса");
  await line.getByRole("button", { name: "Добавить строку" }).click();
  await expect(line.getByText("Часы в неделю: число от 0,5 до 40, например 2 или 0,5.")).toBeVisible();
  await expect(line.getByLabel("Часов в неделю")).toHaveAttribute("aria-invalid", "true");

  await line.getByLabel("Часов в неделю").fill("0,5");
  await line.getByRole("button", { name: "Добавить строку" }).click();
  await expect(line.getByRole("status")).toContainText("Строка учебного плана добавлена.");
  await expect(page.getByRole("row", { name: /Черчение/ })).toContainText("0,5");
  await expectNoAxeViolations(page);
});
