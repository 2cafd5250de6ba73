import { readFileSync } from "node:fs";

import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

const STUDENT_HEADERS = "Фамилия;Имя;Отчество;Дата рождения;Пол;Номер личного дела;Класс;Программа;ИУП;Надомное обучение;Дата зачисления";

test.describe("import and export", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/import");
    await expect(page.getByRole("heading", { level: 1, name: "Импорт и экспорт" })).toBeVisible();
  });

  test("the page is accessible and a template downloads with the Russian headers", async ({ page }) => {
    await expectNoAxeViolations(page);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Шаблон CSV: Ученики" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("template-students.csv");
    const text = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
    const [header, example] = text.split("\r\n");
    expect(header).toBe(STUDENT_HEADERS);
    expect(example).toContain("Иванов;Пётр;Сергеевич");
  });

  test("a file with a mistake changes nothing and names the line; the corrected file is applied once", async ({ page }) => {
    const kind = page.getByLabel("Что в файле", { exact: true });
    const file = page.getByLabel("Файл", { exact: true });
    const upload = page.getByRole("button", { name: "Загрузить" });

    await kind.selectOption({ label: "Сотрудники" });
    await file.setInputFiles("tests/fixtures/import/staff-with-errors.csv");
    await upload.click();
    await expect(page.getByRole("heading", { name: "Файл не загружен: в нём есть ошибки" })).toBeVisible();
    await expect(page.getByText("Ничего не изменено.", { exact: false })).toBeVisible();
    const errors = page.getByRole("table", { name: "Ошибки в файле «staff-with-errors.csv»" });
    await expect(errors.getByRole("rowheader", { name: "3", exact: true })).toHaveCount(2);
    await expect(errors).toContainText("Не заполнен столбец «Должность».");
    await expect(errors).toContainText("директор");
    await expectNoAxeViolations(page);

    // the good row of the rejected file was not written: both rows are new now
    await kind.selectOption({ label: "Сотрудники" });
    await file.setInputFiles("tests/fixtures/import/staff-good.csv");
    await upload.click();
    await expect(page.getByRole("heading", { name: "Импорт выполнен" })).toBeVisible();
    await expect(page.getByText("Добавлено: 2, изменено: 0, без изменений: 0.")).toBeVisible();
    const rows = page.getByRole("table", { name: "Строки файла «staff-good.csv»" });
    await expect(rows).toContainText("Голубева Нина Андреевна (9001)");
    await expect(rows).toContainText("добавлено");
    await expectNoAxeViolations(page);

    // the same file again changes nothing
    await kind.selectOption({ label: "Сотрудники" });
    await file.setInputFiles("tests/fixtures/import/staff-good.csv");
    await upload.click();
    await expect(page.getByText("Добавлено: 0, изменено: 0, без изменений: 2.")).toBeVisible();

    const runs = page.getByRole("table", { name: "Последние загрузки файлов" });
    await expect(runs).toContainText("отклонён");
    await expect(runs).toContainText("выполнен");
  });

  test("a form sent without a file names the field to fill", async ({ page }) => {
    await page.getByRole("button", { name: "Загрузить" }).click();
    await expect(page.getByText("Выберите файл CSV или Excel (XLSX).")).toBeVisible();
    await expect(page.getByLabel("Файл", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("at 200 % zoom the page needs no sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 800 });
    await expectNoHorizontalScroll(page);
  });
});
