/**
 * The administrator's timetable and substitutions in a real browser, on the demo school:
 * a lesson that puts a teacher in two places at once is refused with a message naming
 * the clash; a teacher is substituted for one lesson. The demo timetable runs Monday to
 * Friday, so Saturday is free for the clash test whatever the demo's teachers are called.
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

/** A calendar day in the school's zone, `offset` days from today. */
function schoolDay(offset = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Yekaterinburg", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

/** «Числова Мария Сергеевна» → «Числова М. С.», as the lessons table shows teachers. */
function initials(full: string): string {
  const [last, ...rest] = full.trim().split(/\s+/);
  return [last, ...rest.map((n) => `${n.slice(0, 1)}.`)].join(" ");
}

test.describe("timetable", () => {
  test("a teacher put in two classes at once is refused with a message naming the clash", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/admin/timetable");
    await expect(page.getByRole("heading", { level: 1, name: "Расписание" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Класс или группа").selectOption({ label: "5А" });
    await page.getByRole("button", { name: "Показать расписание класса" }).click();
    await expect(page.getByRole("table", { name: "Расписание 5А" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Добавить урок в расписание 5А" })).toBeVisible();

    let form = page.locator("form#slot");
    await form.getByLabel("День недели").selectOption({ label: "Суббота" });
    await form.getByLabel("Номер урока").fill("7");
    await form.getByLabel("Предмет").selectOption({ label: "Математика" });
    await form.getByLabel("Учитель").selectOption({ index: 1 });
    const teacher = (await form.getByLabel("Учитель").locator("option:checked").textContent()) ?? "";
    await form.getByLabel("Кабинет").fill("э1");
    await form.getByRole("button", { name: "Сохранить урок" }).click();
    await expect(form.getByRole("status")).toContainText("Урок добавлен в расписание");
    await expect(page.getByRole("table", { name: "Расписание 5А" })).toContainText("Суббота");

    await page.getByLabel("Класс или группа").selectOption({ label: "6А" });
    await page.getByRole("button", { name: "Показать расписание класса" }).click();
    await expect(page.getByRole("table", { name: "Расписание 6А" })).toBeVisible();
    form = page.locator("form#slot");
    await form.getByLabel("День недели").selectOption({ label: "Суббота" });
    await form.getByLabel("Номер урока").fill("7");
    await form.getByLabel("Предмет").selectOption({ label: "Математика" });
    await form.getByLabel("Учитель").selectOption({ label: teacher });
    await form.getByLabel("Кабинет").fill("э2");
    await form.getByRole("button", { name: "Сохранить урок" }).click();

    const alert = form.getByRole("alert");
    await expect(alert).toContainText("Урок не сохранён");
    await expect(alert).toContainText(`Учитель ${initials(teacher)} уже ведёт урок в 5А в субботу, 7-й урок`);
    await expect(alert).toContainText("Выберите другого учителя");
    await expect(form.getByLabel("Учитель")).toHaveAttribute("aria-invalid", "true");
    // nothing was written: 6А still has no Saturday lesson
    await expect(page.getByRole("table", { name: "Расписание 6А" })).not.toContainText("Суббота");
    await expectNoAxeViolations(page);
  });
});

test.describe("substitutions", () => {
  test("a teacher is substituted for one lesson; the day's changes show it with the reason", async ({ page }) => {
    await signIn(page, "admin");
    // the next day with lessons (weekends and holidays have none)
    let day = "";
    for (let offset = 1; offset <= 30 && !day; offset++) {
      await page.goto(`/admin/substitutions?date=${schoolDay(offset)}`);
      if ((await page.getByRole("link", { name: /^Изменить/ }).count()) > 0) day = schoolDay(offset);
    }
    expect(day, "a school day with lessons within 30 days").not.toBe("");
    await expect(page.getByRole("heading", { level: 1, name: "Замены и переносы" })).toBeVisible();
    await expectNoAxeViolations(page);

    // the lessons table: Класс, Урок, Предмет, Учитель, Кабинет, Состояние, Действие
    const rows = page.getByRole("table", { name: /^Уроки:/ }).locator("tbody tr");
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").trim())));
    const chosen = cells.find((r) => (r[6] ?? "").startsWith("Изменить"));
    if (!chosen) throw new Error("no lesson to change");
    // whoever teaches at that lesson number that day is busy
    const busy = new Set(cells.filter((r) => r[1] === chosen[1]).map((r) => r[3] ?? ""));

    await rows.filter({ has: page.getByRole("link", { name: /^Изменить/ }) }).first().getByRole("link").click();
    const cohort = (chosen[0] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${cohort}, `) })).toBeVisible();
    const form = page.locator("form#substitute");
    const options = (await form.getByLabel("Кто проведёт урок").locator("option").allTextContents()).slice(1);
    const free = options.find((o) => !busy.has(initials(o)));
    if (!free) throw new Error("every teacher is busy");
    await form.getByLabel("Кто проведёт урок").selectOption({ label: free });
    await form.getByLabel("Причина").fill("Учитель на курсах повышения квалификации");
    await expectNoAxeViolations(page);
    await form.getByRole("button", { name: "Назначить замену" }).click();
    await expect(form.getByRole("status")).toContainText("Замена назначена");

    const changes = page.getByRole("table", { name: /^Замены, переносы и отмены:/ });
    await expect(changes).toContainText(`→ ${initials(free)}`);
    await expect(changes).toContainText("Учитель на курсах повышения квалификации");
    await expect(page.getByRole("table", { name: /^Уроки:/ })).toContainText(`замена, по расписанию — ${chosen[3] ?? ""}`);
    await expectNoAxeViolations(page);

    // at 200 % zoom the page still fits: tables scroll inside their own box
    await page.setViewportSize({ width: 640, height: 900 });
    await expectNoHorizontalScroll(page);
  });
});
