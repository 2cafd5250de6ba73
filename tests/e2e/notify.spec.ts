import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, formAlert, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("a parent chooses how often and when quiet hours are; a reload keeps the choice", async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await signIn(page, "parent");
  await page.goto("/diary/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Уведомления" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Разделы дневника" }).getByRole("link", { name: "Уведомления" })).toHaveAttribute("aria-current", "page");
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole("radio", { name: "Раз в день" }).check();
  await page.getByLabel("С", { exact: true }).fill("22:30");
  await page.getByLabel("До", { exact: true }).fill("07:15");
  await page.getByRole("checkbox", { name: "Прогноз отметок (раз в неделю)" }).uncheck();
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Настройки уведомлений сохранены." })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("radio", { name: "Раз в день" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Сразу" })).not.toBeChecked();
  await expect(page.getByLabel("С", { exact: true })).toHaveValue("22:30");
  await expect(page.getByLabel("До", { exact: true })).toHaveValue("07:15");
  await expect(page.getByRole("checkbox", { name: "Прогноз отметок (раз в неделю)" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Новые и исправленные отметки" })).toBeChecked();
});

test("a parent adds an e-mail address: it waits for the code; a short code is refused with a reason", async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await signIn(page, "parent");
  await page.goto("/diary/contacts");
  await expect(page.getByRole("heading", { level: 1, name: "Контакты для сообщений школы" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // a wrong address is refused with an example
  await page.getByLabel("Адрес или номер").fill("babushka@");
  await page.getByRole("button", { name: "Добавить и прислать код" }).click();
  await expect(formAlert(page)).toContainText("Проверьте поля");
  await expect(page.getByText("Адрес электронной почты записан неверно. Пример: ivanova@mail.ru")).toBeVisible();

  await page.getByLabel("Адрес или номер").fill("  Babushka.Nina@Example.ru ");
  await page.getByRole("button", { name: "Добавить и прислать код" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Контакт добавлен" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /babushka\.nina@example\.ru/ }) });
  await expect(item).toContainText("ждёт подтверждения");
  await expect(item).toContainText("вы добавили в дневнике");

  const code = item.getByLabel(/Код из сообщения/);
  await code.fill("12345");
  await item.getByRole("button", { name: "Подтвердить" }).click();
  await expect(item.getByText("Код — это 6 цифр из сообщения.").first()).toBeVisible();
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});
