/**
 * The demo school as a plan: a Surgut boarding school for students with disabilities,
 * twelve classes with their programs, groups, a stream, two individual plans, staff,
 * families, curriculum and timetable. Pure: the same `today` gives the same plan.
 */
import { academicStartYear, buildCalendar, localDayOf, SCHOOL_TIME_ZONE, type Day } from "./calendar";
import { curriculumTemplate, maxPerDay, scaleFor, type ItemTemplate, type TeacherRole, type Track } from "./curriculum";
import { buildPeople, type ClassSpec, type RosterSlot } from "./demo-people";
import { DEMO_STAFF, IUP_HOME, IUP_SCHOOL, teacherFor, type StaffSpec } from "./demo-staff";
import { demoEvents, demoRecommendations } from "./demo-events";
import { adultName, shortName } from "./names";
import type {
  CohortPlan, CurriculumItemPlan, EnrolmentPlan, MembershipPlan, ProgramPlan, SchoolPlan, StaffPlan, SubjectPlan,
} from "./plan";
import { createRng, hashSeed, type Rng } from "./rng";
import { subjectDef, SUBJECTS } from "./subjects";
import { buildTimetable, spreadOverDays, type GridSpec, type TimetableUnit } from "./timetable";

export const DEMO_SCHOOL_NAME =
  "Казённое общеобразовательное учреждение Ханты-Мансийского автономного округа — Югры «Сургутская школа для обучающихся с ограниченными возможностями здоровья»";

export type AccountPlan = {
  login: string;
  kind: "ADMIN" | "TEACHER" | "GUARDIAN" | "STUDENT";
  staff?: number;
  guardian?: number;
  student?: number;
};

export type DemoPlan = SchoolPlan & { today: Day; accounts: AccountPlan[] };

export const DEMO_CLASSES: readonly ClassSpec[] = [
  { name: "1А", grade: 1, track: "NOO_ZPR", size: 9, room: "101" },
  { name: "2А", grade: 2, track: "NOO_ZPR", size: 10, room: "102" },
  { name: "3А", grade: 3, track: "NOO_ZPR", size: 10, room: "105" },
  { name: "3Б", grade: 3, track: "UO1", size: 8, room: "107" },
  { name: "4А", grade: 4, track: "NOO_ZPR", size: 10, room: "108" },
  { name: "5А", grade: 5, track: "OOO_ZPR", size: 12, room: "301" },
  { name: "6А", grade: 6, track: "OOO_ZPR", size: 11, room: "302" },
  { name: "6Б", grade: 6, track: "UO1", size: 9, room: "303" },
  { name: "7А", grade: 7, track: "UO1", size: 11, room: "304" },
  { name: "7Б", grade: 7, track: "UO2", size: 6, room: "305" },
  { name: "8А", grade: 8, track: "UO1", size: 11, room: "306" },
  { name: "9А", grade: 9, track: "OOO_ZPR", size: 11, room: "307" },
];

const GROUPS = ["8А — швейное дело", "8А — обслуживание зданий"] as const;
const STREAM = "Поток 8–9: основы профессионального самоопределения";

const PROGRAMS: readonly (ProgramPlan & { key: string })[] = [
  { key: "NOO", level: "NOO", variant: "NONE", name: "Основная образовательная программа начального общего образования" },
  { key: "OOO", level: "OOO", variant: "NONE", name: "Основная образовательная программа основного общего образования" },
  { key: "NOO_ZPR", level: "NOO", variant: "AOOP", name: "АООП НОО обучающихся с ЗПР (вариант 7.2)" },
  { key: "OOO_ZPR", level: "OOO", variant: "AOOP", name: "АООП ООО обучающихся с ЗПР" },
  { key: "UO1", level: "OOO", variant: "FAOOP_UO_1", name: "ФАООП обучающихся с умственной отсталостью (вариант 1)" },
  { key: "UO2", level: "OOO", variant: "FAOOP_UO_2", name: "ФАООП обучающихся с умственной отсталостью (вариант 2)" },
  { key: "SEW", level: "VOCATIONAL", variant: "NONE", name: "Программа профессионального обучения «Швея»" },
  { key: "BUILD", level: "VOCATIONAL", variant: "NONE", name: "Программа профессионального обучения «Рабочий по комплексному обслуживанию и ремонту зданий»" },
];

