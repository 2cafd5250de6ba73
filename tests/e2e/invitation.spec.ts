import { test, expect, expectNoAxeViolations, seedSummary } from "./fixtures";

test.describe("first login by invitation code", () => {
  test("a parent types the code from the paper slip, chooses a login and password, and is asked for consent first", async ({ page }) => {
    const invitation = seedSummary().invitations[0];
    expect(invitation).toBeDefined();
    await page.goto("/login");
    await page.getByRole("link", { name: /коду приглашения/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Первый вход по коду приглашения" })).toBeVisible();
    await expectNoAxeViolations(page);
    // typed in lower case with spaces, as people do on a phone
    await page.getByLabel("Код приглашения").fill((invitation?.code ?? "").toLowerCase().replace(/-/g, " "));
    await page.getByLabel("Придумайте логин").fill("mama.e2e");
    await page.getByLabel("Придумайте пароль").fill("очень-секретно-1");
    await page.getByLabel("Повторите пароль").fill("очень-секретно-1");
    await page.getByRole("button", { name: "Создать учётную запись и войти" }).click();
    // R1: this guardian has not decided about consent yet: the cabinet shows only that page
    await expect(page).toHaveURL(/\/consent$/);
    await page.goto("/diary");
    await expect(page).toHaveURL(/\/consent$/);
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/signedOut=1/);

    // the code is spent; the new login works
    await page.goto("/invite");
    await page.getByLabel("Код приглашения").fill(invitation?.code ?? "");
    await page.getByLabel("Придумайте логин").fill("someone.else");
    await page.getByLabel("Придумайте пароль").fill("another-pass-1");
    await page.getByLabel("Повторите пароль").fill("another-pass-1");
    await page.getByRole("button", { name: "Создать учётную запись и войти" }).click();
    await expect(page.getByRole("alert", { name: "Не удалось создать учётную запись" })).toContainText("уже использован");

    await page.goto("/login");
    await page.getByLabel("Логин").fill("mama.e2e");
    await page.getByLabel("Пароль").fill("очень-секретно-1");
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page).toHaveURL(/\/consent$/);
  });

  test("bad input gets Russian messages next to the fields and creates nothing", async ({ page }) => {
    await page.goto("/invite");
    await page.getByLabel("Код приглашения").fill("12");
    await page.getByLabel("Придумайте логин").fill("Я");
    await page.getByLabel("Придумайте пароль").fill("short");
    await page.getByLabel("Повторите пароль").fill("other");
    await page.getByRole("button", { name: "Создать учётную запись и войти" }).click();
    await expect(page.getByText(/Код состоит из 12 латинских букв/)).toBeVisible();
    await expect(page.getByText(/Логин: от 3 до 32/)).toBeVisible();
    await expect(page.getByText(/не короче 8 символов/).last()).toBeVisible();
    await expect(page.getByText("Пароли не совпадают.")).toBeVisible();
    await expect(page.getByLabel("Код приглашения")).toHaveValue("12");
    await expectNoAxeViolations(page);

    await page.getByLabel("Код приглашения").fill("ABCD-EFGH-2345");
    await page.getByLabel("Придумайте логин").fill("nobody.here");
    await page.getByLabel("Придумайте пароль").fill("long-enough-1");
    await page.getByLabel("Повторите пароль").fill("long-enough-1");
    await page.getByRole("button", { name: "Создать учётную запись и войти" }).click();
    await expect(page.getByRole("alert", { name: "Не удалось создать учётную запись" })).toContainText("Такого кода нет");
    await page.goto("/login");
    await page.getByLabel("Логин").fill("nobody.here");
    await page.getByLabel("Пароль").fill("long-enough-1");
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page.getByRole("alert", { name: "Не удалось войти" })).toContainText("Неверный логин или пароль");
  });
});
