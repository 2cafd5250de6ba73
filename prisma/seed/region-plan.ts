/**
 * One ordinary school of a region-sized data set: grades 1–11, classes of about 25,
 * the federal curriculum, subject teachers packed to a full load, a timetable. Lighter
 * than the demo school (no groups, streams, events or accounts), same generator.
 */
import { buildCalendar, dayOf } from "./calendar";
import { curriculumTemplate, maxPerDay, scaleFor, type TeacherRole } from "./curriculum";
import { adultName, childName, pickSurname, MALE_NAMES, type Gender } from "./names";
import type {
  CohortPlan, CurriculumItemPlan, GuardianPlan, GuardianshipPlan, MembershipPlan, EnrolmentPlan, SchoolPlan, StaffPlan, StudentPlan,
} from "./plan";
import { hashSeed, Rng } from "./rng";
import { SUBJECTS } from "./subjects";
import { familyAddress } from "./texts";
import { buildTimetable, spreadOverDays, type GridSpec, type TimetableUnit } from "./timetable";

const CITIES = [
  "Сургут", "Нижневартовск", "Нефтеюганск", "Ханты-Мансийск", "Когалым", "Нягань", "Мегион", "Лангепас",
  "Радужный", "Пыть-Ях", "Урай", "Югорск", "Лянтор", "Советский", "Белоярский", "Покачи",
] as const;
const LETTERS = "АБВГДЕЖИКЛМН";

const POSITIONS: Record<TeacherRole, string> = {
  class: "учитель начальных классов",
  russian: "учитель русского языка и литературы",
  math: "учитель математики",
  english: "учитель английского языка",
  history: "учитель истории и обществознания",
  geobio: "учитель биологии и географии",
  science: "учитель физики, химии и информатики",
  art: "учитель изобразительного искусства и технологии",
  music: "учитель музыки",
  pe: "учитель физической культуры",
  speech: "учитель-логопед",
  psych: "педагог-психолог",
  trade: "мастер производственного обучения",
};

/** A teacher's weekly load before another one of the subject is hired. */
const FULL_LOAD = 24;

export function regionSchoolName(index: number): { name: string; shortName: string; city: string } {
  const city = CITIES[index % CITIES.length] ?? "Сургут";
  const number = Math.floor(index / CITIES.length) + 1;
  return {
    city,
    name: `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${number}» г. ${city}`,
    shortName: `МБОУ СОШ № ${number} г. ${city}`,
  };
}

