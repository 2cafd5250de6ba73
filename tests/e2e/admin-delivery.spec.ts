/**
 * The administrator's view of what was sent to families (issue 6, item 7): counts by
 * state, filters that keep to the address, masked addresses; axe-clean, and usable at
 * 200 % zoom.
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

test("the administrator sees what was sent, filters it, and the page is accessible", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Рассылка сообщений" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Рассылка сообщений" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Состояние").selectOption({ index: 1 });
  await page.getByLabel("Способ связи").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/status=[A-Z]+/);
  await expect(page).toHaveURL(/channel=[A-Z]+/);
  // the filters show what was chosen after the page came back
  await expect(page.getByLabel("Состояние")).not.toHaveValue("");
  // no full e-mail address or phone number is printed on the page
  await expect(page.locator("main")).not.toContainText(/\+7 ?9\d{2} ?\d{3}/);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 640, height: 900 });
  await expectNoHorizontalScroll(page);
});
