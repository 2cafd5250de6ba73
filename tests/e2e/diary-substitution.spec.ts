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
  // the administrator, in a context of their own: the next school day with a lesson of
  // 5А at an hour when some teacher is free (every teacher is offered; those teaching at
  // that lesson number that day are busy)
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  const lessonsTable = () => admin.getByRole("table", { name: /^Уроки:/ });
  let everyone: string[] = [];
  let day = "";
  let pick: { i: number; free: string } | null = null;
  for (let offset = 1; offset <= 30 && !pick; offset++) {
    day = schoolDay(offset);
    await admin.goto(`/admin/substitutions?date=${day}`);
    const cells = await lessonsTable().locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").trim())));
    const ours = cells.map((r, i) => ({ r, i })).filter(({ r }) => (r[0] ?? "").startsWith("5А") && (r[6] ?? "").startsWith("Изменить"));
    if (ours.length === 0) continue;
    if (everyone.length === 0) {
      await lessonsTable().locator("tbody tr").nth(ours[0]?.i ?? 0).getByRole("link", { name: /^Изменить/ }).click();
      everyone = (await admin.locator("form#substitute").getByLabel("Кто проведёт урок").locator("option").allTextContents()).slice(1);
      await admin.goto(`/admin/substitutions?date=${day}`);
    }
    for (const { r, i } of ours) {
      const free = everyone.find((o) => !cells.some((c) => c[1] === r[1] && c[3] === initials(o)));
      if (free) {
        pick = { i, free };
        break;
      }
    }
  }
  if (!pick) throw new Error("no lesson of 5А within 30 days has a free teacher");
  const { free } = pick;

  // the parent opens that week of the child in 5А
  await signIn(page, "parent");
  await page.goto(`/diary?week=${day}`);
  await page.getByRole("navigation", { name: "Чей дневник" }).getByRole("link", { name: /5А/ }).click();
  await expect(page.getByText("класс 5А", { exact: true })).toBeVisible();
  await expect(page.getByText(REASON)).toHaveCount(0);

  // the administrator gives that lesson to the free teacher
  await lessonsTable().locator("tbody tr").nth(pick.i).getByRole("link", { name: /^Изменить/ }).click();
  const form = admin.locator("form#substitute");
  await form.getByLabel("Кто проведёт урок").selectOption({ label: free });
  await form.getByLabel("Причина").fill(REASON);
  await form.getByRole("button", { name: "Назначить замену" }).click();
  await expect(form.getByRole("status")).toContainText("Замена назначена");
  await adminContext.close();

  // one reload: the family sees the substitute and the reason
  await page.reload();
  const lesson = page.locator("li, article, section").filter({ hasText: REASON }).last();
  await expect(lesson).toContainText("Замена");
  await expect(lesson).toContainText(initials(free).split(" ")[0] ?? "");
  await expectNoAxeViolations(page);
});
