/**
 * The first run of an installation (lib/school/setup.ts) on a real, empty database: two
 * installers racing make exactly one school, the one refused is told why in Russian, and
 * the set-up form's schema keeps bad input away from the domain function.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb, type TestDb } from "../support/test-db";
import { bindAppDb } from "../support/app-db";
import { AppError } from "../../lib/errors";
import { setupSchema } from "../../lib/auth/schemas";
import { createFirstSchool, DEFAULT_WORK_TYPES, isSetUp, type SetupInput } from "../../lib/school/setup";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  bindAppDb(t.db);
});
afterAll(async () => {
  await t.close();
});

const FORM = {
  schoolName: "МБОУ «Средняя общеобразовательная школа № 3»",
  shortName: "МБОУ СОШ № 3",
  address: "628012, г. Ханты-Мансийск, ул. Ленина, д. 3",
  region: "Ханты-Мансийский автономный округ — Югра",
  timeZone: "Asia/Yekaterinburg",
  lastName: "Первая",
  firstName: "Вера",
  middleName: "",
  position: "директор",
  login: "first.admin",
  password: "долгий-пароль-2026",
  password2: "долгий-пароль-2026",
};

function input(over: Partial<typeof FORM>): SetupInput {
  return setupSchema.parse({ ...FORM, ...over });
}

async function counts() {
  const [schools, users, staff, workTypes, policies] = await Promise.all([
    t.db.school.count(), t.db.user.count(), t.db.staff.count(), t.db.workType.count(), t.db.gradingPolicy.count(),
  ]);
  return { schools, users, staff, workTypes, policies };
}

/** The messages the schema gives, by field. */
function problems(form: Record<string, unknown>): Record<string, string[]> {
  const r = setupSchema.safeParse(form);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of r.error.issues) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

const CYRILLIC = /[А-Яа-яЁё]/;

describe("first run", () => {
  it("two installers at once make exactly one school; the other is refused in Russian and leaves nothing behind", async () => {
    expect(await isSetUp()).toBe(false);
    const results = await Promise.allSettled([
      createFirstSchool(input({ login: "racer.one", schoolName: "Школа первого установщика" })),
      createFirstSchool(input({ login: "racer.two", schoolName: "Школа второго установщика" })),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const refusal = lost[0];
    expect(refusal).toBeInstanceOf(AppError);
    if (!(refusal instanceof AppError)) return;
    expect(refusal.code).toBe("CONFLICT");
    expect(refusal.status).toBe(409);
    expect(refusal.message).toBe("Школа уже настроена. Войдите с логином администратора.");
    expect(refusal.message).toMatch(CYRILLIC);

    expect(await isSetUp()).toBe(true);
    expect(await counts()).toEqual({ schools: 1, users: 1, staff: 1, workTypes: DEFAULT_WORK_TYPES.length, policies: 1 });
    // the winner's school and account belong together; the loser's login was never created
    const school = await t.db.school.findFirstOrThrow({ select: { id: true, name: true } });
    const user = await t.db.user.findFirstOrThrow({ select: { login: true, schoolId: true, kind: true, staff: { select: { roles: true, middleName: true } } } });
    expect(user.schoolId).toBe(school.id);
    expect(user.kind).toBe("ADMIN");
    expect(user.staff).toEqual({ roles: ["ADMIN"], middleName: null });
    expect(school.name).toBe(user.login === "racer.one" ? "Школа первого установщика" : "Школа второго установщика");
  });

  it("once a school exists, every further attempt is refused with the same Russian message and changes nothing", async () => {
    const before = await counts();
    for (const login of ["another.admin", "racer.one"]) {
      const e = await createFirstSchool(input({ login })).then(
        () => null,
        (error: unknown) => error,
      );
      expect(e).toBeInstanceOf(AppError);
      if (!(e instanceof AppError)) continue;
      expect(e.code).toBe("CONFLICT");
      expect(e.message).toMatch(CYRILLIC);
      expect(e.message).toContain("Школа уже настроена");
    }
    expect(await counts()).toEqual(before);
    expect(await t.db.user.count({ where: { login: "another.admin" } })).toBe(0);
  });
});

describe("the set-up form's schema", () => {
  it("accepts a filled form, trimming the fields and lowering the login", () => {
    const parsed = setupSchema.parse({ ...FORM, schoolName: `  ${FORM.schoolName}  `, login: "  Director.One ", middleName: " Ивановна " });
    expect(parsed.schoolName).toBe(FORM.schoolName);
    expect(parsed.login).toBe("director.one");
    expect(parsed.middleName).toBe("Ивановна");
    expect(parsed.timeZone).toBe("Asia/Yekaterinburg");
  });

  it("names every bad field in Russian", () => {
    const bad = problems({
      schoolName: "Ш", shortName: "", address: "д.1", region: "", timeZone: "Europe/London",
      lastName: " ", firstName: "", position: "", login: "Иван", password: "short", password2: "short",
    });
    expect(bad).toEqual({
      schoolName: ["Введите полное название школы."],
      shortName: ["Введите краткое название."],
      address: ["Введите адрес школы."],
      region: ["Введите регион."],
      timeZone: ["Выберите часовой пояс из списка."],
      lastName: ["Введите фамилию."],
      firstName: ["Введите имя."],
      position: ["Введите должность."],
      login: ["Логин: от 3 до 32 латинских букв, цифр, точек, дефисов; начинается с буквы или цифры."],
      password: ["Пароль администратора — не короче 10 символов."],
    });
    for (const messages of Object.values(bad)) for (const m of messages) expect(m).toMatch(CYRILLIC);
  });

  it("refuses passwords that differ, a login starting with a dot, and a missing form", () => {
    expect(problems({ ...FORM, password2: "другой-пароль-2026" })).toEqual({ password2: ["Пароли не совпадают."] });
    expect(problems({ ...FORM, login: ".admin" })).toHaveProperty("login");
    expect(problems({ ...FORM, login: "ab" })).toHaveProperty("login");
    expect(problems({ ...FORM, password: "x".repeat(201), password2: "x".repeat(201) })).toEqual({ password: ["Пароль слишком длинный."] });
    expect(Object.keys(problems({})).sort()).toEqual(
      ["address", "firstName", "lastName", "login", "password", "password2", "position", "region", "schoolName", "shortName", "timeZone"],
    );
  });
});
