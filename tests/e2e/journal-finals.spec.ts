/**
 * Final marks and the summary sheet in the demo school (issue 4, items 5 and 6): the
 * teacher of 5А opens the closed first quarter of maths read-only, sees how an average
 * was counted, and opens the class's summary sheet with its statistics.
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

test.describe("final marks", () => {
  test("the teacher views the closed first quarter of maths in 5А", async ({ page }) => {
    await signIn(page, "teacher");
    await page.goto("/journal/finals");
    await expect(page.getByRole("heading", { level: 1, name: "Итоговые отметки и сводные ведомости" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: /^5А — Математика \(/ }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Итоговые отметки: 5А, Математика" })).toBeVisible();
    await page.getByRole("navigation", { name: "Периоды" }).getByRole("link", { name: "1 четверть", exact: true }).click();
    await expect(page.getByRole("link", { name: "1 четверть", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("1 четверть: период закрыт, отметки можно только посмотреть.", { exact: false })).toBeVisible();

    const table = page.getByRole("table", { name: "Итоговые отметки, 1 четверть" });
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Предложено" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Итоговая" })).toBeVisible();
    expect(await table.getByRole("rowheader").count()).toBeGreaterThan(0);
    // a closed period has no forms
    await expect(page.getByRole("button", { name: "Сохранить" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Принять все предложенные" })).toHaveCount(0);

    const how = table.getByText("Как посчитано").first();
    await how.click();
    await expect(table.getByText(/^\(.+\) \/ [\d,]+ = \d,\d\d$/).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 640, height: 900 });
    await expectNoHorizontalScroll(page);
  });

  test("the summary sheet of 5А shows marks and the class statistics", async ({ page }) => {
    await signIn(page, "teacher");
    await page.goto("/journal/finals");
    await page.getByRole("link", { name: /^5А \(/ }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Сводная ведомость: 5А" })).toBeVisible();
    const table = page.getByRole("table", { name: "Сводная ведомость 5А: итоговые отметки и показатели класса" });
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Математика", exact: true })).toBeVisible();
    for (const name of ["Абсолютная успеваемость, %", "Качество знаний, %", "Средний балл", "СОУ, %"]) {
      await expect(table.getByRole("rowheader", { name, exact: true })).toBeVisible();
    }
    // the first quarter is confirmed in the seed: its statistics are numbers, not dashes
    const success = table.getByRole("row", { name: /^Абсолютная успеваемость, %/ });
    await expect(success.getByRole("cell", { name: /^\d{1,3},\d$/ }).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Как считаются показатели" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 640, height: 900 });
    await expectNoHorizontalScroll(page);
  });
});
