/**
 * The staff of the demo school: who they are, which classes they lead and what they teach.
 * Names are generated; everything else is fixed here so the demo tells a coherent story
 * (the `teacher` login leads 5А and teaches mathematics in 5А, 6А and 9А).
 */
import type { TeacherRole } from "./curriculum";
import type { Gender } from "./names";
import type { StaffRoleName } from "./plan";

export type StaffSpec = {
  key: string;
  gender: Gender;
  position: string;
  roles: StaffRoleName[];
  /** the teacher's own room; lessons of grades 5+ and of specialists happen there */
  room?: string;
  /** class led as class teacher */
  classOf?: string;
  /** roles taught, with the cohorts ("*" = wherever the role is needed) */
  teaches: { role: TeacherRole; cohorts: readonly string[] | "*" }[];
};

const T: StaffRoleName[] = ["TEACHER"];
const AT: StaffRoleName[] = ["ADMIN", "TEACHER"];

export const IUP_HOME = "ИУП-5";
export const IUP_SCHOOL = "ИУП-3";

export const DEMO_STAFF: readonly StaffSpec[] = [
  { key: "director", gender: "FEMALE", position: "директор", roles: ["ADMIN"], teaches: [] },
  {
    key: "deputy-study", gender: "FEMALE", roles: AT, room: "202",
    position: "заместитель директора по учебно-воспитательной работе",
    teaches: [{ role: "russian", cohorts: ["9А"] }],
  },
  {
    key: "deputy-care", gender: "MALE", roles: AT, room: "204",
    position: "заместитель директора по воспитательной работе",
    teaches: [{ role: "history", cohorts: ["9А"] }],
  },
  {
    key: "math", gender: "FEMALE", roles: T, room: "201", classOf: "5А",
    position: "учитель математики", teaches: [{ role: "math", cohorts: "*" }],
  },
  {
    key: "russian", gender: "FEMALE", roles: T, room: "203", classOf: "6А",
    position: "учитель русского языка и литературы", teaches: [{ role: "russian", cohorts: ["5А", "6А"] }],
  },
  {
    key: "history", gender: "MALE", roles: T, room: "205",
    position: "учитель истории и обществознания", teaches: [{ role: "history", cohorts: "*" }],
  },
  {
    key: "geobio", gender: "FEMALE", roles: T, room: "206", classOf: "9А",
    position: "учитель биологии и географии", teaches: [{ role: "geobio", cohorts: "*" }],
  },
  {
    key: "science", gender: "MALE", roles: T, room: "207",
    position: "учитель физики, химии и информатики", teaches: [{ role: "science", cohorts: "*" }],
  },
  {
    key: "english", gender: "FEMALE", roles: T, room: "208",
    position: "учитель английского языка", teaches: [{ role: "english", cohorts: "*" }],
  },
  ...(["1А", "2А", "3А", "4А"] as const).map((c): StaffSpec => ({
    key: `primary-${c}`, gender: "FEMALE", roles: T, classOf: c, position: "учитель начальных классов",
    teaches: [{ role: "class", cohorts: c === "3А" ? [c, IUP_SCHOOL] : [c] }],
  })),
  {
    key: "defect-3Б", gender: "FEMALE", roles: T, classOf: "3Б", position: "учитель-дефектолог",
    teaches: [{ role: "class", cohorts: ["3Б"] }],
  },
  {
    key: "defect-6Б", gender: "FEMALE", roles: T, classOf: "6Б", position: "учитель-дефектолог (олигофренопедагог)",
    teaches: [{ role: "class", cohorts: ["6Б", IUP_HOME] }],
  },
  {
    key: "defect-7А", gender: "FEMALE", roles: T, classOf: "7А", position: "учитель-дефектолог (олигофренопедагог)",
    teaches: [{ role: "class", cohorts: ["7А", "8А"] }],
  },
  {
    key: "defect-7Б", gender: "FEMALE", roles: T, classOf: "7Б", position: "учитель-дефектолог",
    teaches: [{ role: "class", cohorts: ["7Б"] }],
  },
  {
    key: "pe-junior", gender: "MALE", roles: T, room: "Спортзал", position: "учитель адаптивной физической культуры",
    teaches: [{ role: "pe", cohorts: ["1А", "2А", "3А", "3Б", "4А", "7Б"] }],
  },
  {
    key: "pe-senior", gender: "FEMALE", roles: T, room: "Зал ЛФК", position: "учитель адаптивной физической культуры",
    teaches: [{ role: "pe", cohorts: ["5А", "6А", "6Б", "7А", "8А", "9А"] }],
  },
  {
    key: "music", gender: "FEMALE", roles: T, room: "Музыкальный зал", position: "учитель музыки",
    teaches: [{ role: "music", cohorts: "*" }],
  },
  {
    key: "art", gender: "FEMALE", roles: T, room: "210", position: "учитель изобразительного искусства и технологии",
    teaches: [{ role: "art", cohorts: "*" }],
  },
  {
    key: "speech-junior", gender: "FEMALE", roles: T, room: "104", position: "учитель-логопед",
    teaches: [{ role: "speech", cohorts: ["1А", "2А", "3А", "3Б", "4А", IUP_SCHOOL] }],
  },
  {
    key: "speech-senior", gender: "FEMALE", roles: T, room: "106", position: "учитель-логопед",
    teaches: [{ role: "speech", cohorts: ["5А", "6А", "6Б", "7А", "7Б", "8А", "9А", IUP_HOME] }],
  },
  {
    key: "psych", gender: "FEMALE", roles: T, room: "Сенсорная комната", position: "педагог-психолог",
    teaches: [{ role: "psych", cohorts: "*" }],
  },
  {
    key: "trade-sewing", gender: "FEMALE", roles: T, room: "Швейная мастерская", classOf: "8А",
    position: "мастер производственного обучения (швейное дело)",
    teaches: [{ role: "trade", cohorts: ["7А", "7Б", "8А — швейное дело"] }],
  },
  {
    key: "trade-building", gender: "MALE", roles: T, room: "Столярная мастерская",
    position: "мастер производственного обучения (обслуживание зданий)",
    teaches: [{ role: "trade", cohorts: ["6Б", "8А — обслуживание зданий"] }],
  },
];

/** The staff member who gives `role` in the cohort (by its name or its short key). */
export function teacherFor(role: TeacherRole, cohort: string): number {
  const i = DEMO_STAFF.findIndex((s) =>
    s.teaches.some((t) => t.role === role && (t.cohorts === "*" || t.cohorts.includes(cohort))),
  );
  if (i < 0) throw new Error(`Нет учителя для «${role}» в «${cohort}»`);
  return i;
}

export function staffByKey(key: string): number {
  const i = DEMO_STAFF.findIndex((s) => s.key === key);
  if (i < 0) throw new Error(`Нет сотрудника «${key}»`);
  return i;
}
