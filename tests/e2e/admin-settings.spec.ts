import { test, expect, expectNoAxeViolations, signIn } from "./fixtures";
import { formAlert } from "./fixtures";

test.describe("grading settings", () => {
  test("the administrator adds a work type and changes its weight", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Правила оценивания" })).toBeVisible();
    const types = page.getByRole("table", { name: "Виды работ", exact: true });
    await expect(types.getByRole("row", { name: /Контрольная работа/ })).toContainText("2");
    await expect(page.getByRole("table", { name: "Версии правил" })).toBeVisible();
    await expectNoAxeViolations(page);

    // a weight out of range is refused, with the reason next to the field
    await page.getByLabel("Название", { exact: true }).fill("Творческая работа");
    await page.getByLabel("Вес", { exact: true }).fill("11");
    await page.getByRole("button", { name: "Добавить вид работы" }).click();
    await expect(formAlert(page)).toContainText("Проверьте поля");
    await expect(page.getByText("Вес: число от 0,1 до 10.")).toBeVisible();
    await expect(page.getByLabel("Вес", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Название", { exact: true }).fill("Творческая работа");
    await page.getByLabel("Вес", { exact: true }).fill("1,5");
    await page.getByRole("button", { name: "Добавить вид работы" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Вид работы добавлен." })).toBeVisible();
    await expect(types.getByRole("row", { name: /Творческая работа/ })).toContainText("1,5");

    await page.getByRole("link", { name: "Изменить «Творческая работа»" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Вид работы «Творческая работа»" })).toBeVisible();
    await expect(page.getByLabel("Вес", { exact: true })).toHaveValue("1,5");
    await page.getByLabel("Вес", { exact: true }).fill("2.5");
    await page.getByRole("button", { name: "Сохранить вид работы" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Вид работы сохранён." })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Вернуться к правилам оценивания" }).click();
    await expect(page.getByRole("table", { name: "Виды работ", exact: true }).getByRole("row", { name: /Творческая работа/ })).toContainText("2,5");
  });
});
