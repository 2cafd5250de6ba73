import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

test.describe("the school year and its calendar", () => {
  test("the administrator creates a year, adds quarters and a holiday for grade 1", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/calendar");
    await expect(page.getByRole("heading", { level: 1, name: "Учебный год и календарь" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Учебные годы" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Название", { exact: true }).fill("2030/2031");
    await page.getByLabel("Дата начала", { exact: true }).fill("01.09.2030");
    await page.getByLabel("Дата окончания", { exact: true }).fill("31.08.2031");
    await page.getByLabel("Скопировать календарь из года").selectOption({ label: "Не копировать — начать с пустого календаря" });
    await page.getByRole("button", { name: "Создать учебный год" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Учебный год 2030/2031" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Учебный год создан." })).toBeVisible();
    await expect(page.getByText("Периодов пока нет.")).toBeVisible();

    // quarters for grades 1–9 from the ready-made set
    await page.getByLabel("Набор", { exact: true }).selectOption("QUARTER");
    await page.getByRole("button", { name: "Добавить набор" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Периоды добавлены." })).toBeVisible();
    const periods = page.getByRole("table", { name: "Отчётные периоды года 2030/2031" });
    await expect(periods.getByRole("rowheader", { name: "1 четверть" })).toBeVisible();
    await expect(periods.getByRole("row", { name: /4 четверть/ })).toContainText("01.04.2031 — 26.05.2031");

    // a holiday outside the year is refused with a clear message, and nothing is added
    const holidays = page.getByRole("region", { name: "Каникулы и нерабочие дни", exact: true });
    await holidays.getByLabel("Название каникул или нерабочего дня").fill("Дополнительные каникулы для 1 класса");
    await holidays.getByLabel("Первый день").fill("16.02.2032");
    await holidays.getByRole("button", { name: "Добавить", exact: true }).click();
    await expect(holidays.getByRole("alert")).toContainText("выходят за границы учебного года");
    await expect(holidays.getByText("Каникул и нерабочих дней пока нет.")).toBeVisible();

    await holidays.getByLabel("Название каникул или нерабочего дня").fill("Дополнительные каникулы для 1 класса");
    await holidays.getByLabel("Первый день").fill("16.02.2031");
    await holidays.getByLabel("Последний день").fill("22.02.2031");
    await holidays.getByLabel("Для классов с").fill("1");
    await holidays.getByLabel("Для классов по").fill("1");
    await holidays.getByRole("button", { name: "Добавить", exact: true }).click();
    await expect(holidays.getByRole("status").filter({ hasText: "Добавлено." })).toBeVisible();
    const row = page.getByRole("table", { name: "Каникулы и нерабочие дни года 2030/2031" }).getByRole("row", { name: /Дополнительные каникулы для 1 класса/ });
    await expect(row).toContainText("16.02.2031 — 22.02.2031");
    await expect(row).toContainText("каникулы");
    await expect(row.getByRole("button", { name: "Удалить «Дополнительные каникулы для 1 класса»" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the year page fits a narrow screen (200 % zoom)", async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 900 });
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/calendar");
    await page.getByRole("link", { name: /^Открыть учебный год / }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: /^Учебный год / })).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
