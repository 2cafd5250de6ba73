/**
 * Students and their families for the demo school: class rosters, siblings, guardians.
 *
 * Families come first and children after, so a child's surname and patronymic follow the
 * father's, siblings share them, and a mother's surname is the family's in the female
 * form (or her own, now and then).
 */
import { dayOf, type Day } from "./calendar";
import type { Track } from "./curriculum";
import {
  adultName, childName, femaleSurname, pickSurname, MALE_NAMES, WOMAN_NAMES, type Gender,
} from "./names";
import type { GuardianPlan, GuardianshipPlan, Relation, StudentPlan } from "./plan";
import type { Rng } from "./rng";
import { familyAddress } from "./texts";

export type ClassSpec = { name: string; grade: number; track: Track; size: number; room: string };

export type RosterSlot = {
  /** the class, or the individual-plan cohort name */
  cohort: string;
  grade: number;
  /** fixed gender (workshop groups need girls and boys) */
  gender?: Gender;
  homeSchooling?: boolean;
  individualPlan?: boolean;
};

export type PeopleResult = {
  students: StudentPlan[];
  /** the cohort name of each student's first placement */
  placement: string[];
  guardians: GuardianPlan[];
  guardianships: GuardianshipPlan[];
  /** family index of each student */
  familyOf: number[];
  /** guardians of each family, with relation */
  families: { guardians: { guardian: number; relation: Relation }[]; children: number[] }[];
};

type Composition = Relation[];

function composition(rng: Rng, childAge: number): Composition {
  return rng.weighted<Composition>([
    [["MOTHER", "FATHER"], 52],
    [["MOTHER"], 33],
    [["FATHER"], 4],
    [[childAge >= 14 ? "TRUSTEE" : "GUARDIAN"], 6],
    [["MOTHER", "OTHER"], 5],
  ]);
}

/** Age in whole years on a day. */
export function ageOn(birth: Day, day: Day): number {
  const b = new Date(birth * 86_400_000);
  const d = new Date(day * 86_400_000);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  if (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/**
 * Birth date for a grade: on time (born between 1 Sep and 31 Aug seven to eight years
 * before grade 1), in a special school often a year or two later.
 */
function birthDate(rng: Rng, startYear: number, grade: number, onTime: boolean): Day {
  const delay = onTime ? 0 : rng.weighted([[0, 70], [1, 25], [2, 5]] as const);
  const from = dayOf(startYear - grade - 7 - delay, 9, 1);
  const to = dayOf(startYear - grade - 6 - delay, 8, 31);
  return rng.int(from, to);
}

function ability(rng: Rng): number {
  return Math.min(4.9, Math.max(2.4, rng.normal(3.7, 0.55)));
}

/**
 * `pairs` are sibling pairs as indexes into `slots`; pair 0 is the demo family (one child
 * in 5А, one in another class). Everyone else is an only child at this school.
 */
export function buildPeople(rng: Rng, startYear: number, slots: readonly RosterSlot[], pairs: readonly (readonly [number, number])[]): PeopleResult {
  const yearStart = dayOf(startYear, 9, 1);
  const familyOfSlot = new Array<number>(slots.length).fill(-1);
  const families: PeopleResult["families"] = [];
  pairs.forEach(([a, b]) => {
    const f = families.length;
    families.push({ guardians: [], children: [a, b] });
    familyOfSlot[a] = f;
    familyOfSlot[b] = f;
  });
  slots.forEach((_, i) => {
    if ((familyOfSlot[i] ?? -1) >= 0) return;
    familyOfSlot[i] = families.length;
    families.push({ guardians: [], children: [i] });
  });

  const students: StudentPlan[] = new Array<StudentPlan>(slots.length);
  const guardians: GuardianPlan[] = [];
  const guardianships: PeopleResult["guardianships"] = [];
  let record = 0;

  families.forEach((family, f) => {
    const fr = rng.fork(`family:${f}`);
    const surname = pickSurname(fr);
    const father = fr.pick(MALE_NAMES);
    const address = familyAddress(fr);
    const births: Day[] = [];
    for (const slotIndex of family.children) {
      const slot = slots[slotIndex];
      if (!slot) throw new Error(`Нет места ${slotIndex} в списках`);
      const gender: Gender = slot.gender ?? (fr.chance(0.58) ? "MALE" : "FEMALE");
      const name = childName(fr, gender, surname, father);
      // The demo family's 5А child must be 11–13: born on time.
      const born = birthDate(fr, startYear, slot.grade, f === 0);
      births.push(born);
      record++;
      students[slotIndex] = {
        ...name,
        gender,
        birthDate: born,
        recordNumber: `${startYear - slot.grade + 1}-${String(record).padStart(3, "0")}`,
        homeSchooling: slot.homeSchooling ?? false,
        individualPlan: slot.individualPlan ?? false,
        ability: ability(fr),
        exemptPe: false,
      };
    }
    const oldest = Math.min(...births);
    const relations: Composition = f === 0 ? ["MOTHER", "FATHER"] : composition(fr, ageOn(oldest, yearStart));
    for (const relation of relations) {
      const g = guardians.length;
      let person: GuardianPlan;
      if (relation === "FATHER") {
        person = { lastName: surname, firstName: father[0], middleName: fr.pick(MALE_NAMES)[1], gender: "MALE", address };
      } else if (relation === "MOTHER") {
        const own = fr.chance(0.1) ? pickSurname(fr) : surname;
        person = {
          lastName: femaleSurname(own), firstName: fr.pick(WOMAN_NAMES), middleName: fr.pick(MALE_NAMES)[2],
          gender: "FEMALE", address,
        };
      } else {
        // Guardians, trustees and grandmothers are most often women of the wider family.
        const gender: Gender = fr.chance(0.8) ? "FEMALE" : "MALE";
        person = { ...adultName(fr, gender), gender, address };
      }
      guardians.push(person);
      family.guardians.push({ guardian: g, relation });
      for (const child of family.children) {
        const born = students[child]?.birthDate ?? yearStart;
        const start = relation === "GUARDIAN" || relation === "TRUSTEE" ? Math.max(born, yearStart - fr.int(200, 1500)) : born;
        guardianships.push({ guardian: g, student: child, relation, start });
      }
    }
  });

  return {
    students,
    placement: slots.map((s) => s.cohort),
    guardians,
    guardianships,
    familyOf: familyOfSlot,
    families,
  };
}
