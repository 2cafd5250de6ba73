/**
 * The demo school's year is rolled over in the browser. It closes the year for good, so
 * this file runs after every other test of the demo school (project "after-all").
 */
import { test, expect, expectNoAxeViolations, signIn } from "./fixtures";

test("the administrator rolls the demo school over to the next year; the old year becomes read-only", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/rollover");
  const heading = page.getByRole("heading", { level: 2, name: /^Перевод из учебного года/ });
  const [, oldYear] = /из учебного года (\d{4}\/\d{4})/.exec(await heading.innerText()) ?? [];
  expect(oldYear).toBeTruthy();

  await page.getByRole("table", { name: "5А → 6А" }).getByRole("combobox").first().selectOption({ label: "остаётся на второй год" });
  await page.getByRole("checkbox", { name: /Я проверил\(а\) список/ }).check();
  await page.getByRole("button", { name: "Выполнить перевод" }).click();
  await expect(page.getByRole("heading", { name: "Перевод выполнен" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Оставлено на второй год: 1\./)).toBeVisible();
  await expect(page.getByText(/Выпущено: [1-9]/)).toBeVisible();
  await expectNoAxeViolations(page);

  // the next rollover offered starts from the new year, not the closed one
  await page.goto("/admin/rollover");
  await expect(heading).not.toContainText(`из учебного года ${oldYear ?? ""} `);

  // the closed year is listed as read-only in the calendar
  await page.goto("/admin/calendar");
  await expect(page.getByRole("table", { name: "Учебные годы" }).getByRole("row", { name: new RegExp(oldYear ?? "-") })).toContainText("закрыт — только просмотр");
});
