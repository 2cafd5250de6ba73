/**
 * Final marks and the summary sheet in the demo school (issue 4, items 5 and 6): the
 * teacher of 5А opens the closed first quarter of maths read-only, sees how an average
 * was counted, and opens the class's summary sheet with its statistics; in 9А (grade 9,
 * where the state exam applies) the teacher sets a year mark, enters an exam mark and
 * confirms the final (итоговая) mark it suggests.
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

  test("the teacher of 9А algebra enters an exam mark and confirms the final mark", async ({ page }) => {
    await signIn(page, "teacher");
    await page.goto("/journal/finals");
    await page.getByRole("link", { name: /^9А — Алгебра \(/ }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Итоговые отметки: 9А, Алгебра" })).toBeVisible();
    await page.getByRole("navigation", { name: "Периоды" }).getByRole("link", { name: "Учебный год", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Экзамен и итоговая отметка" })).toBeVisible();
    const yearTable = page.getByRole("table", { name: "Итоговые отметки, Учебный год" });
    const examTable = page.getByRole("table", { name: "Экзамен и итоговая отметка, Алгебра" });
    await expect(examTable.getByRole("columnheader", { name: "Экзамен", exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // the first student: a year mark of 4 (with a reason if the suggestion is another one)
    const name = ((await examTable.getByRole("rowheader").first().textContent()) ?? "").trim();
    expect(name).not.toBe("");
    const rowOf = (table: typeof yearTable) => table.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
    const yearRow = rowOf(yearTable);
    const suggested = ((await yearRow.getByRole("cell").nth(2).locator("strong").textContent()) ?? "").trim();
    await yearRow.getByRole("combobox", { name: `Отметка для ученика ${name}` }).selectOption("4");
    if (suggested !== "4") await yearRow.getByRole("textbox", { name: `Причина для ученика ${name}` }).fill("Проверка итоговых отметок");
    await yearRow.getByRole("button", { name: `Сохранить для ученика ${name}` }).click();
    await expect(yearRow.getByRole("status")).toHaveText(`Сохранено: ${name} — «4».`);

    // the exam: 5; the final suggested is (4 + 5) / 2 = 4,5 → 5
    const examRow = rowOf(examTable);
    await expect(examRow.getByRole("cell").first()).toHaveText("4");
    await examRow.getByRole("combobox", { name: `Экзаменационная отметка для ученика ${name}` }).selectOption("5");
    await examRow.getByRole("button", { name: `Сохранить экзамен для ученика ${name}` }).click();
    await expect(examRow.getByRole("status")).toHaveText(`Экзамен сохранён: ${name} — «5».`);
    await expect(examRow.getByRole("cell").nth(2)).toContainText("5");
    await expect(examRow.getByRole("cell").nth(2)).toContainText("среднее годовой и экзаменационной");

    // confirmed as suggested: no reason asked
    const finalSelect = examRow.getByRole("combobox", { name: `Итоговая отметка для ученика ${name}` });
    await expect(finalSelect).toHaveValue("5");
    await expect(examRow.getByRole("textbox")).toHaveCount(0);
    await examRow.getByRole("button", { name: `Сохранить для ученика ${name}` }).click();
    await expect(examRow.getByRole("status").last()).toHaveText(`Итоговая отметка сохранена: ${name} — «5».`);
    await expect(examRow.getByRole("cell").nth(3)).toHaveText("5");
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 640, height: 900 });
    await expectNoHorizontalScroll(page);
  });
});
