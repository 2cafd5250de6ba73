/**
 * Reading a pasted thematic plan (issue 4, item 3): numbering and hours come off the
 * topic, headings and totals are left out, a mistake names its line; and how the plan's
 * hours lie over the year's lessons.
 */
import { describe, expect, it } from "vitest";

import { lessonTypeOf, parseThematicPlan, planToText, spreadPlan } from "../../lib/journal/thematic-plan-parse";

const topics = (text: string) => parseThematicPlan(text).topics.map((t) => [t.topic, t.hours, t.lessonType]);

describe("one topic per line", () => {
  it("takes plain lines as one-hour lessons, skipping empty lines", () => {
    expect(topics("Натуральные числа\n\n  Сложение и вычитание  \r\nУмножение")).toEqual([
      ["Натуральные числа", 1, "LESSON"], ["Сложение и вычитание", 1, "LESSON"], ["Умножение", 1, "LESSON"],
    ]);
  });

  it("reads the numbering and the hours in the ways plans write them", () => {
    expect(topics([
      "1. Натуральные числа (3 ч)",
      "2) Сложение и вычитание (2 часа)",
      "№ 3. Умножение — 4 ч.",
      "4.Деление 2ч",
      "5. Порядок действий (1 час)",
      "6. Упрощение выражений, 5 часов",
    ].join("\n"))).toEqual([
      ["Натуральные числа", 3, "LESSON"], ["Сложение и вычитание", 2, "LESSON"], ["Умножение", 4, "LESSON"],
      ["Деление", 2, "LESSON"], ["Порядок действий", 1, "LESSON"], ["Упрощение выражений", 5, "LESSON"],
    ]);
  });

  it("reads a range of lesson numbers as that many hours, unless hours are written", () => {
    expect(topics("1–3. Повторение\n4-5) Дроби\n6—7. Проценты (1 ч)")).toEqual([
      ["Повторение", 3, "LESSON"], ["Дроби", 2, "LESSON"], ["Проценты", 1, "LESSON"],
    ]);
  });

  it("keeps numbers that belong to the topic", () => {
    expect(topics("12. Контрольная работа № 2 по теме «Дроби»\nДеление на 10, 100 и 1000\nЧисла до 1 000 000")).toEqual([
      ["Контрольная работа № 2 по теме «Дроби»", 1, "TEST"], ["Деление на 10, 100 и 1000", 1, "LESSON"], ["Числа до 1 000 000", 1, "LESSON"],
    ]);
  });

  it("reads rows pasted from a table: number, topic, hours, dates", () => {
    const text = "№ п/п\tТема урока\tКол-во часов\tДата\n1\tНатуральные числа\t2\t02.09\n2\tКоординатный луч\t1\t\t05.09.2026\n3-4\tОкругление";
    const p = parseThematicPlan(text);
    expect(p.topics.map((t) => [t.topic, t.hours, t.line])).toEqual([["Натуральные числа", 2, 2], ["Координатный луч", 1, 3], ["Округление", 2, 4]]);
    expect(p.skipped).toEqual([{ line: 1, message: "Строка 1 пропущена: заголовок таблицы." }]);
  });

  it("leaves out section headings and totals, saying so", () => {
    const p = parseThematicPlan("Раздел 1. Натуральные числа (20 ч)\n1. Ряд натуральных чисел\nГлава 2 Дроби\n2. Доли\nИтого: 170 ч\nВсего 2 часа");
    expect(p.topics.map((t) => t.topic)).toEqual(["Ряд натуральных чисел", "Доли"]);
    expect(p.skipped.map((s) => s.line)).toEqual([1, 3, 5, 6]);
    expect(p.skipped[0]?.message).toBe("Строка 1 пропущена: заголовок раздела.");
    expect(p.errors).toEqual([]);
    expect(p.totalHours).toBe(2);
  });
});

describe("lesson types from the topic's first words", () => {
  it("knows the kinds of work", () => {
    expect(lessonTypeOf("Контрольная работа № 1")).toBe("TEST");
    expect(lessonTypeOf("Итоговая контрольная работа")).toBe("TEST");
    expect(lessonTypeOf("Входная проверочная работа")).toBe("QUIZ");
    expect(lessonTypeOf("Самостоятельная работа по теме «Углы»")).toBe("INDEPENDENT");
    expect(lessonTypeOf("Лабораторная работа: измерение")).toBe("LAB");
    expect(lessonTypeOf("Практическая работа «Построение углов»")).toBe("PRACTICAL");
    expect(lessonTypeOf("Зачёт по таблице умножения")).toBe("CREDIT");
    expect(lessonTypeOf("Зачет")).toBe("CREDIT");
    expect(lessonTypeOf("Экскурсия в магазин")).toBe("EXCURSION");
  });

  it("does not take a mention for the thing itself", () => {
    expect(lessonTypeOf("Подготовка к контрольной работе")).toBe("LESSON");
    expect(lessonTypeOf("Анализ контрольной работы")).toBe("LESSON");
    expect(lessonTypeOf("Работа над ошибками")).toBe("LESSON");
  });
});

describe("mistakes name their line", () => {
  it("a line with no topic, zero hours, too many hours", () => {
    const p = parseThematicPlan("1. Дроби\n2.\nПроценты (0 ч)\nНатуральные числа (45 ч)\n(2 ч)");
    expect(p.topics.map((t) => t.topic)).toEqual(["Дроби"]);
    expect(p.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(p.errors[0]?.message).toBe("Строка 2: нет названия темы.");
    expect(p.errors[1]?.message).toMatch(/хотя бы 1 час/);
    expect(p.errors[2]?.message).toMatch(/45 ч — слишком много.*«Раздел»/);
  });

  it("a topic longer than a lesson's topic may be, and a plan too long or with too many topics", () => {
    expect(parseThematicPlan(`Тема ${"а".repeat(600)}`).errors[0]?.message).toMatch(/длиннее 500 знаков/);
    expect(parseThematicPlan("x".repeat(60_001)).errors[0]?.message).toMatch(/слишком длинный/);
    const many = Array.from({ length: 401 }, (_, i) => `Тема ${i + 1}`).join("\n");
    expect(parseThematicPlan(many).errors).toEqual([{ line: 0, message: "В плане 401 тем: не больше 400." }]);
  });
});

describe("the plan as text and over the lessons", () => {
  it("is written back in a form that reads the same", () => {
    const p = parseThematicPlan("1. Дроби (3 ч)\n2. Контрольная работа № 1\nПроценты (2 часа)");
    const text = planToText(p.topics);
    expect(text).toBe("1. Дроби (3 ч)\n2. Контрольная работа № 1\n3. Проценты (2 ч)");
    expect(parseThematicPlan(text).topics.map((t) => [t.topic, t.hours, t.lessonType])).toEqual(p.topics.map((t) => [t.topic, t.hours, t.lessonType]));
  });

  it("gives a topic of N hours N lessons, and counts the topics that did not fit", () => {
    expect(spreadPlan([{ hours: 2 }, { hours: 1 }, { hours: 3 }], 10)).toEqual({ topicOfLesson: [0, 0, 1, 2, 2, 2], notFitted: 0 });
    // five lessons: the third topic gets two of its three hours, the fourth none
    expect(spreadPlan([{ hours: 2 }, { hours: 1 }, { hours: 3 }, { hours: 1 }], 5)).toEqual({ topicOfLesson: [0, 0, 1, 2, 2], notFitted: 2 });
    expect(spreadPlan([{ hours: 1 }], 0)).toEqual({ topicOfLesson: [], notFitted: 1 });
  });
});
