/**
 * The teacher's home, a student's record and closing periods in the demo school (issue 4,
 * items 5, 7 and 10): the teacher sees what is not filled in and follows it, opens the
 * record of a student of her class; the director closes a period that is not under way
 * and opens it again with a reason, which stays in its history.
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, formAlert, signIn } from "./fixtures";

test("the teacher's home lists what is not filled in, and a line leads to where it is filled in", async ({ page }) => {
  await signIn(page, "teacher");
  await page.goto("/journal");
  await expect(page.getByRole("heading", { level: 1, name: "Журнал" })).toBeVisible();
  const missing = page.getByRole("region", { name: "Что не заполнено" });
  await expect(missing.getByRole("heading", { level: 2, name: "Что не заполнено" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 640, height: 900 });
  await expectNoHorizontalScroll(page);

  // the demo's journal has lessons where nothing was marked
  const group = missing.getByRole("region", { name: /^Посещаемость не отмечена: \d+$/ });
  await expect(group).toBeVisible();
  const line = group.getByRole("link").first();
  const text = (await line.textContent()) ?? "";
  const [, cohort, subject] = /: ([^,]+), (.+)$/.exec(text) ?? [];
  expect(cohort && subject).toBeTruthy();
  await line.click();
  await expect(page.getByRole("heading", { level: 1, name: `Журнал: ${cohort}, ${subject}` })).toBeVisible();
});

test("the class teacher opens the record of a student of 5А from her home page", async ({ page }) => {
  await signIn(page, "teacher");
  await page.goto("/journal");
  const list = page.getByRole("list", { name: "Ученики класса 5А" });
  const first = list.getByRole("link").first();
  const name = ((await first.textContent()) ?? "").trim();
  expect(name).not.toBe("");
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: `Сведения об успеваемости: ${name}` })).toBeVisible();
  await expect(page.getByText("Класс сейчас: 5А")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Программа: / }).first()).toBeVisible();

  const table = page.getByRole("table", { name: /^Итоговые отметки за \d{4}\/\d{4} учебный год$/ }).last();
  await expect(table.getByRole("columnheader", { name: "1 четверть" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Год" })).toBeVisible();
  // the first quarter of maths is confirmed in the seed
  const maths = table.getByRole("row", { name: /^Математика/ });
  await expect(maths.getByRole("cell").first()).toHaveText(/^([2-5]|н\/а|осв)$/);
  await expect(page.getByRole("heading", { level: 4, name: "Пропуски уроков за год" }).last()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 640, height: 900 });
  await expectNoHorizontalScroll(page);
  // the wide table scrolls in its own box, reachable from the keyboard
  await expect(page.getByRole("region", { name: /^Итоговые отметки за / }).last()).toHaveAttribute("tabindex", "0");
});

test("the director closes a period that is not under way and opens it again with a reason", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Закрытие и открытие периодов" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Закрытие и открытие периодов" })).toBeVisible();
  await expectNoAxeViolations(page);

  // a period other tests do not write into: open, and not the one under way
  const candidate = page
    .getByRole("region")
    .filter({ has: page.getByRole("button", { name: /^Закрыть период/ }) })
    .filter({ hasNotText: "идёт сейчас" })
    .last();
  const periodName = ((await candidate.getByRole("heading", { level: 2 }).textContent()) ?? "").trim();
  expect(periodName).not.toBe("");
  const period = page.getByRole("region", { name: periodName, exact: true });

  await period.getByRole("button", { name: `Закрыть период «${periodName}»` }).click();
  const yes = period.getByRole("button", { name: `Да, закрыть период «${periodName}»` });
  await expect(yes).toBeFocused();
  await expect(period.getByText(`Закрыть «${periodName}»? Учителя не смогут менять отметки`)).toBeVisible();
  await expectNoAxeViolations(page);
  await yes.click();
  await expect(period.getByRole("status")).toHaveText(`Период «${periodName}» закрыт.`);
  await expect(period.getByText(/^закрыт \d/)).toBeVisible();
  await expect(period.getByRole("listitem").filter({ hasText: /— закрыт, / }).last()).toBeVisible();

  // reopening without a reason is refused and says why
  const reopen = period.getByRole("button", { name: `Открыть снова период «${periodName}»` });
  await reopen.click();
  await expect(formAlert(page).filter({ hasText: "Напишите, почему период открывается снова" })).toBeVisible();
  const reason = period.getByLabel("Причина, по которой период открывается снова");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  const why = `Проверка закрытия периода ${Date.now().toString().slice(-6)}`;
  await reason.fill(why);
  await reopen.click();
  await expect(period.getByRole("status")).toHaveText(`Период «${periodName}» открыт снова.`);
  await expect(period.getByRole("listitem").filter({ hasText: `Причина: ${why}` })).toBeVisible();
  await expect(period.getByRole("button", { name: `Закрыть период «${periodName}»` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 640, height: 900 });
  await expectNoHorizontalScroll(page);
});
