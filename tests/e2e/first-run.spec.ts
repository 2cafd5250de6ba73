/**
 * A new, empty installation (its own server with an empty database, see
 * playwright.config.ts): the installer creates the school and its administrator, and
 * the administrator takes it to a running timetable in the browser alone — calendar,
 * staff, classes and students from the import templates, subjects and curriculum, the
 * timetable from a file, and lessons generated from it.
 */
import { readFileSync } from "node:fs";

import { test, expect, expectNoAxeViolations } from "./fixtures";

function schoolYearStart(): number {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Yekaterinburg" }).format(new Date());
  const [y, m] = today.split("-").map(Number);
  return (m ?? 9) >= 9 ? (y ?? 2026) : (y ?? 2026) - 1;
}

function csv(name: string): { name: string; mimeType: string; buffer: Buffer } {
  const text = readFileSync(`tests/fixtures/new-school/${name}`, "utf8").replaceAll("{{YEAR_START}}", `01.09.${schoolYearStart()}`);
  return { name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
}

function nextMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

test("a new school is set up in the browser, from nothing to lessons from the timetable", async ({ page }) => {
  test.setTimeout(240_000);
  const y = schoolYearStart();

  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { level: 1, name: "Первый запуск: настройка школы" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Полное название").fill("КОУ «Школа-интернат для обучающихся с ОВЗ»");
  await page.getByLabel("Краткое название").fill("Школа-интернат");
  await page.getByLabel("Адрес").fill("г. Ханты-Мансийск, ул. Школьная, 1");
  await page.getByLabel("Фамилия").fill("Назарова");
  await page.getByLabel("Имя", { exact: true }).fill("Татьяна");
  await page.getByLabel("Логин").fill("direktor");
  await page.getByLabel("Пароль", { exact: true }).fill("пароль-директора");
  await page.getByLabel("Повторите пароль").fill("пароль-директора");
  await page.getByRole("button", { name: "Создать школу и войти" }).click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);

  // the school year with its quarters
  await page.getByLabel("Название", { exact: true }).fill(`${y}/${y + 1}`);
  await page.getByLabel("Дата начала", { exact: true }).fill(`01.09.${y}`);
  await page.getByLabel("Дата окончания", { exact: true }).fill(`31.08.${y + 1}`);
  await page.getByRole("button", { name: "Создать учебный год" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Учебный год ${y}/${y + 1}` })).toBeVisible();
  await page.getByLabel("Набор", { exact: true }).selectOption("QUARTER");
  await page.getByRole("button", { name: "Добавить набор" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Периоды добавлены." })).toBeVisible();

  // staff, classes and students from files made on the import templates
  await page.goto("/admin/import");
  for (const [kind, file, added] of [
    ["Сотрудники", "staff.csv", /Добавлено: 4/],
    ["Классы и группы", "cohorts.csv", /Добавлено: 2/],
    ["Ученики", "students.csv", /Добавлено: 6/],
  ] as const) {
    await page.getByLabel("Что в файле", { exact: true }).selectOption({ label: kind });
    await page.getByLabel("Файл", { exact: true }).setInputFiles(csv(file));
    await page.getByRole("button", { name: "Загрузить" }).click();
    await expect(page.getByRole("heading", { name: "Импорт выполнен" })).toBeVisible();
    await expect(page.getByText(added)).toBeVisible();
  }

  // subjects, and each class's curriculum
  await page.goto("/admin/curriculum");
  const subject = page.locator("form#subject");
  for (const [name, short] of [["Математика", "Мат"], ["Русский язык", "Рус"], ["История", "Ист"]] as const) {
    await subject.getByLabel("Название предмета").fill(name);
    await subject.getByLabel("Краткое название").fill(short);
    await subject.getByRole("button", { name: "Добавить предмет" }).click();
    await expect(subject.getByRole("status")).toContainText(`Предмет «${name}» добавлен.`);
    await expect(page.getByRole("table", { name: "Предметы, курсы и коррекционные курсы школы" })).toContainText(name);
  }
  for (const cohort of ["5А", "7Б"]) {
    await page.goto("/admin/curriculum");
    await page.getByRole("link", { name: `Учебный план ${cohort}`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Учебный план: ${cohort}` })).toBeVisible();
    for (const [name, hours] of [["Математика", "5"], ["Русский язык", "5"], ["История", "2"]] as const) {
      const line = page.locator("form#line");
      await line.getByLabel("Предмет").selectOption({ label: name });
      await line.getByLabel("Часов в неделю").fill(hours);
      await line.getByRole("button", { name: "Добавить строку" }).click();
      await expect(line.getByRole("status")).toContainText("Строка учебного плана добавлена.");
      // the page has re-rendered with the new line before the next one is typed
      await expect(page.getByRole("table", { name: `Учебный план ${cohort}` })).toContainText(name);
    }
  }

  // the timetable from a file, then the lessons from the timetable
  await page.goto("/admin/import");
  await page.getByLabel("Что в файле", { exact: true }).selectOption({ label: "Расписание" });
  await page.getByLabel("Файл", { exact: true }).setInputFiles(csv("timetable.csv"));
  await page.getByRole("button", { name: "Загрузить" }).click();
  await expect(page.getByRole("heading", { name: "Импорт выполнен" })).toBeVisible();
  await expect(page.getByText(/Добавлено: 25/)).toBeVisible();

  await page.goto("/admin/timetable");
  await page.getByRole("button", { name: "Создать уроки", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /Готово\. Создано уроков: [1-9]\d*/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // a school day of the running timetable
  await page.goto(`/admin/substitutions?date=${nextMonday()}`);
  const lessons = page.getByRole("table", { name: /^Уроки:/ });
  await expect(lessons).toContainText("Математика");
  await expect(lessons).toContainText("5А");
});