/** Individual plans: lines of their own, taught one to one. */
const IUP_LINES: Record<string, { track: Track; grade: number; caps: number[]; lines: ItemTemplate[] }> = {
  [IUP_HOME]: {
    track: "UO1", grade: 5, caps: [2, 2, 2, 2, 2],
    lines: [
      { subject: "Русский язык", hours: 2, role: "class" },
      { subject: "Литературное чтение", hours: 2, role: "class" },
      { subject: "Математика", hours: 2, role: "class" },
      { subject: "Природоведение", hours: 1, role: "geobio" },
      { subject: "Социально-бытовая ориентировка", hours: 1, role: "class" },
      { subject: "Логопедические занятия", hours: 1, role: "speech" },
      { subject: "Развитие психомоторики и сенсорных процессов", hours: 1, role: "psych" },
    ],
  },
  [IUP_SCHOOL]: {
    track: "NOO_ZPR", grade: 3, caps: [3, 3, 3, 2, 2],
    lines: [
      { subject: "Русский язык", hours: 3, role: "class" },
      { subject: "Литературное чтение", hours: 3, role: "class" },
      { subject: "Математика", hours: 3, role: "class" },
      { subject: "Окружающий мир", hours: 1, role: "class" },
      { subject: "Логопедические занятия", hours: 2, role: "speech" },
      { subject: "Развитие психомоторики и сенсорных процессов", hours: 1, role: "psych" },
    ],
  },
};

const SPECIALIST_ROLES: readonly TeacherRole[] = ["pe", "music", "speech", "psych", "trade"];

export function demoSeed(startYear: number): number {
  return hashSeed("zhurnal-demo", startYear);
}

