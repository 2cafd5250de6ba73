import type { Page } from "@playwright/test";

import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, formAlert, signIn } from "./fixtures";

/** Chooses a class on the extracts page and prepares its extracts for the whole class. */
async function prepareWholeClass(page: Page, className: RegExp, large = false): Promise<void> {
  await page.goto("/admin/extracts");
  const option = (await page.locator("#cohort option", { hasText: className }).first().textContent()) ?? "";
  await page.getByLabel("Класс", { exact: true }).selectOption({ label: option });
  await page.getByRole("button", { name: "Выбрать" }).click();
  const form = page.getByRole("form", { name: /^Выписки класса/ });
  await expect(form).toBeVisible();
  await form.getByLabel("Всему классу").check();
  if (large) await form.getByLabel("Крупный шрифт").check();
  await form.getByRole("button", { name: "Подготовить выписки" }).click();
}

async function expectPdf(page: Page, href: string | null): Promise<void> {
  expect(href).toBeTruthy();
  const response = await page.request.get(href ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
}

test.describe("paper extracts (administrator)", () => {
  test("prepares a class's extracts, downloads the PDF, sees it in the print log; bad dates are refused next to the field", async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 900 });
    await signIn(page, "admin");
    await page.goto("/admin/extracts");
    await expect(page.getByRole("heading", { level: 1, name: "Выписки из электронного журнала" })).toBeVisible();
    await expectNoAxeViolations(page);

    await prepareWholeClass(page, /^6А/, true);
    const status = page.getByRole("status").filter({ hasText: "Готово к печати" });
    await expect(status).toContainText("6А");
    const students = page.getByRole("table", { name: "Ученики класса 6А: выписка каждого отдельно" });
    await expect(students).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await expectPdf(page, await status.getByRole("link", { name: /^Скачать PDF/ }).getAttribute("href"));
    await expectPdf(page, await students.getByRole("link", { name: /^крупный шрифт — выписка ученика/ }).first().getAttribute("href"));

    // the print log: newest first, the class file as one line, in large print
    await page.goto("/admin/extracts");
    const log = page.getByRole("table", { name: "Напечатанные выписки, сначала новые" });
    await expect(log.getByRole("row").nth(1)).toContainText("крупный");
    await expect(log.getByRole("row").nth(2)).toContainText("6А");
    await expect(log.getByRole("row").nth(2)).toContainText("одним файлом");
    await expectNoAxeViolations(page);

    // dates that are not dates: the error next to the field, nothing printed
    await page.getByLabel("Класс", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Выбрать" }).click();
    const form = page.getByRole("form", { name: /^Выписки класса/ });
    await form.getByLabel("За даты").check();
    await form.getByLabel("С какого дня").fill("31.02.2026");
    await form.getByLabel("По какой день").fill("10.03.2026");
    await form.getByRole("button", { name: "Подготовить выписки" }).click();
    await expect(formAlert(page)).toContainText("Выписки не подготовлены");
    await expect(page.locator("#from-error")).toContainText("«31.02.2026» — не дата.");
    await expect(page.getByLabel("С какого дня")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("link", { name: /^Скачать PDF/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // a bad id in the address: a Russian message and 400
    const bad = await page.request.get("/api/reports/extract?student=42");
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("Неверная ссылка на ученика");
  });

  test("the class teacher prints their own class's extracts and the summary sheet, not another class's", async ({ page }) => {
    await signIn(page, "admin");
    await prepareWholeClass(page, /^5А/);
    const own = await page.getByRole("table", { name: /^Ученики класса 5А/ }).getByRole("link", { name: /^PDF — выписка ученика/ }).first().getAttribute("href");
    const ownId = new URLSearchParams((own ?? "").split("?")[1]).get("student") ?? "";
    const cohortId = await page.locator('form input[name="cohort"]').first().inputValue();
    await prepareWholeClass(page, /^6А/);
    const other = await page.getByRole("table", { name: /^Ученики класса 6А/ }).getByRole("link", { name: /^PDF — выписка ученика/ }).first().getAttribute("href");
    const otherId = new URLSearchParams((other ?? "").split("?")[1]).get("student") ?? "";
    await page.context().clearCookies();

    await signIn(page, "teacher");
    await page.goto(`/journal/record/${ownId}`);
    const links = page.getByRole("navigation", { name: "Выписка из журнала за текущий период" });
    await expect(links.getByRole("link", { name: "Выписка (PDF)" })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectPdf(page, await links.getByRole("link", { name: "Выписка (PDF)" }).getAttribute("href"));
    await expectPdf(page, await links.getByRole("link", { name: "Выписка крупным шрифтом (PDF)" }).getAttribute("href"));

    // 6А: the teacher teaches maths there but does not lead it
    expect((await page.request.get(`/api/reports/extract?student=${otherId}`)).status()).toBe(404);
    expect((await page.request.get(`/api/reports/extract/class?cohort=${cohortId}&period=bad`)).status()).toBe(400);

    await page.goto(`/journal/summary/${cohortId}`);
    await expect(page.getByRole("link", { name: "Скачать PDF" })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectPdf(page, await page.getByRole("link", { name: "Скачать PDF" }).getAttribute("href"));
  });
});
