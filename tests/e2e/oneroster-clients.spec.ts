/**
 * Data exchange in the browser (issue 9): the administrator connects a program on the
 * API clients screen, the key is shown once, the program gets a token with it and reads
 * the school's roster; revoked, its token stops working at once. The demo client of the
 * README works as written. Each screen is scanned by axe and works at 200 % zoom.
 */
import { test, expect, expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";

async function tokenFor(request: import("@playwright/test").APIRequestContext, id: string, secret: string) {
  return request.post("/ims/oneroster/v1p2/token", {
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` },
    form: { grant_type: "client_credentials" },
  });
}

test("the README's demo client gets a token and reads five students", async ({ request }) => {
  const answer = await tokenFor(request, "demo-oneroster", "demo-oneroster-secret-2026");
  expect(answer.status()).toBe(200);
  const { access_token: token } = (await answer.json()) as { access_token: string };
  const students = await request.get("/ims/oneroster/rostering/v1p2/students?limit=5", { headers: { authorization: `Bearer ${token}` } });
  expect(students.status()).toBe(200);
  expect(Number(students.headers()["x-total-count"])).toBeGreaterThan(5);
  expect(((await students.json()) as { users: unknown[] }).users).toHaveLength(5);
  const doc = await request.get("/ims/oneroster/v1p2/openapi.json");
  expect(((await doc.json()) as { openapi: string }).openapi).toMatch(/^3\./);
});

test("the administrator connects a program, it reads the roster with its key, and once revoked it cannot", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/admin/api-clients");
  await expect(page.getByRole("heading", { level: 1, name: "Доступ к данным для других программ" })).toBeVisible();
  await expectNoAxeViolations(page);

  const name = `Библиотека ${Date.now()}`;
  await page.getByLabel("Название программы").fill(name);
  await page.getByLabel("Кто будет получать данные").selectOption("SCHOOL_TOOL");
  await page.getByLabel("Читать основные списки: школа, учебный год, классы, предметы, ученики, учителя").check();
  await page.getByRole("button", { name: "Подключить" }).click();
  await expect(page.getByRole("heading", { name: `Ключ программы «${name}» — сохраните его сейчас` })).toBeVisible();
  const clientId = await page.getByRole("textbox", { name: "Идентификатор (client_id)" }).inputValue();
  const secret = await page.getByRole("textbox", { name: "Секретный ключ (client_secret)" }).inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(40);
  await expectNoAxeViolations(page);

  const answer = await tokenFor(request, clientId, secret);
  expect(answer.status()).toBe(200);
  const { access_token: token, scope } = (await answer.json()) as { access_token: string; scope: string };
  expect(scope).toBe("https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly");
  const orgs = await request.get("/ims/oneroster/rostering/v1p2/orgs", { headers: { authorization: `Bearer ${token}` } });
  expect(orgs.status()).toBe(200);
  // a scope it was not given: refused in the spec's format
  const results = await request.get("/ims/oneroster/gradebook/v1p2/results", { headers: { authorization: `Bearer ${token}` } });
  expect(results.status()).toBe(403);
  expect(((await results.json()) as { imsx_codeMajor: string }).imsx_codeMajor).toBe("failure");

  // the key is not shown again
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Секретный ключ (client_secret)" })).toHaveCount(0);
  await expect(page.getByRole("cell", { name })).toBeVisible();
  await page.setViewportSize({ width: 640, height: 900 });
  await expectNoHorizontalScroll(page);

  await page.getByRole("button", { name: `Отключить программу «${name}»` }).click();
  await page.getByRole("button", { name: "Да, отключить" }).click();
  await expect(page.getByText(`Программа «${name}» отключена.`)).toBeVisible();
  const after = await request.get("/ims/oneroster/rostering/v1p2/orgs", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});