export function buildDemoPlan(todayInstant: Date): DemoPlan {
  const today = localDayOf(todayInstant, SCHOOL_TIME_ZONE);
  const startYear = academicStartYear(today);
  const seed = demoSeed(startYear);
  const rng = createRng(seed);
  const calendar = buildCalendar(startYear);
  const yearStart = calendar.start;

  const staff: StaffPlan[] = DEMO_STAFF.map((s) => {
    const name = adultName(rng.fork(`staff:${s.key}`), s.gender);
    return { ...name, gender: s.gender, position: s.position, roles: s.roles, ...(s.room ? { room: s.room } : {}) };
  });

  // Rosters: class places, then the two individual plans.
  const slots: RosterSlot[] = [];
  for (const c of DEMO_CLASSES) {
    for (let k = 0; k < c.size; k++) {
      slots.push({ cohort: c.name, grade: c.grade, ...(c.name === "8А" ? { gender: k < 5 ? "FEMALE" : "MALE" } : {}) });
    }
  }
  slots.push({ cohort: IUP_HOME, grade: 5, homeSchooling: true, individualPlan: true });
  slots.push({ cohort: IUP_SCHOOL, grade: 3, individualPlan: true });
  const slotOf = (cohort: string, k: number): number => slots.findIndex((s, i) => s.cohort === cohort && slotRank(slots, i) === k);
  const pairs = siblingPairs(rng.fork("siblings"), slots, [slotOf("5А", 0), slotOf("2А", 0)]);
  const people = buildPeople(rng.fork("people"), startYear, slots, pairs);
  const students = people.students;

  // Cohorts: classes, the two workshop groups of 8А, the stream, the individual plans.
  const cohorts: CohortPlan[] = [];
  const cohortKey: string[] = [];
  const addCohort = (key: string, c: CohortPlan): number => {
    cohortKey.push(key);
    return cohorts.push(c) - 1;
  };
  const classTeacher = (name: string): number | undefined => {
    const i = DEMO_STAFF.findIndex((s) => s.classOf === name);
    return i >= 0 ? i : undefined;
  };
  for (const c of DEMO_CLASSES) {
    const t = classTeacher(c.name);
    addCohort(c.name, { kind: "CLASS", name: c.name, grade: c.grade, room: c.room, ...(t !== undefined ? { classTeacher: t } : {}) });
  }
  const idx = (key: string): number => {
    const i = cohortKey.indexOf(key);
    if (i < 0) throw new Error(`Нет коллектива ${key}`);
    return i;
  };
  for (const g of GROUPS) addCohort(g, { kind: "GROUP", name: g, grade: 8, parent: idx("8А") });
  addCohort(STREAM, { kind: "STREAM", name: STREAM, grade: 8 });
  for (const key of [IUP_HOME, IUP_SCHOOL]) {
    const s = students[slots.findIndex((x) => x.cohort === key)];
    if (!s) throw new Error(`Нет ученика для ${key}`);
    const spec = IUP_LINES[key];
    addCohort(key, {
      kind: "INDIVIDUAL",
      name: `ИУП: ${shortName(s)}${s.homeSchooling ? " (надомное обучение)" : ""}`,
      grade: spec?.grade ?? 1,
      room: s.homeSchooling ? "на дому" : "109",
    });
  }

  // Memberships and programs; one student of 6А moves to 6Б after the October ПМПК.
  const memberships: MembershipPlan[] = [];
  const enrolments: EnrolmentPlan[] = [];
  const programIdx = (key: string): number => PROGRAMS.findIndex((p) => p.key === key);
  const moveDay = mondayOnOrAfter(calendar.start + 44);
  const featured = new Set(pairs.flat());
  const mover = slots.findIndex((s, i) => s.cohort === "6А" && !featured.has(i) && slotRank(slots, i) >= 3);
  const trackOf = (key: string): Track => DEMO_CLASSES.find((c) => c.name === key)?.track ?? IUP_LINES[key]?.track ?? "UO1";
  const prng = rng.fork("programs");
  slots.forEach((slot, i) => {
    const home = idx(slot.cohort);
    if (i === mover) {
      memberships.push({ cohort: home, student: i, start: yearStart, end: moveDay - 1, endReason: "MOVED" });
      memberships.push({ cohort: idx("6Б"), student: i, start: moveDay });
      enrolments.push({ student: i, program: programIdx("OOO_ZPR"), start: yearStart, end: moveDay - 1 });
      enrolments.push({ student: i, program: programIdx("UO1"), start: moveDay });
      return;
    }
    memberships.push({ cohort: home, student: i, start: yearStart });
    let program: string = trackOf(slot.cohort);
    const rank = slotRank(slots, i);
    if ((slot.cohort === "2А" || slot.cohort === "4А") && rank >= 8) program = "NOO";
    if (slot.cohort === "5А" && rank >= 10) program = "OOO";
    enrolments.push({ student: i, program: programIdx(program), start: yearStart });
    if (slot.cohort === "8А") {
      memberships.push({ cohort: idx(slot.gender === "FEMALE" ? GROUPS[0] : GROUPS[1]), student: i, start: yearStart });
    }
  });
  for (const cls of ["8А", "9А"]) {
    const pool = slots.map((s, i) => ({ s, i })).filter((x) => x.s.cohort === cls);
    for (const x of prng.shuffle(pool).slice(0, 5)) memberships.push({ cohort: idx(STREAM), student: x.i, start: yearStart });
  }
  for (const [cls, rank] of [["4А", 2], ["6А", 5], ["9А", 4]] as const) {
    const s = students[slotOf(cls, rank)];
    if (s) s.exemptPe = true;
  }

  // Subjects in catalog order, only those the school teaches.
  const lines: { cohort: number; t: ItemTemplate; track: Track; grade: number }[] = [];
  for (const c of DEMO_CLASSES) {
    for (const t of curriculumTemplate(c.track, c.grade)) {
      if (c.name === "8А" && t.subject === "Профильный труд") {
        for (const g of GROUPS) lines.push({ cohort: idx(g), t, track: c.track, grade: c.grade });
      } else {
        lines.push({ cohort: idx(c.name), t, track: c.track, grade: c.grade });
      }
    }
  }
  lines.push({ cohort: idx(STREAM), t: { subject: "Основы профессионального самоопределения", hours: 1, role: "psych" }, track: "UO1", grade: 8 });
  for (const key of [IUP_HOME, IUP_SCHOOL]) {
    const spec = IUP_LINES[key];
    if (spec) for (const t of spec.lines) lines.push({ cohort: idx(key), t, track: spec.track, grade: spec.grade });
  }
  const used = new Set(lines.map((l) => l.t.subject));
  const subjects: SubjectPlan[] = SUBJECTS.filter((d) => used.has(d.name)).map((d) => ({ name: d.name, shortName: d.shortName, kind: d.kind }));
  const subjectIdx = new Map(subjects.map((s, i) => [s.name, i]));

  const curriculum: CurriculumItemPlan[] = [];
  const units: TimetableUnit[] = [];
  const split = new Map<number, TimetableUnit>();
  for (const l of lines) {
    const teacher = teacherFor(l.t.role, cohortKey[l.cohort] ?? "");
    const subject = subjectIdx.get(l.t.subject) ?? -1;
    curriculum.push({ cohort: l.cohort, subject, hoursPerWeek: l.t.hours, scale: scaleFor(l.track, l.grade, l.t.subject), teachers: [teacher] });
    const cohort = cohorts[l.cohort];
    if (!cohort) continue;
    const part = { cohort: l.cohort, subject, teacher, room: roomFor(DEMO_STAFF[teacher], cohort, l.t.role) };
    if (cohort.kind === "GROUP" && cohort.parent !== undefined) {
      const existing = split.get(cohort.parent);
      if (existing) existing.parts.push(part);
      else {
        const u: TimetableUnit = { grid: cohort.parent, parts: [part], hours: l.t.hours, maxPerDay: maxPerDay(l.t.subject, l.t.hours), late: false };
        split.set(cohort.parent, u);
        units.push(u);
      }
      continue;
    }
    units.push({
      grid: l.cohort, parts: [part], hours: l.t.hours, maxPerDay: maxPerDay(l.t.subject, l.t.hours),
      late: subjectDef(l.t.subject).kind !== "SUBJECT" && subjectDef(l.t.subject).kind !== "VOCATIONAL",
    });
  }

  const grids: GridSpec[] = cohorts.flatMap((c, i): GridSpec[] => {
    const hours = units.filter((u) => u.grid === i).reduce((a, u) => a + u.hours, 0);
    if (c.kind === "CLASS") return [{ cohort: i, dayCounts: spreadOverDays(hours), flexible: false, blockedBy: [] }];
    if (c.kind === "STREAM") return [{ cohort: i, dayCounts: [1, 1, 1, 1, 1], flexible: true, blockedBy: [idx("8А"), idx("9А")] }];
    if (c.kind === "INDIVIDUAL") return [{ cohort: i, dayCounts: IUP_LINES[cohortKey[i] ?? ""]?.caps ?? [], flexible: true, blockedBy: [] }];
    return [];
  });
  const timetable = buildTimetable(grids, units, rng.fork("timetable"));

  const plan: SchoolPlan = {
    seed,
    school: {
      name: DEMO_SCHOOL_NAME,
      shortName: "КОУ «Сургутская школа для обучающихся с ОВЗ»",
      address: "628403, Ханты-Мансийский автономный округ — Югра, г. Сургут, ул. Энтузиастов, д. 7",
      region: "Ханты-Мансийский автономный округ — Югра",
      timeZone: SCHOOL_TIME_ZONE,
    },
    calendar,
    subjects,
    programs: PROGRAMS.map(({ level, variant, name }) => ({ level, variant, name })),
    staff,
    students,
    guardians: people.guardians,
    guardianships: people.guardianships,
    cohorts,
    memberships,
    enrolments,
    curriculum,
    slots: timetable,
    events: { cancelledDays: [], cancelledLessons: [], moves: [], substitutions: [] },
    recommendations: [],
  };
  plan.events = demoEvents(plan, rng.fork("events"), today, {
    moveCohort: idx("5А"), moveSubject: subjectIdx.get("Математика") ?? -1,
    cancelCohorts: [idx("9А"), idx("6А")],
    substituteCohort: idx("6А"), substituteSubject: subjectIdx.get("Русский язык") ?? -1,
    substitute: DEMO_STAFF.findIndex((s) => s.key === "deputy-study"),
  });
  plan.recommendations = demoRecommendations(plan, rng.fork("recommendations"), today);

  // Accounts: the demo family's mother and 5А child, another 5А mother, two staff.
  const family0 = people.families[0];
  const mother = family0?.guardians.find((g) => g.relation === "MOTHER")?.guardian;
  const child5A = slotOf("5А", 0);
  const otherMother = people.families.find(
    (f, i) => i > 0 && f.children.length === 1 && slots[f.children[0] ?? -1]?.cohort === "5А" && f.guardians.some((g) => g.relation === "MOTHER"),
  )?.guardians.find((g) => g.relation === "MOTHER")?.guardian;
  if (mother === undefined || otherMother === undefined) throw new Error("Демо-семьи не сложились: смените зерно");
  const accounts: AccountPlan[] = [
    { login: "admin", kind: "ADMIN", staff: DEMO_STAFF.findIndex((s) => s.key === "director") },
    { login: "teacher", kind: "TEACHER", staff: DEMO_STAFF.findIndex((s) => s.key === "math") },
    { login: "parent", kind: "GUARDIAN", guardian: mother },
    { login: "student", kind: "STUDENT", student: child5A },
    { login: "parent2", kind: "GUARDIAN", guardian: otherMother },
  ];
  return { ...plan, today, accounts };
}

