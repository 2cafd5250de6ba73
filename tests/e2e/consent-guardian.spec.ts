/**
 * A guardian's first login shows the consent page (the family layout sends a guardian
 * with an undecided child there). The account is made from an invitation code whose
 * guardian the seed left undecided (prisma/seed/consent.ts).
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, seedSummary } from "./fixtures";

test.describe("the guardian's consent", () => {
  test("first login shows the consent text; granting records it in the history; withdrawing asks first", async ({ page }) => {
    const invitation = seedSummary().invitations[1];
    expect(invitation).toBeDefined();
    await page.goto("/invite");
    await page.getByLabel("Код приглашения").fill(invitation?.code ?? "");
    await page.getByLabel("Придумайте логин").fill("consent.e2e");
    await page.getByLabel("Придумайте пароль").fill("согласие-2026-e2e");
    await page.getByLabel("Повторите пароль").fill("согласие-2026-e2e");
    await page.getByRole("button", { name: "Создать учётную запись и войти" }).click();
    await expect(page).toHaveURL(/\/consent$/);
    await expect(page.getByRole("heading", { level: 1, name: "Согласие на обработку персональных данных" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Текст согласия" })).toBeVisible();
    await expect(page.getByText(/Оператор персональных данных:/)).toBeVisible();
    await expect(page.getByRole("table", { name: "История ваших решений" })).toHaveCount(0);
    await expect(page.getByText("Вы ещё не принимали решений.")).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    const first = page.getByRole("form").first();
    await first.getByRole("button", { name: "Даю согласие", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Спасибо, согласие записано." })).toBeVisible();
    const history = page.getByRole("table", { name: "История ваших решений" });
    await expect(history).toContainText("Согласие дано");
    await expect(history).toContainText("в личном кабинете");
    await expectNoAxeViolations(page);

    // withdrawal asks before it acts
    await page.getByRole("button", { name: "Отозвать согласие" }).first().click();
    await expect(page.getByRole("heading", { level: 4, name: /^Отозвать согласие для ребёнка/ })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Нет, оставить" }).click();
    await page.getByRole("button", { name: "Отозвать согласие" }).first().click();
    await page.getByRole("button", { name: "Да, отозвать" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Согласие отозвано." })).toBeVisible();
    await expect(history.getByRole("row")).toHaveCount(3);
  });
});
