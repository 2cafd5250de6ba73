import { describe, expect, it } from "vitest";

import {
  adultName, childName, femaleSurname, fullName, INVARIABLE_SURNAMES, MALE_NAMES, shortName, SURNAMES,
} from "../../prisma/seed/names";
import { Rng } from "../../prisma/seed/rng";

describe("Russian name forms", () => {
  it("puts surnames in the female form", () => {
    expect(femaleSurname("Иванов")).toBe("Иванова");
    expect(femaleSurname("Соловьёв")).toBe("Соловьёва");
    expect(femaleSurname("Ильин")).toBe("Ильина");
    expect(femaleSurname("Покровский")).toBe("Покровская");
    expect(femaleSurname("Высоцкий")).toBe("Высоцкая");
    expect(femaleSurname("Береговой")).toBe("Береговая");
    expect(femaleSurname("Заречный")).toBe("Заречная");
    expect(femaleSurname("Шевченко")).toBe("Шевченко");
    expect(femaleSurname("Черных")).toBe("Черных");
  });

  it("gives every listed surname a female form ending as Russian ones do", () => {
    for (const s of SURNAMES) expect(femaleSurname(s), s).toMatch(/(ова|ева|ёва|ина|ына|ская|цкая|ая)$/);
    for (const s of INVARIABLE_SURNAMES) expect(femaleSurname(s)).toBe(s);
  });

  it("lists patronymics of both genders for every male name", () => {
    for (const [name, son, daughter] of MALE_NAMES) {
      expect(son, name).toMatch(/(ович|евич|ич)$/);
      expect(daughter, name).toMatch(/(овна|евна|ична|инична)$/);
    }
    const ilya = MALE_NAMES.find((n) => n[0] === "Илья");
    expect(ilya).toEqual(["Илья", "Ильич", "Ильинична"]);
    expect(MALE_NAMES.find((n) => n[0] === "Юрий")).toEqual(["Юрий", "Юрьевич", "Юрьевна"]);
  });

  it("names children after the family and the father", () => {
    const rng = new Rng(1);
    const father = MALE_NAMES.find((n) => n[0] === "Сергей");
    if (!father) throw new Error("нет имени");
    const girl = childName(rng, "FEMALE", "Кузнецов", father);
    expect(girl.lastName).toBe("Кузнецова");
    expect(girl.middleName).toBe("Сергеевна");
    const boy = childName(rng, "MALE", "Кузнецов", father);
    expect(boy.lastName).toBe("Кузнецов");
    expect(boy.middleName).toBe("Сергеевич");
  });

  it("makes adults whose three names agree in gender", () => {
    const rng = new Rng(9);
    for (let i = 0; i < 300; i++) {
      const w = adultName(rng, "FEMALE");
      expect(w.middleName).toMatch(/(вна|чна)$/);
      expect(w.lastName).toMatch(/(а|ая|ко|их|ых|ник|оз|ук|зи)$/);
      const m = adultName(rng, "MALE");
      expect(m.middleName).toMatch(/ич$/);
      expect(m.lastName).not.toMatch(/(ова|ева|ина|ская)$/);
    }
  });

  it("writes short and full names", () => {
    const n = { lastName: "Петрова", firstName: "Анна", middleName: "Сергеевна" };
    expect(shortName(n)).toBe("Петрова А. С.");
    expect(fullName(n)).toBe("Петрова Анна Сергеевна");
    expect(shortName({ lastName: "Ли", firstName: "Анна", middleName: null })).toBe("Ли А.");
  });
});