/** The place's rank among the places of its cohort (0-based). */
function slotRank(slots: readonly RosterSlot[], i: number): number {
  let rank = 0;
  for (let j = 0; j < i; j++) if (slots[j]?.cohort === slots[i]?.cohort) rank++;
  return rank;
}

function mondayOnOrAfter(day: Day): Day {
  const wd = ((((day + 3) % 7) + 7) % 7) + 1;
  return wd === 1 ? day : day + (8 - wd);
}

/** The demo pair first, then seven more pairs of siblings in different classes. */
function siblingPairs(rng: Rng, slots: readonly RosterSlot[], first: readonly [number, number] | number[]): [number, number][] {
  const [a, b] = first;
  if (a === undefined || b === undefined || a < 0 || b < 0) throw new Error("Нет мест для демо-семьи");
  const pairs: [number, number][] = [[a, b]];
  const taken = new Set([a, b]);
  const candidates = rng.shuffle(slots.map((_, i) => i).filter((i) => !slots[i]?.cohort.startsWith("ИУП")));
  for (const x of candidates) {
    if (pairs.length >= 8) break;
    if (taken.has(x)) continue;
    const y = candidates.find((c) => !taken.has(c) && c !== x && slots[c]?.cohort !== slots[x]?.cohort);
    if (y === undefined) break;
    pairs.push([x, y]);
    taken.add(x);
    taken.add(y);
  }
  return pairs;
}

function roomFor(staff: StaffSpec | undefined, cohort: CohortPlan, role: TeacherRole): string | undefined {
  if (cohort.kind === "INDIVIDUAL") return cohort.room;
  if (staff?.room && (cohort.grade >= 5 || SPECIALIST_ROLES.includes(role))) return staff.room;
  return cohort.room ?? staff?.room;
}
