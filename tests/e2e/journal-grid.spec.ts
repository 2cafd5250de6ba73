import type { Locator, Page } from "@playwright/test";

import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

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

/** The first lesson column with no cancelled lesson and no locked cell (every student can be written), after `skip` such columns. */
async function writableColumn(grid: Locator, skip = 0): Promise<{ col: number; date: string }> {
  const headers = (await grid.getByRole("columnheader").allTextContents()).slice(1, -1);
  // per lesson column: does every row's cell accept entries?
  const open = await grid.evaluate((table, count) => {
    const rows = [...table.querySelectorAll("tbody tr")];
    return Array.from({ length: count }, (_, col) => rows.every((tr) => tr.querySelectorAll("[role=gridcell]")[col]?.getAttribute("aria-readonly") === null));
  }, headers.length);
  const cols = headers.map((h, col) => ({ col, h })).filter(({ h, col }) => !NOT_HELD.test(h) && open[col]);
  const found = cols[skip];
  if (!found) throw new Error("no lesson column where every student can be written");
  return { col: found.col, date: /^\d{1,2} [а-яё]+/.exec(found.h)?.[0] ?? "" };
}

/** Tabs into the grid and goes to the given column of the first row with the arrows. */
async function enterAt(page: Page, grid: Locator, col: number): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await grid.getByRole("gridcell").first().evaluate((el) => el === document.activeElement)) break;
  }
  await expect(grid.getByRole("gridcell").first()).toBeFocused();
  for (let i = 0; i < col; i++) await page.keyboard.press("ArrowRight");
  await expect(cell(grid, 0, col)).toBeFocused();
}

/** What a cell's status line says («сохранено», «сохраняется…»), or "" when it has none. */
async function cellStatus(c: Locator): Promise<string> {
  return c.evaluate((el) => {
    const id = el.getAttribute("aria-describedby");
    return id ? (document.getElementById(id)?.textContent ?? "") : "";
  });
}

// marks and absences, as a lesson's column looks after a lesson: «оп» is typed key by key
const LESSON_ENTRIES = ["5", "4", "н", "3", "оп", "4/5", "2", "б", "5", "у", "4", "3"];

test("a teacher fills one lesson's marks and attendance for the whole class from the keyboard; each entry arrives once", async ({ page }) => {
  const grid = await openGrid(page);
  const { col, date } = await writableColumn(grid, 1);
  const rows = await grid.getByRole("rowheader").count();
  expect(rows).toBeGreaterThanOrEqual(10);
  await enterAt(page, grid, col);

  const typed: string[] = [];
  for (let row = 0; row < rows; row++) {
    const c = cell(grid, row, col);
    await expect(c).toBeFocused();
    const value = LESSON_ENTRIES[row % LESSON_ENTRIES.length] ?? "5";
    // a cell that already holds something is cleared first, so it ends up holding exactly this
    if (!((await c.getAttribute("aria-label")) ?? "").endsWith(": пусто")) await page.keyboard.press("Delete");
    await typeKeys(page, value);
    await page.keyboard.press("Enter");
    typed.push(value);
  }
  // the last Enter stays on the last row
  await expect(cell(grid, rows - 1, col)).toBeFocused();
  await expect(page.getByText("Все записи сохранены.")).toBeVisible();

  const students: string[] = [];
  for (let row = 0; row < rows; row++) {
    students.push(await studentName(grid, row));
    await expect(cell(grid, row, col)).toHaveAccessibleName(`${students[row]}, ${date}: ${typed[row]}`);
  }
  const statuses = await Promise.all(Array.from({ length: rows }, (_, row) => cellStatus(cell(grid, row, col))));
  expect(statuses.filter((s) => s === "сохранено")).toHaveLength(rows);

  // on the server, not only on this page: every student's entry is there once, as typed
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  const again = page.getByRole("grid", { name: /^Отметки и посещаемость: 5А, Математика/ });
  await expect(again.getByRole("rowheader")).toHaveCount(rows);
  const names = await Promise.all(Array.from({ length: rows }, (_, row) => cell(again, row, col).getAttribute("aria-label")));
  expect(names).toEqual(typed.map((value, row) => `${students[row]}, ${date}: ${value}`));
});

