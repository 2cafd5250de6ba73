/**
 * Plain Russian for the checks a form schema did not word itself. Most fields carry their
 * own message («Введите логин.»); the rest — a field missing from the form, a file where
 * text is expected, a `.max(100)` without words — would otherwise reach the person in
 * zod's English («Invalid input: expected string, received undefined»). Found by the fuzz
 * suite (tests/integration/fuzz-*.test.ts). Passed per parse (`safeParse(x, { error:
 * russianIssueMessage })`) where the message goes to a person — lib/action.ts, the push
 * subscription route — and not set globally: the OneRoster API answers in English. A
 * schema's own message always wins over it.
 */
import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

function tooBig(issue: Extract<Issue, { code: "too_big" }>): string {
  const max = Number(issue.maximum);
  if (issue.origin === "string") return `Слишком длинно: не больше ${max} знаков.`;
  if (issue.origin === "array" || issue.origin === "set") return `Слишком много: не больше ${max}.`;
  if (issue.origin === "file") return "Файл слишком большой.";
  return `Слишком большое значение: не больше ${max}.`;
}

function tooSmall(issue: Extract<Issue, { code: "too_small" }>): string {
  const min = Number(issue.minimum);
  if (issue.origin === "string") return min <= 1 ? "Заполните это поле." : `Слишком коротко: не меньше ${min} знаков.`;
  if (issue.origin === "array" || issue.origin === "set") return `Выберите хотя бы ${min}.`;
  if (issue.origin === "file") return "Файл пустой.";
  return `Слишком маленькое значение: не меньше ${min}.`;
}

export function russianIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "Заполните это поле." : "Поле заполнено неправильно.";
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_value":
      return "Выберите значение из списка.";
    case "invalid_format":
      return "Неверный формат.";
    case "not_multiple_of":
      return "Неверное число.";
    case "unrecognized_keys":
      return "Лишние поля в форме.";
    default:
      return "Поле заполнено неправильно.";
  }
}
