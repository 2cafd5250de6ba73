/**
 * The diary on the phone without a network (issue 7, items 2–5): the parent opens the
 * diary once online (the sync stores it in IndexedDB), then, with the network gone, the
 * offline diary shows the week of the first child with an honest «Нет связи. Данные на …»;
 * the other child is one button away; signing out leaves no `zhurnal-*` database. Before
 * any sync the offline diary says what to do. Both scanned by axe at 360 px.
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";
import type { Page } from "@playwright/test";

async function offlineDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("zhurnal-")));
}

test.describe("the offline diary", () => {
  test("before the first sync it says the diary is not saved on this phone yet", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    // no sync can happen in this test: the diary's pages would otherwise sync at once
    await page.route("**/api/diary/sync**", (route) => route.abort());
    await signIn(page, "student");
    await page.goto("/diary/offline");
    await expect(page.getByRole("heading", { level: 1, name: "Дневник без интернета" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Дневник ещё не сохранён на этом телефоне: откройте его один раз с интернетом." })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test("the parent's week opens offline with the time of the data; signing out wipes it", async ({ page, context }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, "parent");
    await page.goto("/diary");
    const heading = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    expect(heading).toMatch(/^Дневник: /);
    const firstLesson = (await page.getByRole("heading", { level: 3, name: /-й урок/ }).first().textContent()) ?? "";
    expect(firstLesson).toMatch(/-й урок/);

    // the sync has stored the family's diary on the device, in this user's own database
    await expect.poll(() => page.evaluate(() => localStorage.getItem("zhurnal.offline.syncedAt")), { timeout: 20_000 }).not.toBeNull();
    expect(await offlineDatabases(page)).toHaveLength(1);
    // the service worker holds the offline diary's page
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(async () => (await caches.match("/diary/offline")) !== undefined), { timeout: 20_000 }).toBe(true);

    await context.setOffline(true);
    await page.goto("/diary/offline");
    await expect(page.getByRole("status").filter({ hasText: /^Нет связи\. Данные на \d{2}:\d{2}, \d{1,2} [а-я]+/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.getByRole("heading", { level: 2, name: "Расписание и задания" })).toBeVisible();
    // the same lesson of the timetable comes on several days: the first of them is enough
    await expect(page.getByRole("heading", { level: 4, name: firstLesson }).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Оценки по предметам" })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // the other child, still offline
    const switcher = page.getByRole("navigation", { name: "Чей дневник показать" });
    const other = switcher.getByRole("button", { pressed: false });
    // read the name before the click: afterwards "not pressed" is the first child
    const otherName = (await other.textContent()) ?? "";
    await other.click();
    await expect(switcher.getByRole("button", { pressed: true })).toHaveText(otherName);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(heading);

    // back online, signing out deletes the family's data from the device (after the
    // diary's sync on opening is done: a sync cut by the sign-out is another test's)
    const synced = await page.evaluate(() => localStorage.getItem("zhurnal.offline.syncedAt"));
    await context.setOffline(false);
    await page.goto("/diary");
    await expect.poll(() => page.evaluate(() => localStorage.getItem("zhurnal.offline.syncedAt")), { timeout: 20_000 }).not.toBe(synced);
    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/signedOut=1/);
    await expect.poll(() => offlineDatabases(page), { timeout: 10_000 }).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem("zhurnal.offline.user"))).toBeNull();
  });
});