test("a teacher sets a column's work type and opens a cell's history from the keyboard", async ({ page }) => {
  const grid = await openGrid(page);
  const { col, date } = await writableColumn(grid);
  await enterAt(page, grid, col);
  const student = await studentName(grid, 0);
  // a mark in the first row, so that the column's weight shows in that student's average
  const mark = await freshMark(cell(grid, 0, col), "5");
  await page.keyboard.press("Delete");
  await typeKeys(page, mark);
  await page.keyboard.press("Enter");
  await expect(cell(grid, 0, col)).toHaveAccessibleName(`${student}, ${date}: ${mark}`);
  await expect(page.getByText("Все записи сохранены.")).toBeVisible();
  await page.keyboard.press("ArrowUp");

  // the panel of the focused cell is just before the grid: Shift+Tab reaches its work type
  const chooser = page.getByRole("combobox", { name: `Вид работы урока ${date}` });
  for (let i = 0; i < 4 && !(await chooser.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(chooser).toBeFocused();
  const options = await chooser.locator("option").allTextContents();
  const current = await chooser.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
  const wanted = (options[current] ?? "").startsWith("Контрольная") ? "Самостоятельная работа (вес 1,5)" : "Контрольная работа (вес 2)";
  const target = options.indexOf(wanted);
  expect(target).toBeGreaterThanOrEqual(0);
  for (let i = current; i !== target; i += Math.sign(target - current)) await page.keyboard.press(target > current ? "ArrowDown" : "ArrowUp");
  await expect(chooser.locator("option:checked")).toHaveText(wanted);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Сохранить вид работы" })).toBeFocused();
  await page.keyboard.press("Enter");

  const name = wanted.replace(/ \(вес .*\)$/, "");
  const weight = /\(вес (.*)\)$/.exec(wanted)?.[1] ?? "";
  await expect(page.getByRole("status").filter({ hasText: `Вид работы урока ${date}: «${name}».` })).toBeVisible();
  await expect(grid.getByRole("columnheader").nth(col + 1)).toContainText(`${name}, вес ${weight}`);

  // back into the grid (it keeps its place), to the average: its formula now weighs the mark by the new weight
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(cell(grid, 0, col)).toBeFocused();
  await page.keyboard.press("End");
  const how = grid.getByRole("row").nth(1).getByRole("button", { name: "Как посчитано" });
  await expect(how).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(how).toHaveAttribute("aria-expanded", "true");
  await expect(grid.getByRole("row").nth(1).getByText(/^Средний взвешенный:/)).toContainText(`${mark}×${weight}`);
  await expect(page.getByRole("status").filter({ hasText: `${student}: средний взвешенный` })).toHaveCount(1);

  // the history of the cell: Shift+F10, read, Escape, and focus is back on the cell
  await page.keyboard.press("Home");
  for (let i = 0; i < col; i++) await page.keyboard.press("ArrowRight");
  await expect(cell(grid, 0, col)).toBeFocused();
  await page.keyboard.press("Shift+F10");
  const dialog = page.getByRole("dialog", { name: `История клетки: ${student}, ${date}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { level: 2 })).toBeFocused();
  const table = dialog.getByRole("table", { name: "Все изменения клетки, сначала новые" });
  // newest first: the mark moved to the new work type, with the reason
  const newest = table.getByRole("row").nth(1);
  const after = newest.getByRole("cell").nth(2);
  await expect(after).toContainText(mark);
  await expect(after).toContainText(`(${name})`);
  await expect(newest).toContainText(/изменён вид работы урока/i);
  await expect(newest).toContainText(/[А-ЯЁ][а-яё]+ [А-ЯЁ]\. [А-ЯЁ]\./);
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(cell(grid, 0, col)).toBeFocused();

  // at 200 % zoom (640 CSS pixels) neither the page nor the dialog needs sideways scrolling
  await page.setViewportSize({ width: 640, height: 720 });
  await expectNoHorizontalScroll(page);
  await page.keyboard.press("Shift+F10");
  await expect(table).toBeVisible();
  expect(await dialog.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const box = await dialog.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(640);
  await page.keyboard.press("Escape");
  await expect(cell(grid, 0, col)).toBeFocused();
});
