import type { Locator, Page } from "@playwright/test";

import { test, expect, expectNoAxeViolations, signIn } from "./fixtures";

// both scenarios write to the same journal of the demo school: one after the other
test.describe.configure({ mode: "serial" });

const NOT_HELD = /отменён|перенесён/;

async function openGrid(page: Page): Promise<Locator> {
  await signIn(page, "teacher");
  await page.goto("/journal");
  await page.getByRole("link", { name: "5А, Математика", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Журнал: 5А, Математика" })).toBeVisible();
  const grid = page.getByRole("grid", { name: /^Отметки и посещаемость: 5А, Математика/ });
  await expect(grid).toBeVisible();
  return grid;
}

/** Tabs into the grid (it is one tab stop) and goes to the first held lesson with the arrows. */
async function enterGrid(page: Page, grid: Locator): Promise<{ col: number; date: string }> {
  const headers = (await grid.getByRole("columnheader").allTextContents()).slice(1, -1);
  const col = headers.findIndex((h) => !NOT_HELD.test(h));
  expect(col).toBeGreaterThanOrEqual(0);
  const date = /^\d{1,2} [а-яё]+/.exec(headers[col] ?? "")?.[0] ?? "";
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await grid.getByRole("gridcell").first().evaluate((el) => el === document.activeElement)) break;
  }
  await expect(grid.getByRole("gridcell").first()).toBeFocused();
  for (let i = 0; i < col; i++) await page.keyboard.press("ArrowRight");
  return { col, date };
}

function cell(grid: Locator, row: number, col: number): Locator {
  // row 0 of the grid is the header row
  return grid.getByRole("row").nth(row + 1).getByRole("gridcell").nth(col);
}

async function studentName(grid: Locator, row: number): Promise<string> {
  return (await grid.getByRole("rowheader").nth(row).textContent()) ?? "";
}

/** A mark the cell does not hold yet, so that the save is a real change. */
async function freshMark(c: Locator, preferred: string): Promise<string> {
  const name = (await c.getAttribute("aria-label")) ?? "";
  return name.endsWith(`: ${preferred}`) ? (preferred === "2" ? "3" : "2") : preferred;
}

/**
 * Types key by key, as a keyboard does. Playwright knows only US keys by name, so a
 * Cyrillic letter («н») is sent through the DevTools protocol as the key event a Russian
 * keyboard layout produces: key «н» on the physical key Y.
 */
const RUSSIAN_KEYS: Record<string, { code: string; vk: number }> = {
  н: { code: "KeyY", vk: 89 }, б: { code: "Comma", vk: 188 }, у: { code: "KeyE", vk: 69 }, о: { code: "KeyJ", vk: 74 }, п: { code: "KeyG", vk: 71 },
};

async function typeKeys(page: import("@playwright/test").Page, value: string): Promise<void> {
  for (const ch of value) {
    const ru = RUSSIAN_KEYS[ch];
    if (!ru) {
      await page.keyboard.press(ch);
      continue;
    }
    const cdp = await page.context().newCDPSession(page);
    const base = { key: ch, code: ru.code, windowsVirtualKeyCode: ru.vk, nativeVirtualKeyCode: ru.vk };
    await cdp.send("Input.dispatchKeyEvent", { type: "keyDown", ...base, text: ch, unmodifiedText: ch });
    await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...base });
    await cdp.detach();
  }
}

test("a teacher fills marks from the keyboard; entries typed offline wait and arrive when the network is back", async ({ page }) => {
  const grid = await openGrid(page);
  await expectNoAxeViolations(page);
  const { col, date } = await enterGrid(page, grid);

  const typed = ["5", "4", "н"];
  for (const value of typed) {
    await typeKeys(page, value);
    await page.keyboard.press("Enter");
  }
  for (const [row, value] of typed.entries()) {
    const c = cell(grid, row, col);
    const student = await studentName(grid, row);
    await expect(c).toHaveAccessibleDescription("сохранено");
    // a mark typed over an absence keeps the absence: «н 5»
    const shown = value === "н" ? "н( .+)?" : `((н|б|у|оп) )?${value}`;
    await expect(c).toHaveAccessibleName(new RegExp(`^${student}, ${date}: ${shown}$`));
  }
  // after three Enters focus is on the fourth student's cell of the same lesson
  await expect(cell(grid, 3, col)).toBeFocused();

  await page.context().setOffline(true);
  await expect(page.getByText("Нет связи с сервером.", { exact: false }).first()).toBeVisible();
  const offlineValues = [await freshMark(cell(grid, 3, col), "3"), await freshMark(cell(grid, 4, col), "4")];
  for (const value of offlineValues) {
    await typeKeys(page, value);
    await page.keyboard.press("Enter");
  }
  for (const row of [3, 4]) await expect(cell(grid, row, col)).toHaveAccessibleDescription("сохраняется…");
  await expect(page.getByText("2 записи ждут отправки")).toBeVisible();

  await page.context().setOffline(false);
  for (const [i, row] of [3, 4].entries()) {
    const c = cell(grid, row, col);
    await expect(c).toHaveAccessibleDescription("сохранено");
    await expect(c).toHaveAccessibleName(`${await studentName(grid, row)}, ${date}: ${offlineValues[i]}`);
  }
  await expect(page.getByText("Все записи сохранены.")).toBeVisible();
});

test("an entry typed offline survives a reload and is sent after it", async ({ page }) => {
  const grid = await openGrid(page);
  const { col, date } = await enterGrid(page, grid);
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowDown");
  const target = cell(grid, 5, col);
  await expect(target).toBeFocused();
  const value = await freshMark(target, "2");

  await page.context().setOffline(true);
  await expect(page.getByText("Нет связи с сервером.", { exact: false }).first()).toBeVisible();
  await typeKeys(page, value);
  await page.keyboard.press("Enter");
  await expect(target).toHaveAccessibleDescription("сохраняется…");

  await page.context().setOffline(false);
  await page.reload();
  const again = page.getByRole("grid", { name: /^Отметки и посещаемость: 5А, Математика/ });
  await expect(page.getByText("Все записи сохранены.")).toBeVisible();
  await expect(cell(again, 5, col)).toHaveAccessibleName(`${await studentName(again, 5)}, ${date}: ${value}`);
  // and it is on the server, not only in this browser
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(cell(page.getByRole("grid", { name: /^Отметки и посещаемость: 5А, Математика/ }), 5, col)).toHaveAccessibleName(
    `${await studentName(again, 5)}, ${date}: ${value}`,
  );
});
