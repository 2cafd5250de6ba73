import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn, DEMO_PASSWORD } from "./fixtures";

test.describe("sign-in", () => {
  test("the login page is accessible and works from the keyboard alone", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Вход в электронный журнал" })).toBeVisible();
    await expectNoAxeViolations(page);
    // the login field has focus on arrival; Tab goes to the password, Enter submits
    await expect(page.getByLabel("Логин")).toBeFocused();
    await page.keyboard.type("teacher");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Пароль")).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/journal$/);
  });

  test("the skip link is the first stop and leads to the main content", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Перейти к основному содержимому" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("an empty form names the fields to fill, in Russian, and signs nobody in", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page.getByRole("alert", { name: "Не удалось войти" })).toContainText("Проверьте поля");
    await expect(page.getByText("Введите логин.")).toBeVisible();
    await expect(page.getByText("Введите пароль.")).toBeVisible();
    await expect(page.getByLabel("Логин")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/login/);
    await expectNoAxeViolations(page);
  });

  test("a wrong password is refused with a clear message and keeps the login typed", async ({ page }) => {
    await signIn(page, "teacher", "not-the-password");
    await expect(page.getByRole("alert", { name: "Не удалось войти" })).toContainText("Неверный логин или пароль");
    await expect(page.getByLabel("Логин")).toHaveValue("teacher");
    await expect(page.getByLabel("Пароль")).toHaveValue("");
    await expect(page).toHaveURL(/\/login/);
  });

  test("after repeated failures the account is locked, even for the right password", async ({ page }) => {
    for (let i = 0; i < 5; i++) {
      await signIn(page, "parent2", `wrong-${i}`);
      await expect(page.getByRole("alert", { name: "Не удалось войти" })).toBeVisible();
    }
    await expect(page.getByRole("alert", { name: "Не удалось войти" })).toContainText(/Вход заблокирован до \d\d:\d\d/);
    await signIn(page, "parent2", DEMO_PASSWORD);
    await expect(page.getByRole("alert", { name: "Не удалось войти" })).toContainText("заблокирован");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("each role lands on its own home page", () => {
  test("the administrator sees the school; sign-out ends the session", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("школа");
    await expect(page.getByText("Обучающихся", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    await expect(page.getByRole("status")).toContainText("Вы вышли из системы");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin/);
  });

  test("the teacher sees today's lessons and their class", async ({ page }) => {
    await signIn(page, "teacher");
    await expect(page).toHaveURL(/\/journal$/);
    await expect(page.getByRole("heading", { name: /Мои уроки/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Классное руководство" })).toBeVisible();
    await expect(page.getByText(/5А: \d+ учени/)).toBeVisible();
    await expectNoAxeViolations(page);
    // a teacher who opens the administrator's page is sent back home
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/journal$/);
  });

  test("a parent of two children switches between them", async ({ page }) => {
    await signIn(page, "parent");
    await expect(page).toHaveURL(/\/diary$/);
    const children = page.getByRole("navigation", { name: "Чей дневник" }).getByRole("link");
    await expect(children).toHaveCount(2);
    await expect(children.first()).toHaveAttribute("aria-current", "page");
    const second = (await children.nth(1).innerText()).split(",")[0] ?? "";
    await children.nth(1).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(second);
    await expect(page.getByRole("navigation", { name: "Дни недели" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a student sees only their own diary", async ({ page }) => {
    await signIn(page, "student");
    await expect(page).toHaveURL(/\/diary$/);
    await expect(page.getByRole("navigation", { name: "Чей дневник" })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Дневник: ");
    await page.goto("/journal");
    await expect(page).toHaveURL(/\/diary$/);
  });

  test("at 200 % zoom the pages need no sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await page.goto("/login");
    await expectNoHorizontalScroll(page);
    await signIn(page, "parent");
    await expect(page).toHaveURL(/\/diary$/);
    await expectNoHorizontalScroll(page);
  });
});

test.describe("first run", () => {
  test("once a school exists, the set-up page only sends people to sign in", async ({ page }) => {
    await page.goto("/setup");
    await expect(page.getByRole("heading", { level: 1, name: "Первый запуск: настройка школы" })).toBeVisible();
    await expect(page.getByText("Школа уже настроена")).toBeVisible();
    await expect(page.getByLabel("Полное название")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("the interface switches to English and back, and remembers it", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to the school journal" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to the school journal" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Русский" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Вход в электронный журнал" })).toBeVisible();
  });
});
