/**
 * Issue 5, Done when: a substitution made by the administrator shows in the family's week
 * within one reload. The parent has the week of the child in 5А open; the administrator
 * gives one of that class's lessons of the next school day to another teacher; one reload
 * later the parent sees «Замена» with the reason. Both run in the same browser, each in
 * its own context (its own session).
 */
import { test, expect, expectNoAxeViolations, signIn } from "./fixtures";

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

test("a substitution made by the administrator shows in the parent's week after one reload", async ({ page, browser }) => {
  const REASON = "Учитель на областном семинаре";
  // the administrator, in a context of their own: the next school day with a lesson of 5А
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  const ours = () => admin.getByRole("table", { name: /^Уроки:/ }).locator("tbody tr").filter({ hasText: /^\s*5А/ }).filter({ has: admin.getByRole("link", { name: /^Изменить/ }) });
  let day = "";
  for (let offset = 1; offset <= 30 && !day; offset++) {
    await admin.goto(`/admin/substitutions?date=${schoolDay(offset)}`);
    if ((await ours().count()) > 0) day = schoolDay(offset);
  }
  expect(day, "a school day with a lesson of 5А within 30 days").not.toBe("");

  // the parent opens that week of the child in 5А
  await signIn(page, "parent");
  await page.goto(`/diary?week=${day}`);
  await page.getByRole("navigation", { name: "Чей дневник" }).getByRole("link", { name: /5А/ }).click();
  await expect(page.getByText("класс 5А", { exact: true })).toBeVisible();
  await expect(page.getByText(REASON)).toHaveCount(0);

  // the administrator gives that lesson to a teacher free at that hour: the form refuses a
  // busy one with a message, so try them in turn
  await ours().first().getByRole("link", { name: /^Изменить/ }).click();
  const form = admin.locator("form#substitute");
  // the lesson's form has opened (reading the options before would read an empty page)
  await expect(form.getByLabel("Кто проведёт урок")).toBeVisible();
  const everyone = (await form.getByLabel("Кто проведёт урок").locator("option").allTextContents()).slice(1);
  let free = "";
  for (const candidate of everyone) {
    await form.getByLabel("Кто проведёт урок").selectOption({ label: candidate });
    await form.getByLabel("Причина").fill(REASON);
    // the server action answers each try (a stale message of the try before must not count)
    const answered = admin.waitForResponse((r) => r.request().method() === "POST");
    await form.getByRole("button", { name: "Назначить замену" }).click();
    await answered;
    const done = form.getByRole("status").filter({ hasText: "Замена назначена" });
    if (await done.waitFor({ timeout: 3000 }).then(() => true, () => false)) {
      free = candidate;
      break;
    }
  }
  expect(free, "a teacher free at that hour").not.toBe("");
  await adminContext.close();

  // one reload: the family sees the substitute and the reason
  await page.reload();
  const lesson = page.locator("li, article, section").filter({ hasText: REASON }).last();
  await expect(lesson).toContainText("Замена");
  await expect(lesson).toContainText(initials(free).split(" ")[0] ?? "");
  await expectNoAxeViolations(page);
});
