/**
 * The family's diary in the demo school (issue 5, items 1–3): the parent of two children
 * sees the week, switches to the other child, walks to the next week and back, jumps to a
 * date, opens the marks by subject and one subject with its formula and forecast — each
 * screen scanned by axe and, at 200 % zoom (640 CSS px), without sideways scrolling.
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

test.describe("the family's diary", () => {
  test("the parent reads the week, the marks and one subject's forecast", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, "parent");
    await page.goto("/diary");
    await expect(page.getByRole("heading", { level: 1, name: /^Дневник: / })).toBeVisible();
    const days = page.getByRole("navigation", { name: "Дни недели" }).getByRole("link");
    await expect(days).toHaveCount(6);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // the other child: the one in 5А
    const switcher = page.getByRole("navigation", { name: "Чей дневник" });
    await switcher.getByRole("link", { name: /5А/ }).click();
    await expect(switcher.getByRole("link", { name: /5А/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("класс 5А", { exact: true })).toBeVisible();
    const thisWeek = new URL(page.url()).searchParams.get("week") ?? "";
    expect(thisWeek).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // the week before: a school week of 5А has lessons, each with its heading
    await page.getByRole("link", { name: "← Предыдущая неделя" }).click();
    await expect(page).not.toHaveURL(new RegExp(`week=${thisWeek}`));
    const previous = new URL(page.url()).searchParams.get("week") ?? "";
    expect(previous).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole("heading", { level: 3, name: /-й урок/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    // next week twice and back again; the child stays chosen
    await page.getByRole("link", { name: "Следующая неделя →" }).click();
    await expect(page).toHaveURL(new RegExp(`week=${thisWeek}`));
    await page.getByRole("link", { name: "Следующая неделя →" }).click();
    await expect(page).not.toHaveURL(new RegExp(`week=${thisWeek}`));
    await page.getByRole("link", { name: "← Предыдущая неделя" }).click();
    await expect(page).toHaveURL(new RegExp(`week=${thisWeek}`));
    await expect(switcher.getByRole("link", { name: /5А/ })).toHaveAttribute("aria-current", "page");

    // jump to a date: the week of that day
    await page.getByLabel("Перейти к дате").fill(previous);
    await page.getByRole("button", { name: "Показать" }).click();
    await expect(page).toHaveURL(new RegExp(`week=${previous}`));
    await expect(switcher.getByRole("link", { name: /5А/ })).toHaveAttribute("aria-current", "page");

    // marks by subject
    await page.getByRole("link", { name: "Все оценки по предметам" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Оценки: / })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Период" }).getByRole("link", { name: "2 четверть" })).toHaveAttribute("aria-current", "page");
    const maths = page.getByRole("region", { name: "Математика" });
    await expect(maths.getByText(/^Формула: \(.+\) \/ [\d,]+ = \d,\d\d$/)).toBeVisible();
    await expect(maths.getByText("Прогноз", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // one subject: every mark in a table, the formula and the forecast
    await maths.getByRole("link", { name: "Подробнее: Математика" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Математика: оценки" })).toBeVisible();
    const table = page.getByRole("table", { name: "Все отметки: Математика, 2 четверть" });
    await expect(table.getByRole("columnheader", { name: "Вес" })).toBeVisible();
    expect(await table.getByRole("rowheader").count()).toBeGreaterThan(0);
    await expect(page.getByText(/^Формула: \(.+\) \/ [\d,]+ = \d,\d\d$/)).toBeVisible();
    await expect(page.getByText(/^Прогноз (пока неточный|примерный|надёжный): /)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Домашние задания по предмету" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 640, height: 800 });
    await expectNoHorizontalScroll(page);
    await page.getByRole("link", { name: "← Все предметы" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Оценки: / })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.goto("/diary");
    await expectNoHorizontalScroll(page);
  });

  test("a link followed while the week is still loading opens the marks without a page error", async ({ page }) => {
    // the layout's menu once hydrated after the next page's address was set, and its
    // «Раздел: …» did not match (React #418, seen in CI): slowed scripts make the click
    // land while the page is hydrating; the fixture fails the test on any page error
    await signIn(page, "parent");
    await page.goto("/diary");
    await expect(page.getByRole("heading", { level: 1, name: /^Дневник: / })).toBeVisible();
    for (const delay of [150, 300, 450]) {
      await page.route(/_next\/static\/chunks/, async (route) => {
        await new Promise((r) => setTimeout(r, delay));
        await route.continue();
      });
      await page.getByRole("button", { name: "Показать" }).click();
      await page.getByRole("link", { name: "Все оценки по предметам" }).click();
      await expect(page.getByRole("heading", { level: 1, name: /^Оценки: / })).toBeVisible();
      await page.unrouteAll({ behavior: "wait" });
      await page.goBack();
      await expect(page.getByRole("heading", { level: 1, name: /^Дневник: / })).toBeVisible();
    }
  });

  test("another family's child is not found by changing the address", async ({ page }) => {
    await signIn(page, "parent");
    // asked with the parent's session, outside the page: a 404 page would log its status as a console error
    for (const path of ["/diary", "/diary/marks"]) {
      const response = await page.request.get(`${path}?child=00000000-0000-7000-8000-000000000000`);
      expect(response.status()).toBe(404);
    }
  });
});
