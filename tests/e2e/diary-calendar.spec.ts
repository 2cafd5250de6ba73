/**
 * The family's calendar in the phone (issue 9, item 6): a parent makes the secret
 * address for a child, the address serves an iCalendar file with the lessons, and
 * turning it off makes it answer 404. The page is scanned by axe and works at 200 % zoom.
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

test("a parent makes a calendar address, the phone reads it, and once turned off it is gone", async ({ page, request }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, "parent");
  await page.goto("/diary");
  await page.getByRole("button", { name: /Разделы дневника/ }).click();
  await page.getByRole("link", { name: "Календарь в телефоне" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Календарь в телефоне/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("button", { name: /Создать адрес календаря/ }).first().click();
  await expect(page.getByText("Адрес создан. Скопируйте его сейчас — больше он показан не будет.")).toBeVisible();
  const address = await page.getByRole("textbox", { name: "Адрес календаря" }).inputValue();
  expect(address).toMatch(/\/calendar\/[A-Za-z0-9_-]{40,}$/);
  await expectNoAxeViolations(page);

  // the phone: no session, just the address
  const path = new URL(address).pathname;
  const ics = await request.get(path, { headers: { cookie: "" } });
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const text = await ics.text();
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(text).toContain("BEGIN:VEVENT");
  expect(text).toMatch(/X-WR-CALNAME:Дневник: /);

  await page.reload();
  const list = page.getByRole("table", { name: "Действующие адреса календаря" });
  await expect(list.getByRole("row")).toHaveCount(2);
  await list.getByRole("button", { name: /Отключить/ }).click();
  await page.getByRole("button", { name: "Да, отключить" }).click();
  await expect(page.getByText(/Адрес отключён/)).toBeVisible();
  const gone = await request.get(path);
  expect(gone.status()).toBe(404);
  expect(await gone.text()).toBe("");
});
