/**
 * Shared browser-test helpers: a page that fails the test on any console error, an axe
 * scan against WCAG 2.2 AA, and sign-in as a demo user.
 */
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";

export const DEMO_PASSWORD = "demo2026";

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (msg) => {
      // a request refused by the browser while a test has cut the network is the network,
      // not the app: the offline tests assert what the page does about it (Chromium says
      // ERR_INTERNET_DISCONNECTED, or ERR_FAILED when the service worker's fetch failed)
      const text = msg.text();
      const offline = text.includes("net::ERR_INTERNET_DISCONNECTED") || text.includes("net::ERR_FAILED");
      // Chromium's «Failed to load resource» does not say which: the location does
      if (msg.type() === "error" && !offline) errors.push(text.startsWith("Failed to load resource") ? `${text} ${msg.location().url}` : text);
    });
    // the address tells which page threw (a minified React error says little more)
    page.on("pageerror", (err) => errors.push(`${err.message} (at ${page.url()})`));
    await use(page);
    expect(errors, "the page logged errors").toEqual([]);
  },
});

export { expect };

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Логин").fill(login);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  // done when the session is set (we left the login page) or the form says why not
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/login")),
    formAlert(page).waitFor(),
  ]);
}

/** What the seed printed for the demo school (written by scripts/e2e-server.mjs). */
export function seedSummary(): { invitations: { code: string; guardian: string }[] } {
  return JSON.parse(readFileSync("test-results/e2e-seed.json", "utf8")) as { invitations: { code: string; guardian: string }[] };
}

/** At 200 % zoom a 1280-pixel screen is 640 CSS pixels wide: nothing may need sideways scrolling. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  // on failure, name the elements that stick out, so the fix is not a guess
  const culprits = overflow > 0
    ? await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return Array.from(document.querySelectorAll("body *"))
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .slice(-5)
          .map((el) => `${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ").slice(0, 3).join(".")}: ${(el.textContent ?? "").slice(0, 40)}`);
      })
    : [];
  expect(overflow, culprits.join("\n")).toBeLessThanOrEqual(0);
}

/** The page's own alert (an error summary), not Next's empty route announcer. */
export function formAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}
