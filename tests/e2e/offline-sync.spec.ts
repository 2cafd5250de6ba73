/**
 * The diary on the phone keeps up with the journal (issue 7, item 3): the parent's phone
 * has synced the diary and goes offline; the offline diary shows the week, the marks and
 * the homework from IndexedDB. Meanwhile the maths teacher gives the child a new mark and
 * deletes another. When the phone is back online the open diary syncs by itself, and the
 * offline diary then shows the new mark (also under «Новые оценки») and no longer the
 * deleted one, with the same average and formula as the live diary.
 */
import type { Locator, Page } from "@playwright/test";

import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

const SYNCED_AT = "zhurnal.offline.syncedAt";

function syncedAt(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), SYNCED_AT);
}

/** "date: mark" for each row of a marks table (the date is the row's header). */
function rows(table: Locator): Promise<string[]> {
  return table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => `${tr.querySelector("th")?.textContent?.trim() ?? ""}: ${tr.querySelector("td")?.textContent?.trim() ?? ""}`));
}

/** The offline diary of the child in 5А: its maths table of the current period. */
async function offlineMaths(page: Page, childName: string): Promise<Locator> {
  await page.getByRole("navigation", { name: "Чей дневник показать" }).getByRole("button", { name: childName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Дневник: ${childName}`);
  return page.getByRole("region", { name: "Математика", exact: true }).getByRole("table");
}

type GridCell = { date: string; value: string; readonly: boolean };

/** The cells of one student's row of the grid, by the names they announce («…, 3 декабря: 5»). */
async function gridCells(row: Locator, student: string): Promise<{ cell: Locator; info: GridCell }[]> {
  const cells = row.getByRole("gridcell");
  const out: { cell: Locator; info: GridCell }[] = [];
  for (let i = 0; i < (await cells.count()); i++) {
    const cell = cells.nth(i);
    const name = (await cell.getAttribute("aria-label")) ?? "";
    const m = new RegExp(`^${student}, (.+?): (.*)$`).exec(name);
    if (!m) continue;
    out.push({ cell, info: { date: m[1] ?? "", value: m[2] ?? "", readonly: (await cell.getAttribute("aria-readonly")) === "true" } });
  }
  return out;
}

test("a mark given and one deleted while the phone was offline reach the offline diary when it is back online", async ({ page, context, browser }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, "parent");
  await page.goto("/diary");
  const switcher = page.getByRole("navigation", { name: "Чей дневник" });
  await switcher.getByRole("link", { name: /5А/ }).click();
  await expect(switcher.getByRole("link", { name: /5А/ })).toHaveAttribute("aria-current", "page");
  const childName = ((await switcher.getByRole("link", { name: /5А/ }).textContent()) ?? "").split(",")[0]?.trim() ?? "";
  expect(childName.split(" ").length).toBeGreaterThanOrEqual(2);
  // the grid names a student «Фамилия Имя»
  const gridName = childName.split(" ").slice(0, 2).join(" ");

  // the live diary has synced the family's diary and the worker keeps the offline page
  await expect.poll(() => syncedAt(page), { timeout: 20_000 }).not.toBeNull();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(async () => (await caches.match("/diary/offline")) !== undefined), { timeout: 20_000 }).toBe(true);
  const firstSync = await syncedAt(page);

  // the network goes: a second tab opens the diary kept on the phone
  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "Нет связи" })).toBeVisible();
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 360, height: 800 });
  await phone.goto("/diary/offline");
  await expect(phone.getByRole("status").filter({ hasText: /^Нет связи\. Данные на / })).toBeVisible();
  const mathsTable = await offlineMaths(phone, childName);
  const before = await rows(mathsTable);
  expect(before.length).toBeGreaterThan(0);
  await expect(phone.getByRole("heading", { level: 2, name: "Расписание и задания" })).toBeVisible();
  await expect(phone.getByRole("heading", { level: 2, name: "Оценки по предметам" })).toBeVisible();
  await expect(phone.getByRole("heading", { level: 2, name: "Домашние задания" })).toBeVisible();
  await expectNoAxeViolations(phone);
  await expectNoHorizontalScroll(phone);

  // meanwhile, at school: the maths teacher gives a 5 on a lesson without a mark and deletes
  // a mark of another day (each day of maths has one lesson column, so a day names a cell)
  const school = await browser.newContext();
  const teacher = await school.newPage();
  await signIn(teacher, "teacher");
  await teacher.goto("/journal");
  await teacher.getByRole("link", { name: "5А, Математика", exact: true }).click();
  const grid = teacher.getByRole("grid", { name: /^Отметки и посещаемость: 5А, Математика/ });
  await expect(grid).toBeVisible();
  const row = grid.getByRole("row").filter({ has: teacher.getByRole("rowheader", { name: gridName }) });
  const cells = await gridCells(row, gridName);
  const once = (date: string) => cells.filter((c) => c.info.date === date).length === 1;
  const given = cells.find((c) => !c.info.readonly && c.info.value === "пусто" && once(c.info.date) && !before.some((r) => r.startsWith(`${c.info.date}:`)));
  const deleted = cells.find((c) => !c.info.readonly && /^[2-5]$/.test(c.info.value) && once(c.info.date) && before.includes(`${c.info.date}: ${c.info.value}`));
  expect(given, "a lesson of the period without a mark").toBeDefined();
  expect(deleted, "a lesson of the period with a mark").toBeDefined();
  if (!given || !deleted) return;

  await given.cell.click();
  await teacher.keyboard.press("5");
  await teacher.keyboard.press("Enter");
  await expect(given.cell).toHaveAccessibleDescription("сохранено");
  await expect(given.cell).toHaveAccessibleName(`${gridName}, ${given.info.date}: 5`);
  await deleted.cell.click();
  await teacher.keyboard.press("Delete");
  await expect(deleted.cell).toHaveAccessibleDescription("сохранено");
  await expect(deleted.cell).toHaveAccessibleName(`${gridName}, ${deleted.info.date}: пусто`);
  await school.close();

  // still offline, the phone knows nothing of it
  await phone.reload();
  expect(await rows(await offlineMaths(phone, childName))).toEqual(before);

  // back online: the open diary syncs by itself
  await context.setOffline(false);
  await expect.poll(() => syncedAt(page), { timeout: 20_000 }).not.toBe(firstSync);

  // offline again, the phone shows the new mark and not the deleted one
  await context.setOffline(true);
  await phone.reload();
  const after = await rows(await offlineMaths(phone, childName));
  expect(after).toContain(`${given.info.date}: 5`);
  expect(after).not.toContain(`${deleted.info.date}: ${deleted.info.value}`);
  expect([...after].sort()).toEqual([...before.filter((r) => r !== `${deleted.info.date}: ${deleted.info.value}`), `${given.info.date}: 5`].sort());
  await expect(phone.getByRole("region", { name: "Новые оценки" })).toContainText(`${given.info.date}, Математика: «5»`);
  const offlineFormula = (await phone.getByRole("region", { name: "Математика", exact: true }).getByText(/^Формула: /).textContent()) ?? "";
  await phone.close();

  // the same average and formula as the live diary shows
  await context.setOffline(false);
  await page.goto("/diary");
  await switcher.getByRole("link", { name: /5А/ }).click();
  await expect(switcher.getByRole("link", { name: /5А/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Все оценки по предметам" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Оценки: / })).toBeVisible();
  const liveFormula = (await page.getByRole("region", { name: "Математика" }).getByText(/^Формула: /).textContent()) ?? "";
  expect(offlineFormula).toBe(liveFormula);
});
