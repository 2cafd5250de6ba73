import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

test.describe("the consent registry (administrator)", () => {
  test("opens a class's registry, filters it, opens a guardian's history and records a paper decision", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/consent");
    await expect(page.getByRole("heading", { level: 1, name: "Согласия на обработку данных" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Класс").selectOption({ label: "5А" });
    await page.getByRole("button", { name: "Показать" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Итого по классу 5А" })).toBeVisible();
    const table = page.getByRole("table", { name: "Согласия родителей класса 5А" });
    await expect(table).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.getByRole("navigation", { name: "Показать строки" }).getByRole("link", { name: "согласие дано" }).click();
    const granted = page.getByRole("table", { name: "Согласия родителей класса 5А: согласие дано" });
    await expect(granted).toBeVisible();
    await expect(granted.getByRole("cell", { name: "нет решения" })).toHaveCount(0);
    await expect(granted.getByRole("cell", { name: "согласие дано" }).first()).toBeVisible();

    // the paper list of the class
    await page.getByRole("link", { name: "Бумажный список класса" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Бумажный список: 5А" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "← К реестру класса" }).click();

    // a guardian's history
    await page.getByRole("navigation", { name: "Показать строки" }).getByRole("link", { name: "согласие дано" }).click();
    await page.getByRole("table", { name: /согласие дано/ }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1, name: /^Согласия: / })).toBeVisible();
    const history = page.getByRole("table", { name: "История решений" });
    await expect(history).toBeVisible();
    const before = await history.getByRole("row").count();
    await expectNoAxeViolations(page);

    // a paper decision needs the number and date
    const form = page.getByRole("form", { name: "Внести бумажное решение" });
    await form.getByLabel("Ребёнок").selectOption({ index: 1 });
    await form.getByLabel("Решение").selectOption({ label: "Согласие дано" });
    await form.getByRole("button", { name: "Внести решение" }).click();
    await expect(form.getByText("Впишите номер документа.")).toBeVisible();
    await expectNoAxeViolations(page);
    await form.getByLabel("Номер документа").fill("E2E-17");
    await form.getByLabel("Дата документа").fill("02.09.2025");
    await form.getByRole("button", { name: "Внести решение" }).click();
    await expect(form.getByRole("status")).toContainText("Решение внесено.");
    await expect(history.getByRole("row")).toHaveCount(before + 1);
    await expect(history.getByRole("row").nth(1)).toContainText("№ E2E-17 от 02.09.2025");
    await expect(history.getByRole("row").nth(1)).toContainText("на бумаге");
  });

  test("the texts page shows the versions and the current text; the blank form is a PDF", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/consent/texts");
    await expect(page.getByRole("heading", { level: 1, name: "Тексты согласия" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Редакции текста согласия" })).toContainText("(действует)");
    await expect(page.getByRole("region", { name: /^Редакция № 1/ }).getByText(/Оператор персональных данных:/)).toBeVisible();
    await expectNoAxeViolations(page);

    const response = await page.request.get("/api/admin/consent-form");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const body = await response.body();
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
