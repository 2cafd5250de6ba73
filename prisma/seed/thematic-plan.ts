/**
 * The demo school's thematic plan for 5А Mathematics (тематическое планирование): the
 * year's topics of a 5th-grade course at five hours a week, written as a teacher pastes
 * them, and read by the same parser as the plan page (lib/journal/thematic-plan-parse.ts).
 * The lessons' topics are not filled from it here: that is the teacher's button.
 */
import type { Prisma } from "../../generated/prisma/client";
import { parseThematicPlan } from "../../lib/journal/thematic-plan-parse";
import type { WrittenPlan } from "./write-plan";
import { cohortIndex, subjectIndex, type SchoolPlan } from "./plan";
import type { CreateMany } from "./sink";

export const DEMO_PLAN_COHORT = "5А";
export const DEMO_PLAN_SUBJECT = "Математика";

export const MATH_5_PLAN = `Раздел 1. Натуральные числа
1–4. Повторение курса начальной школы
5. Входная контрольная работа
6. Натуральные числа и их запись. Десятичная система счисления (3 ч)
7. Отрезок, прямая, луч. Длина отрезка (4 ч)
8. Координатный луч (3 ч)
9. Сравнение и округление натуральных чисел (5 ч)
10. Сложение натуральных чисел и его свойства (4 ч)
11. Вычитание натуральных чисел (4 ч)
12. Числовые и буквенные выражения (3 ч)
13. Уравнения (4 ч)
14. Контрольная работа № 1 «Сложение и вычитание натуральных чисел»
Раздел 2. Умножение и деление натуральных чисел
15. Умножение натуральных чисел и его свойства (5 ч)
16. Деление натуральных чисел (6 ч)
17. Деление с остатком (3 ч)
18. Упрощение выражений. Распределительное свойство умножения (5 ч)
19. Порядок действий. Степень числа, квадрат и куб (6 ч)
20. Контрольная работа № 2 «Умножение и деление натуральных чисел»
21. Делители и кратные. Признаки делимости на 2, 3, 5, 9 и 10. Простые числа (9 ч)
22. Решение текстовых задач на движение и на части (5 ч)
Раздел 3. Геометрические фигуры и величины
23. Угол. Измерение и построение углов (5 ч)
24. Практическая работа «Построение углов транспортиром»
25. Многоугольники. Треугольник и его виды (4 ч)
26. Прямоугольник и квадрат. Периметр и площадь (6 ч)
27. Прямоугольный параллелепипед и куб. Объём (6 ч)
28. Контрольная работа № 3 «Площади и объёмы»
Раздел 4. Дроби
29. Обыкновенные дроби. Доли (6 ч)
30. Сравнение дробей. Правильные и неправильные дроби (5 ч)
31. Сложение и вычитание дробей с одинаковыми знаменателями (5 ч)
32. Смешанные числа (6 ч)
33. Контрольная работа № 4 «Обыкновенные дроби»
34. Десятичные дроби: запись, чтение, сравнение (7 ч)
35. Сложение и вычитание десятичных дробей (8 ч)
36. Умножение и деление десятичной дроби на натуральное число (10 ч)
37. Проценты. Нахождение процента от числа (7 ч)
38. Итоговая контрольная работа
39. Повторение и обобщение изученного за год (8 ч)`;

export type ThematicPlanClient = { thematicTopic: CreateMany<Prisma.ThematicTopicCreateManyInput> };

/** Writes the demo plan; the number of topics written. */
export async function seedThematicPlan(c: ThematicPlanClient, plan: SchoolPlan, ids: WrittenPlan, newId: () => string): Promise<number> {
  const parsed = parseThematicPlan(MATH_5_PLAN);
  if (parsed.errors.length > 0) throw new Error(`Тематический план демо-школы: ${parsed.errors.map((e) => e.message).join(" ")}`);
  const cohortId = ids.cohorts[cohortIndex(plan, DEMO_PLAN_COHORT)];
  const subjectId = ids.subjects[subjectIndex(plan, DEMO_PLAN_SUBJECT)];
  if (!cohortId || !subjectId) throw new Error("Тематический план демо-школы: нет класса или предмета");
  await c.thematicTopic.createMany({
    data: parsed.topics.map((t, i) => ({
      schoolId: ids.school, id: newId(), cohortId, subjectId, position: i + 1, topic: t.topic, hours: t.hours, lessonType: t.lessonType,
    })),
  });
  return parsed.topics.length;
}