export function buildRegionSchoolPlan(seed: number, index: number, studentCount: number, startYear: number): SchoolPlan {
  const schoolSeed = hashSeed(seed, "school", index);
  const rng = new Rng(schoolSeed);
  const calendar = buildCalendar(startYear, 11);
  const yearStart = calendar.start;
  const { name, shortName, city } = regionSchoolName(index);

  // Classes: about 25 students each, at least one per grade, extra classes in lower grades.
  const classCount = Math.max(11, Math.round(studentCount / 25));
  const perGrade = Array.from({ length: 11 }, (_, g) => Math.floor(classCount / 11) + (g < classCount % 11 ? 1 : 0));
  const cohorts: CohortPlan[] = [];
  perGrade.forEach((n, g) => {
    for (let k = 0; k < n; k++) cohorts.push({ kind: "CLASS", name: `${g + 1}${LETTERS[k] ?? String(k + 1)}`, grade: g + 1 });
  });

  const staff: StaffPlan[] = [];
  const hire = (role: TeacherRole | "director" | "deputy"): number => {
    const gender: Gender = rng.chance(role === "pe" || role === "science" ? 0.5 : 0.15) ? "MALE" : "FEMALE";
    const position = role === "director" ? "директор" : role === "deputy" ? "заместитель директора по учебно-воспитательной работе" : POSITIONS[role];
    const roles: StaffPlan["roles"] = role === "director" ? ["ADMIN"] : role === "deputy" ? ["ADMIN", "TEACHER"] : ["TEACHER"];
    return staff.push({ ...adultName(rng, gender), gender, position, roles }) - 1;
  };
  hire("director");
  hire("deputy");
  hire("deputy");

  const subjects = SUBJECTS.filter((d) => cohorts.some((c) => curriculumTemplate("GENERAL", c.grade).some((t) => t.subject === d.name)))
    .map((d) => ({ name: d.name, shortName: d.shortName, kind: d.kind }));
  const subjectIdx = new Map(subjects.map((s, i) => [s.name, i]));

  // Teachers: one per class and role, filled up to a full load before the next is hired.
  const open = new Map<TeacherRole, { teacher: number; hours: number }>();
  const curriculum: CurriculumItemPlan[] = [];
  const units: TimetableUnit[] = [];
  const unitItem = new Map<TimetableUnit, number>();
  const unitRole = new Map<TimetableUnit, TeacherRole>();
  cohorts.forEach((c, ci) => {
    const lines = curriculumTemplate("GENERAL", c.grade);
    const byRole = new Map<TeacherRole, number>();
    for (const t of lines) byRole.set(t.role, (byRole.get(t.role) ?? 0) + t.hours);
    const teacherOf = new Map<TeacherRole, number>();
    for (const [role, hours] of byRole) {
      if (role === "class") {
        teacherOf.set(role, hire("class"));
        continue;
      }
      let slot = open.get(role);
      if (!slot || slot.hours + hours > FULL_LOAD) {
        slot = { teacher: hire(role), hours: 0 };
        open.set(role, slot);
      }
      slot.hours += hours;
      teacherOf.set(role, slot.teacher);
    }
    for (const t of lines) {
      const teacher = teacherOf.get(t.role) ?? 0;
      const subject = subjectIdx.get(t.subject) ?? -1;
      const item = curriculum.push({ cohort: ci, subject, hoursPerWeek: t.hours, scale: scaleFor("GENERAL", c.grade, t.subject), teachers: [teacher] }) - 1;
      const u: TimetableUnit = { grid: ci, parts: [{ cohort: ci, subject, teacher, room: undefined }], hours: t.hours, maxPerDay: maxPerDay(t.subject, t.hours), late: false };
      units.push(u);
      unitItem.set(u, item);
      unitRole.set(u, t.role);
    }
    const led = new Set(cohorts.map((x) => x.classTeacher));
    const lead = teacherOf.get("class") ?? [...teacherOf.values()].find((t) => !led.has(t));
    if (lead !== undefined) c.classTeacher = lead;
  });

  const grids: GridSpec[] = cohorts.map((_, i) => ({
    cohort: i, flexible: false, blockedBy: [],
    dayCounts: spreadOverDays(units.filter((u) => u.grid === i).reduce((a, u) => a + u.hours, 0)),
  }));
  // A unit that cannot be placed goes to a newly hired teacher of the subject.
  const slots = buildTimetable(grids, units, rng.fork("timetable"), {
    attemptsPerGrid: 20,
    onStuck: (u) => {
      const role = unitRole.get(u) ?? "class";
      const teacher = hire(role);
      for (const p of u.parts) p.teacher = teacher;
      const item = curriculum[unitItem.get(u) ?? -1];
      if (item) item.teachers = [teacher];
      return true;
    },
  });

  // Students: an even share per class, one or two guardians each.
  const students: StudentPlan[] = [];
  const guardians: GuardianPlan[] = [];
  const guardianships: GuardianshipPlan[] = [];
  const memberships: MembershipPlan[] = [];
  const enrolments: EnrolmentPlan[] = [];
  const base = Math.floor(studentCount / cohorts.length);
  cohorts.forEach((c, ci) => {
    const size = base + (ci < studentCount - base * cohorts.length ? 1 : 0);
    for (let k = 0; k < size; k++) {
      const s = students.length;
      const fr = new Rng(hashSeed(schoolSeed, "student", s));
      const surname = pickSurname(fr);
      const father = fr.pick(MALE_NAMES);
      const gender: Gender = fr.chance(0.51) ? "MALE" : "FEMALE";
      const from = dayOf(startYear - c.grade - 7, 9, 1);
      const birth = fr.int(from, from + 364);
      students.push({
        ...childName(fr, gender, surname, father), gender, birthDate: birth,
        recordNumber: `${startYear - c.grade + 1}-${String(s + 1).padStart(5, "0")}`,
        homeSchooling: false, individualPlan: false,
        ability: Math.min(4.9, Math.max(2.4, fr.normal(3.8, 0.55))), exemptPe: fr.chance(0.02),
      });
      memberships.push({ cohort: ci, student: s, start: yearStart });
      enrolments.push({ student: s, program: c.grade <= 4 ? 0 : c.grade <= 9 ? 1 : 2, start: yearStart });
      const address = `ХМАО — Югра, г. ${city}${familyAddress(fr).replace(/^ХМАО — Югра, [^,]+/, "")}`;
      const relations = fr.chance(0.55) ? (["MOTHER", "FATHER"] as const) : fr.chance(0.92) ? (["MOTHER"] as const) : (["FATHER"] as const);
      for (const relation of relations) {
        const g = guardians.length;
        const name = relation === "FATHER"
          ? { lastName: surname, firstName: father[0], middleName: fr.pick(MALE_NAMES)[1] }
          : adultName(fr, "FEMALE", surname);
        guardians.push({ ...name, gender: relation === "FATHER" ? "MALE" : "FEMALE", address });
        guardianships.push({ guardian: g, student: s, relation, start: birth });
      }
    }
  });

  return {
    seed: schoolSeed,
    school: { name, shortName, address: `ХМАО — Югра, г. ${city}`, region: "Ханты-Мансийский автономный округ — Югра", timeZone: "Asia/Yekaterinburg" },
    calendar,
    subjects,
    programs: [
      { level: "NOO", variant: "NONE", name: "Основная образовательная программа начального общего образования" },
      { level: "OOO", variant: "NONE", name: "Основная образовательная программа основного общего образования" },
      { level: "SOO", variant: "NONE", name: "Основная образовательная программа среднего общего образования" },
    ],
    staff, students, guardians, guardianships, cohorts, memberships, enrolments, curriculum, slots,
    events: { cancelledDays: [], cancelledLessons: [], moves: [], substitutions: [] },
    recommendations: [],
  };
}
