import { test, expect, expectNoAxeViolations, signIn } from "./fixtures";
import { formAlert } from "./fixtures";

/** Today in the school's zone as typed in the forms, «05.03.2026». */
function schoolDay(): string {
  return new Intl.DateTimeFormat("ru-RU", { timeZone: "Asia/Yekaterinburg", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
}

test.describe("grading settings", () => {
  test("the administrator adds a work type and changes its weight from a date", async ({ page }) => {
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
    // the page no longer says a new weight changes old averages: old marks keep their weight
    await expect(page.getByText("Вес меняется с выбранной даты: отметки до этой даты сохраняют прежний вес.")).toBeVisible();
    await expect(page.getByText(/во всех средних баллах/)).toHaveCount(0);
    await expect(page.getByLabel("Вес", { exact: true })).toHaveCount(0);

    const versions = page.getByRole("table", { name: "Версии веса", exact: true });
    await expect(versions.getByRole("row", { name: /^с начала \(действует сейчас\)/ })).toContainText("1,5");

    const today = schoolDay();
    const change = page.getByRole("form", { name: "Изменить вес с даты" });
    await expect(page.getByRole("heading", { level: 3, name: "Изменить вес с даты" })).toBeVisible();
    await expect(change.getByLabel("С какого дня действует новый вес", { exact: true })).toHaveValue(today);
    await expect(change.getByLabel("Новый вес", { exact: true })).toHaveValue("1,5");
    await change.getByLabel("Новый вес", { exact: true }).fill("2.5");
    await change.getByRole("button", { name: "Сохранить новый вес" }).click();
    await expect(change.getByRole("status").filter({ hasText: "Новый вес сохранён." })).toBeVisible();
    await expect(versions.getByRole("row", { name: `${today} (действует сейчас) 2,5`, exact: true })).toBeVisible();
    await expect(versions.getByRole("row", { name: "с начала 1,5", exact: true })).toBeVisible();

    // a second version on the same day is refused: versions are never replaced
    await change.getByLabel("С какого дня действует новый вес", { exact: true }).fill(today);
    await change.getByLabel("Новый вес", { exact: true }).fill("3");
    await change.getByRole("button", { name: "Сохранить новый вес" }).click();
    await expect(formAlert(page)).toContainText(`Вес вида работы «Творческая работа» с ${today} уже задан.`);
    // the header row and the two versions, unchanged
    await expect(versions.getByRole("row")).toHaveCount(3);
    await expectNoAxeViolations(page);

    // the work type's own settings are saved by their own form
    await page.getByLabel("Это оценочная процедура (входит в график контрольных)").check();
    await page.getByRole("button", { name: "Сохранить вид работы" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Вид работы сохранён." })).toBeVisible();

    await page.getByRole("link", { name: "Вернуться к правилам оценивания" }).click();
    const row = page.getByRole("table", { name: "Виды работ", exact: true }).getByRole("row", { name: /Творческая работа/ });
    await expect(row).toContainText("2,5");
    await expect(row).toContainText("да");
  });
});
