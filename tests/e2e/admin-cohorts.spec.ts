import { test, expect, expectNoAxeViolations, signIn } from "./fixtures";

/** A calendar day in the school's zone as typed in the forms, «05.03.2026». */
function schoolDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat("ru-RU", { timeZone: "Asia/Yekaterinburg", day: "2-digit", month: "2-digit", year: "numeric" })
    .format(new Date(Date.now() + offsetDays * 86_400_000));
}

test.describe("cohorts: classes, moves, invitation slips", () => {
  test("the administrator creates two classes, moves a student between them and downloads the slips", async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);

    // a student and a parent without an account, made for this test only
    await page.goto("/admin/people/students/new");
    await page.getByLabel("Фамилия").fill("Переводов");
    await page.getByLabel("Имя", { exact: true }).fill("Артём");
    await page.getByLabel("Дата рождения").fill("03.03.2011");
    await page.getByLabel("Пол").selectOption({ label: "мужской" });
    await page.getByLabel("Номер личного дела").fill("E2E-C-001");
    await page.getByRole("button", { name: "Добавить ученика" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Переводов Артём" })).toBeVisible();

    await page.goto("/admin/people/guardians/new");
    await page.getByLabel("Фамилия").fill("Переводова");
    await page.getByLabel("Имя", { exact: true }).fill("Инна");
    await page.getByRole("button", { name: "Добавить", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Переводова Инна" })).toBeVisible();
    const link = page.getByRole("form", { name: "Связать с ребёнком" });
    await link.getByLabel("Ребёнок").selectOption({ label: "Переводов Артём — без класса" });
    await link.getByLabel("Кем приходится ребёнку").selectOption({ label: "мать" });
    await link.getByRole("button", { name: "Связать" }).click();
    await expect(page.getByText("Родитель связан с ребёнком.")).toBeVisible();

    await page.goto("/admin/cohorts");
    await expect(page.getByRole("heading", { level: 1, name: "Классы и группы" })).toBeVisible();
    await expect(page.getByRole("link", { name: "5А", exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    for (const name of ["9Ю", "9Э"]) {
      await page.goto("/admin/cohorts/new");
      await expect(page.getByRole("heading", { level: 1, name: "Новый класс, группа или поток" })).toBeVisible();
      await page.getByLabel("Вид").selectOption({ label: "класс" });
      await page.getByLabel("Название").fill(name);
      await page.getByLabel("Параллель").fill("9");
      await page.getByRole("button", { name: "Создать", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    }

    // 9Э: add the student from yesterday
    const add = page.getByRole("form", { name: "Добавить учеников" });
    await add.getByLabel("Переводов Артём — без класса").check();
    await add.getByLabel("С какого дня в составе").fill(schoolDay(-1));
    await add.getByRole("button", { name: "Добавить отмеченных" }).click();
    await expect(page.getByText("Добавлено учеников: 1.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Сейчас в составе: 1" })).toContainText("Переводов Артём");
    await expectNoAxeViolations(page);

    // the slips: the parent has no account, so the class gets a PDF
    const slipsForm = page.locator('form[action^="/api/admin/invitation-slips/"]');
    const action = (await slipsForm.getAttribute("action")) ?? "";
    // a post from another site (no Origin of ours) is refused: no codes issued
    const forged = await page.request.post(action, { maxRedirects: 0, headers: { origin: "https://evil.example" } });
    expect(forged.status()).toBe(403);
    const origin = new URL(page.url()).origin;
    const response = await page.request.post(action, { maxRedirects: 0, headers: { origin } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Выдать коды и скачать листки (PDF)" }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

    // move to 9Ю from today: 9Э keeps him in its history
    const move = page.getByRole("form", { name: "Перевести в другой класс" });
    await move.getByLabel("Ученик").selectOption({ label: "Переводов Артём" });
    await move.getByLabel("В какой класс").selectOption({ label: "9Ю" });
    await move.getByLabel("Дата перевода").fill(schoolDay(0));
    await move.getByRole("button", { name: "Перевести" }).click();
    const past = page.getByRole("table", { name: "Были в составе раньше" });
    await expect(past).toContainText("Переводов Артём");
    await expect(past).toContainText("переведён");
    await expect(past).toContainText(schoolDay(-1));

    await page.goto("/admin/cohorts");
    await page.getByRole("link", { name: "9Ю", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "9Ю" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Сейчас в составе: 1" })).toContainText("Переводов Артём");
    await expectNoAxeViolations(page);
  });
});
