/**
 * Form schemas of the school set-up (calendar, grading settings, rollover), shared by the
 * forms and the server actions. Messages name the field in Russian; days arrive as
 * «01.09.2027» (or ISO) and leave as "YYYY-MM-DD".
 */
import { z } from "zod";

import { parseDayInput, parseTimeInput } from "@/lib/school/calendar-days";
import { MAX_GRADE, MIN_GRADE } from "@/lib/school/calendar-rules";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const idField = z.string().regex(UUID, "Запись не найдена. Обновите страницу.");

export function dayField(what: string) {
  return z
    .string({ error: `Укажите ${what}.` })
    .trim()
    .min(1, `Укажите ${what}.`)
    .transform((s, ctx) => {
      const day = parseDayInput(s);
      if (!day) {
        ctx.addIssue({ code: "custom", message: `${capitalise(what)}: введите дату в виде ДД.ММ.ГГГГ, например 01.09.2027.` });
        return z.NEVER;
      }
      return day;
    });
}

function optionalDayField(what: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const day = parseDayInput(s);
      if (!day) {
        ctx.addIssue({ code: "custom", message: `${capitalise(what)}: введите дату в виде ДД.ММ.ГГГГ или оставьте поле пустым.` });
        return z.NEVER;
      }
      return day;
    });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function intField(what: string, min: number, max: number) {
  return z
    .string({ error: `Укажите ${what}.` })
    .trim()
    .min(1, `Укажите ${what}.`)
    .regex(/^\d+$/, `${capitalise(what)}: введите целое число.`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${capitalise(what)}: число от ${min} до ${max}.`);
}

function gradeField(what: string) {
  return intField(what, MIN_GRADE, MAX_GRADE);
}

/**
 * A decimal typed with a comma or a dot («1,5», «2.65») as an exact number of hundredths;
 * null when it is not such a number.
 */
export function parseDecimalInput(text: string, maxDecimals = 2): number | null {
  const m = /^(\d{1,3})(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[2] ?? "";
  if (frac.length > maxDecimals) return null;
  return Number(m[1]) * 100 + Number(frac.padEnd(2, "0").slice(0, 2));
}

function decimalField(what: string, min: number, max: number, example: string, maxDecimals = 2) {
  const fmt = (h: number) => (h / 100).toString().replace(".", ",");
  return z
    .string({ error: `Укажите ${what}.` })
    .trim()
    .min(1, `Укажите ${what}.`)
    .transform((s, ctx) => {
      const h = parseDecimalInput(s, maxDecimals);
      if (h === null) {
        ctx.addIssue({ code: "custom", message: `${capitalise(what)}: введите число, например ${example}; дробную часть — через запятую, не больше ${maxDecimals} знаков.` });
        return z.NEVER;
      }
      if (h < min || h > max) {
        ctx.addIssue({ code: "custom", message: `${capitalise(what)}: число от ${fmt(min)} до ${fmt(max)}.` });
        return z.NEVER;
      }
      return h;
    });
}

function timeField(what: string) {
  return z
    .string({ error: `Укажите ${what}.` })
    .trim()
    .min(1, `Укажите ${what}.`)
    .transform((s, ctx) => {
      const t = parseTimeInput(s);
      if (!t) {
        ctx.addIssue({ code: "custom", message: `${capitalise(what)}: введите время в виде ЧЧ:ММ, например 08:30.` });
        return z.NEVER;
      }
      return t;
    });
}

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");

function nameField(what: string, max = 100) {
  return z.string({ error: `Укажите ${what}.` }).trim().min(1, `Укажите ${what}.`).max(max, `${capitalise(what)}: не длиннее ${max} символов.`);
}

// ───────────────────────────── calendar ─────────────────────────────

export const createYearSchema = z
  .object({
    name: nameField("название учебного года", 20),
    startDate: dayField("дату начала года"),
    endDate: dayField("дату окончания года"),
    copyFrom: z.union([idField, z.literal("")]).optional().transform((v) => v || null),
  })
  .refine((v) => v.endDate > v.startDate, { path: ["endDate"], message: "Дата окончания года должна быть позже даты начала." });

export const PERIOD_KINDS = ["QUARTER", "TRIMESTER", "SEMESTER", "YEAR"] as const;
const periodKind = z.enum(PERIOD_KINDS, { error: "Выберите вид периода." });

const periodFields = {
  name: nameField("название периода", 60),
  startDate: dayField("дату начала периода"),
  endDate: dayField("дату окончания периода"),
  gradeFrom: gradeField("класс «с»"),
  gradeTo: gradeField("класс «по»"),
};

export const addPeriodSchema = z.object({
  yearId: idField,
  kind: periodKind,
  number: intField("номер периода", 1, 4),
  ...periodFields,
});

export const updatePeriodSchema = z.object({ periodId: idField, ...periodFields });

export const periodPresetSchema = z
  .object({
    yearId: idField,
    presetKind: periodKind,
    presetGradeFrom: gradeField("класс «с»"),
    presetGradeTo: gradeField("класс «по»"),
  })
  .transform((v) => ({ yearId: v.yearId, kind: v.presetKind, gradeFrom: v.presetGradeFrom, gradeTo: v.presetGradeTo }));

// Field names carry the form's prefix: several forms share one page, and ids must be unique.
export const addHolidaySchema = z
  .object({
    yearId: idField,
    holidayKind: z.enum(["HOLIDAY", "NON_WORKING_DAY"], { error: "Выберите вид: каникулы или нерабочий день." }),
    holidayName: nameField("название", 100),
    holidayStart: dayField("первый день"),
    holidayEnd: optionalDayField("последний день"),
    holidayGradeFrom: gradeField("класс «с»"),
    holidayGradeTo: gradeField("класс «по»"),
  })
  .transform((v) => ({
    yearId: v.yearId, kind: v.holidayKind, name: v.holidayName, startDate: v.holidayStart, endDate: v.holidayEnd ?? v.holidayStart,
    gradeFrom: v.holidayGradeFrom, gradeTo: v.holidayGradeTo,
  }));

export const removeSchema = z.object({ id: idField });

export const copyCalendarSchema = z.object({ fromYearId: idField, toYearId: idField });

export const createBellScheduleSchema = z
  .object({
    yearId: idField,
    scheduleName: nameField("название расписания звонков", 100),
    validFrom: dayField("дату, с которой действует расписание"),
    validTo: optionalDayField("дату, по которую действует расписание"),
  })
  .transform((v) => ({ yearId: v.yearId, name: v.scheduleName, validFrom: v.validFrom, validTo: v.validTo }));

export const saveBellSlotSchema = z
  .object({
    scheduleId: idField,
    lessonNumber: intField("номер урока", 0, 12),
    startsAt: timeField("начало урока"),
    endsAt: timeField("конец урока"),
  })
  .transform((v) => ({ scheduleId: v.scheduleId, number: v.lessonNumber, startsAt: v.startsAt, endsAt: v.endsAt }));

// ───────────────────────────── grading settings ─────────────────────────────

export const workTypeFields = {
  name: nameField("название вида работы", 80),
  weight: decimalField("вес", 10, 1000, "1,5"),
  isAssessment: checkbox,
};

export const createWorkTypeSchema = z.object({
  ...workTypeFields,
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z][A-Z0-9_]{1,29})?$/, "Код: латинские буквы, цифры и «_», от 2 до 30 знаков, начинается с буквы; можно оставить пустым.")
    .optional()
    .transform((v) => v || null),
});

export const updateWorkTypeSchema = z.object({ id: idField, name: workTypeFields.name, isAssessment: checkbox, archived: checkbox });

/** A new weight of a work type from a day; an empty date means today. */
export const changeWorkTypeWeightSchema = z
  .object({
    workTypeId: idField,
    weightFrom: optionalDayField("дата нового веса"),
    newWeight: decimalField("новый вес", 10, 1000, "1,5"),
  })
  .transform((v) => ({ workTypeId: v.workTypeId, validFrom: v.weightFrom, weight: v.newWeight }));

/** Thresholds for 3 / 4 / 5 in hundredths: the three common choices. */
export const THRESHOLD_PRESETS = {
  "2.5": [250, 350, 450],
  "2.6": [260, 360, 460],
  "2.65": [265, 365, 465],
} as const satisfies Record<string, readonly [number, number, number]>;

export const gradingPolicySchema = z
  .object({
    validFrom: dayField("дату, с которой действуют правила"),
    preset: z.enum(["2.5", "2.6", "2.65", "custom"], { error: "Выберите пороги." }),
    threshold3: z.string().optional(),
    threshold4: z.string().optional(),
    threshold5: z.string().optional(),
    minMarks: intField("минимум отметок", 0, 20),
    maxAbsenceShare: intField("долю пропусков", 0, 100),
    maxAssessmentsPerDay: intField("число контрольных в день", 1, 5),
    maxAssessmentShare: intField("долю часов на контрольные", 1, 100),
    minAssessmentGapDays: decimalField("промежуток между контрольными", 0, 9000, "17,5", 1),
  })
  .transform((v, ctx) => {
    const thresholds: number[] = [];
    if (v.preset === "custom") {
      for (const [key, label] of [["threshold3", "порог «3»"], ["threshold4", "порог «4»"], ["threshold5", "порог «5»"]] as const) {
        const h = parseDecimalInput(v[key] ?? "");
        if (h === null) ctx.addIssue({ code: "custom", path: [key], message: `Укажите ${label}: число, например 2,5.` });
        else thresholds.push(h);
      }
    } else thresholds.push(...THRESHOLD_PRESETS[v.preset]);
    const [t3 = 0, t4 = 0, t5 = 0] = thresholds;
    return {
      validFrom: v.validFrom,
      thresholds: { 3: t3, 4: t4, 5: t5 },
      minMarks: v.minMarks,
      maxAbsenceShare: v.maxAbsenceShare,
      maxAssessmentsPerDay: v.maxAssessmentsPerDay,
      maxAssessmentShare: v.maxAssessmentShare,
      /** tenths of a day are what the database keeps; hundredths arrive from the field */
      minAssessmentGapDays: v.minAssessmentGapDays,
    };
  });

// ───────────────────────────── rollover ─────────────────────────────

/** Per pupil a field «o_<studentId>» with PROMOTE (the proposal), REPEAT or LEAVE. */
export const applyRolloverSchema = z
  .looseObject({
    yearId: idField,
    confirm: z.literal("on", { error: "Отметьте, что список проверен и год можно закрыть." }),
  })
  .transform((v) => {
    const choices: Record<string, string> = {};
    for (const [k, value] of Object.entries(v)) {
      if (k.startsWith("o_") && typeof value === "string" && UUID.test(k.slice(2))) choices[k.slice(2)] = value;
    }
    return { yearId: v.yearId, choices };
  });

/** Hundredths shown the Russian way: 150 → «1,5», 265 → «2,65», 200 → «2». */
export function formatDecimal(h: number): string {
  const whole = Math.trunc(h / 100);
  const frac = String(Math.abs(h % 100)).padStart(2, "0").replace(/0+$/, "");
  return frac ? `${whole},${frac}` : String(whole);
}

/** Which threshold preset a policy uses, for the form's select. */
export function thresholdPresetOf(t: { 3: number; 4: number; 5: number }): keyof typeof THRESHOLD_PRESETS | "custom" {
  for (const [key, [a, b, c]] of Object.entries(THRESHOLD_PRESETS)) {
    if (t[3] === a && t[4] === b && t[5] === c) return key as keyof typeof THRESHOLD_PRESETS;
  }
  return "custom";
}
