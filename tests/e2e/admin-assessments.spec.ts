/**
 * The test schedule in a real browser, on the demo school: two tests of 5А on one day
 * are both saved, the second with a clear warning; the schedule downloads as PDF and XLSX.
 */
import { test, expect, expectNoAxeViolations, signIn } from "./fixtures";

function schoolToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Yekaterinburg", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

test("planning a second test on one day warns, saves, and the schedule downloads", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/assessments");
  await expect(page.getByRole("heading", { level: 1, name: "График оценочных процедур" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Класс", { exact: true }).selectOption({ label: "5А" });
  await page.getByRole("button", { name: "Показать график" }).click();
  await expect(page.getByRole("table", { name: "Оценочные процедуры 5А" })).toBeVisible();

  const form = page.locator("form#event");
  const plan = async (subject: string, title: string) => {
    await form.getByLabel("Предмет").selectOption({ label: subject });
    await form.getByLabel("Вид работы").selectOption({ label: "Контрольная работа" });
    await form.getByLabel("Дата").fill(schoolToday());
    await form.getByLabel("Название работы").fill(title);
    await form.getByRole("button", { name: "Запланировать" }).click();
    await expect(form.getByRole("status")).toContainText(`Запланировано: «${title}»`);
  };
  await plan("Математика", "Проверочная по дробям");
  await plan("Русский язык", "Диктант по орфографии");

  const warning = form.getByRole("alert");
  await expect(warning).toContainText("нарушены рекомендации");
  await expect(warning).toContainText(/у 5А \d оценочные процедуры; рекомендуется не больше одной/);
  await expect(page.getByRole("table", { name: "Оценочные процедуры 5А" })).toContainText("Диктант по орфографии");
  await expectNoAxeViolations(page);

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Скачать PDF" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^grafik-5А-.*\.pdf$/);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Скачать Excel (XLSX)" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
});
