/** «Замена: Иванова А. П. вместо Петровой М. И.»: the replaced teacher's surname in the genitive. */
import { describe, expect, it } from "vitest";

import { shortNameGenitive, surnameGenitive } from "../../components/diary/week/names";

describe("surnames after «вместо»", () => {
  it("declines the common Russian patterns, women's and men's", () => {
    expect(["Петрова", "Словарёва", "Ильина", "Вяземская", "Толстая"].map(surnameGenitive)).toEqual([
      "Петровой", "Словарёвой", "Ильиной", "Вяземской", "Толстой",
    ]);
    expect(["Петров", "Ильин", "Вяземский", "Толстой", "Белый"].map(surnameGenitive)).toEqual([
      "Петрова", "Ильина", "Вяземского", "Толстого", "Белого",
    ]);
  });

  it("leaves a surname it cannot decline safely as it is", () => {
    expect(["Ким", "Шевченко", "Дюма", "Гёте"].map(surnameGenitive)).toEqual(["Ким", "Шевченко", "Дюма", "Гёте"]);
  });

  it("keeps the initials and declines both halves of a double surname", () => {
    expect(shortNameGenitive("Петрова М. И.")).toBe("Петровой М. И.");
    expect(shortNameGenitive("Римская-Корсакова А.")).toBe("Римской-Корсаковой А.");
  });
});
