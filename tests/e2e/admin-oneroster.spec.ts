/**
 * The OneRoster CSV exchange in the browser (issue 9, item 4): the administrator
 * downloads the school as a OneRoster package, checks it on the upload form (the same
 * school's package: nothing to add, nothing to change), loads it, and sees the load in
 * the history; a file that is not a package is refused with the reason and nothing
 * changes. Scanned by axe; works at 200 % zoom.
 */
import { readFile } from "node:fs/promises";

import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, formAlert, signIn } from "./fixtures";

test("the administrator exports the school, checks and loads the package, and a broken file is refused", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/oneroster");
  await expect(page.getByRole("heading", { level: 1, name: "Обмен данными OneRoster" })).toBeVisible();
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Выгрузить всю школу (ZIP)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^oneroster-.*\.zip$/);
  const zip = await readFile((await download.path()) ?? "");
  expect(zip.subarray(0, 2).toString()).toBe("PK");

  // the same school's package: checked, nothing new
  const file = page.getByLabel("Архив ZIP с пакетом OneRoster");
  await file.setInputFiles({ name: "school.zip", mimeType: "application/zip", buffer: zip });
  await page.getByRole("button", { name: "Проверить" }).click();
  await expect(page.getByText("Пакет «school.zip» проверен: ошибок нет")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/После загрузки будет добавлено: 0, изменено: 0, без изменений: \d+\./)).toBeVisible();
  await expect(page.getByRole("table", { name: "Файлы в пакете" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Загрузить", exact: true }).click();
  await expect(page.getByText("Пакет «school.zip» загружен")).toBeVisible({ timeout: 60_000 });
  await page.reload();
  await expect(page.getByRole("table", { name: "Последние загрузки пакетов OneRoster" }).getByRole("cell", { name: "school.zip" }).first()).toBeVisible();

  // not a package at all
  await file.setInputFiles({ name: "list.zip", mimeType: "application/zip", buffer: Buffer.from("это не архив") });
  await page.getByRole("button", { name: "Проверить" }).click();
  await expect(formAlert(page)).toBeVisible({ timeout: 30_000 });
  await expect(formAlert(page)).toBeFocused();
  await page.setViewportSize({ width: 640, height: 900 });
  await expectNoHorizontalScroll(page);
});
