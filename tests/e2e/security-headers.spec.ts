/**
 * The security headers and cookies a browser gets (issue 10, item 3): every page has a
 * Content-Security-Policy with a fresh nonce that every script of the page carries (and
 * the page works under it: the fixture fails on any console error, CSP refusals
 * included); no page may be framed; the API answers with a policy that runs nothing; the
 * session cookie is httpOnly and SameSite; an unknown page shows no stack trace.
 */
import { test, expect, signIn } from "./fixtures";

test("pages carry a nonce policy that all their scripts follow, and a new nonce each time", async ({ page, request, browser }) => {
  const first = await request.get("/login");
  const csp = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  const second = await request.get("/login");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);

  // the page runs under it: sign in and open the diary with no console error
  await signIn(page, "parent");
  await page.goto("/diary");
  await expect(page.getByRole("heading", { level: 1, name: /^Дневник: / })).toBeVisible();
  // markup smuggled into the page (the classic attack: an event handler in injected
  // HTML) does not run; on a page of its own: the browser reports the refusal on the
  // console, which the fixture's page counts as an error
  const other = await browser.newPage();
  const refused: string[] = [];
  other.on("console", (m) => refused.push(m.text()));
  await other.goto("/login");
  const ran = await other.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const box = document.createElement("div");
    box.innerHTML = '<img src="/no-such-image.png" onerror="window.injected = true">';
    document.body.append(box);
    await new Promise((r) => setTimeout(r, 500));
    return w.injected === true;
  });
  expect(ran).toBe(false);
  expect(refused.join("\n")).toMatch(/Content Security Policy/);
  await other.close();
});

test("the session cookie is httpOnly and SameSite; the API runs nothing; an unknown page says so without a stack trace", async ({ page, request }) => {
  // session fixation: a cookie planted before sign-in is not the one the session runs on
  await page.context().addCookies([{ name: "authjs.session-token", value: "planted-by-someone-else", url: test.info().project.use.baseURL ?? "" }]);
  await signIn(page, "teacher");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toBeDefined();
  expect(session?.value).not.toBe("planted-by-someone-else");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  const api = await request.get("/ims/oneroster/rostering/v1p2/orgs");
  expect(api.status()).toBe(401);
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  const missing = await page.request.get("/journal/lesson/00000000-0000-7000-8000-000000000000");
  expect(missing.status()).toBe(404);
  const body = await missing.text();
  expect(body).toContain("Страница не найдена");
  expect(body).not.toMatch(/at [\w.]+ \(|prisma|SELECT |node_modules/i);
});
