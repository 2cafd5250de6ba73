import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

test.describe("people: students, guardians, staff", () => {
  test("the administrator creates a student and a guardian, links them, records a contact and issues a code", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);

    await page.goto("/admin/people/students");
    await expect(page.getByRole("heading", { level: 1, name: "Ученики" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Добавить ученика" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Новый ученик" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Фамилия").fill("Тестова");
    await page.getByLabel("Имя", { exact: true }).fill("Вера");
    await page.getByLabel("Отчество").fill("Игоревна");
    await page.getByLabel("Дата рождения").fill("12.04.2015");
    await page.getByLabel("Пол").selectOption({ label: "женский" });
    await page.getByLabel("Номер личного дела").fill("E2E-P-001");
    await page.getByLabel("Образовательная программа").selectOption({ label: "Основная образовательная программа начального общего образования" });
    await page.getByRole("button", { name: "Добавить ученика" }).click();
    await expect(page).toHaveURL(/\/admin\/people\/students\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole("heading", { level: 1, name: "Тестова Вера Игоревна" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Программы ученика по датам" })).toContainText("Основная образовательная программа начального общего образования");
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 640, height: 900 });
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    // the same personal file number again: a clear message next to the field, nothing created
    await page.goto("/admin/people/students/new");
    await page.getByLabel("Фамилия").fill("Дублева");
    await page.getByLabel("Имя", { exact: true }).fill("Анна");
    await page.getByLabel("Дата рождения").fill("01.02.2015");
    await page.getByLabel("Пол").selectOption({ label: "женский" });
    await page.getByLabel("Номер личного дела").fill("E2E-P-001");
    await page.getByRole("button", { name: "Добавить ученика" }).click();
    await expect(page.getByRole("alert", { name: "Не удалось сохранить" })).toContainText("Номер личного дела уже есть у другого ученика школы");
    await expect(page.getByLabel("Номер личного дела")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Фамилия")).toHaveValue("Дублева");
    await expectNoAxeViolations(page);

    await page.goto("/admin/people/guardians/new");
    await expect(page.getByRole("heading", { level: 1, name: "Новый родитель или законный представитель" })).toBeVisible();
    await page.getByLabel("Фамилия").fill("Тестов");
    await page.getByLabel("Имя", { exact: true }).fill("Игорь");
    await page.getByRole("button", { name: "Добавить", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Тестов Игорь" })).toBeVisible();

    const link = page.getByRole("form", { name: "Связать с ребёнком" });
    await link.getByLabel("Ребёнок").selectOption({ label: "Тестова Вера Игоревна — без класса" });
    await link.getByLabel("Кем приходится ребёнку").selectOption({ label: "отец" });
    await link.getByRole("button", { name: "Связать" }).click();
    await expect(page.getByText("Родитель связан с ребёнком.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Дети этого родителя" })).toContainText("Тестова Вера Игоревна");

    const contact = page.getByRole("form", { name: "Записать контакт по заявлению" });
    await contact.getByLabel("Способ связи").selectOption({ label: "SMS на телефон" });
    await contact.getByLabel("Адрес почты или номер мобильного телефона").fill("8 912 345-67-89");
    await contact.getByLabel("Номер заявления").fill("15");
    await contact.getByLabel("Дата заявления").fill("01.09.2025");
    await contact.getByRole("button", { name: "Записать контакт" }).click();
    await expect(page.getByText("Контакт записан.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Контакты родителя и их история" })).toContainText("+79123456789");

    await page.getByRole("button", { name: "Выдать код приглашения" }).click();
    await expect(page.getByText("Код приглашения (показывается один раз):")).toBeVisible();
    await expect(page.getByText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("table", { name: "Дети этого родителя" }).getByRole("link", { name: "Тестова Вера Игоревна" }).click();
    await expect(page.getByRole("table", { name: "Родители и законные представители ученика" })).toContainText("Тестов Игорь");
    await expect(page.getByRole("table", { name: "Родители и законные представители ученика" })).toContainText("отец");
  });

  test("the administrator adds a staff member and gives them a login with a temporary password", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/people/staff");
    await expect(page.getByRole("heading", { level: 1, name: "Сотрудники" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Добавить сотрудника" }).click();
    await page.getByLabel("Фамилия").fill("Проверкина");
    await page.getByLabel("Имя", { exact: true }).fill("Ольга");
    await page.getByLabel("Должность").fill("учитель-дефектолог");
    await page.getByRole("button", { name: "Добавить сотрудника" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Проверкина Ольга" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Логин").fill("proverkina.e2e");
    await page.getByRole("button", { name: "Создать учётную запись" }).click();
    await expect(page.getByText("Временный пароль (показывается один раз):")).toBeVisible();
    const password = (await page.getByText(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/).textContent()) ?? "";
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    await page.getByRole("button", { name: "Выйти" }).click();
    // the sign-out is done when its page shows (going to /login before it would cut it off)
    await expect(page).toHaveURL(/signedOut=1/);
    await signIn(page, "proverkina.e2e", password);
    await expect(page).toHaveURL(/\/journal$/);
  });
});
