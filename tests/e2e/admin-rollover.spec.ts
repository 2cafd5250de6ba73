import { test, expect, expectNoAxeViolations, signIn } from "./fixtures";
import { formAlert } from "./fixtures";

test.describe("moving to the new school year", () => {
  test("the administrator previews the rollover of the demo school; nothing happens without confirmation", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/rollover");
    await expect(page.getByRole("heading", { level: 1, name: "Переход на новый учебный год" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^Перевод из учебного года \d{4}\/\d{4} в \d{4}\/\d{4}$/ })).toBeVisible();
    await expect(page.getByText("Выпускной класс школы — 9-й: его ученики выпускаются.")).toBeVisible();
    await expect(page.getByText(/Группы, потоки и индивидуальные учебные планы не переносятся автоматически/)).toBeVisible();

    const fifth = page.getByRole("table", { name: "5А → 6А" });
    await expect(fifth).toBeVisible();
    const first = fifth.getByRole("combobox").first();
    await expect(first).toHaveValue("PROMOTE");
    await expect(first.locator("option:checked")).toHaveText("переводится в 6А");
    await expect(page.getByRole("table", { name: "9А — выпускной класс" }).getByRole("combobox").first().locator("option:checked")).toHaveText("выпускается");
    await expectNoAxeViolations(page);

    // an exception is chosen from the keyboard; without the confirmation nothing is applied
    await first.focus();
    await first.selectOption({ label: "остаётся на второй год" });
    await page.getByRole("button", { name: "Выполнить перевод" }).click();
    await expect(formAlert(page)).toContainText("Проверьте поля");
    await expect(page.getByText("Отметьте, что список проверен и год можно закрыть.")).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/rollover$/);
    await expect(page.getByRole("heading", { level: 2, name: /^Перевод из учебного года/ })).toBeVisible();
  });
});
