/**
 * Two small schools with every kind of person the permission rules distinguish, built
 * directly in a real test database. Small on purpose: each test file makes its own.
 *
 * School A: classes 5А and 6А; teacher «math» leads 5А and teaches maths in 5А and 6А;
 * teacher «rus» teaches Russian in 5А only; a deputy is ADMIN and TEACHER; guardian g1
 * has two children (s1 in 5А, s3 in 6А); guardian g2 has s2 in 5А; s1 has an account.
 * School B: one class, one student, one guardian, one admin.
 */
import type { Db } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { loadPrincipal } from "../../lib/auth/load-principal";
import type { Principal } from "../../lib/auth/principal";
import { dayToDate, schoolToday } from "../../lib/time";

export const PASSWORD = "correct-horse-42";
const TZ = "Asia/Yekaterinburg";

type Person = { lastName: string; firstName: string; middleName?: string };

/**
 * `consent`: whether each guardian has consented (R1) for their children, as a school
 * that has collected the paper forms has. Tests of consent itself build without it.
 */
export async function buildTwoSchools(db: Db, o: { consent?: boolean } = {}) {
  const withConsent = o.consent ?? true;
  const passwordHash = await hashPassword(PASSWORD);
  const today = schoolToday(TZ);
  const todayDate = dayToDate(today);
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 9 ? 1 : 0);
  const yearStart = dayToDate(`${year}-09-01`);
  const yearEnd = dayToDate(`${year + 1}-08-31`);

  async function school(name: string) {
    const s = await db.school.create({ data: { name, shortName: name, address: "г. Ханты-Мансийск", region: "ХМАО — Югра", timeZone: TZ } });
    const y = await db.academicYear.create({ data: { schoolId: s.id, name: `${year}/${year + 1}`, startDate: yearStart, endDate: yearEnd } });
    await db.period.create({ data: { schoolId: s.id, yearId: y.id, kind: "YEAR", number: 1, name: "Год", startDate: yearStart, endDate: yearEnd } });
    const wt = await db.workType.create({ data: { schoolId: s.id, code: "LESSON", name: "Работа на уроке", weight: 1 } });
    return { id: s.id, yearId: y.id, workTypeId: wt.id };
  }

  async function staff(schoolId: string, p: Person, roles: ("ADMIN" | "TEACHER")[], login: string) {
    const st = await db.staff.create({ data: { schoolId, ...p, position: roles.includes("ADMIN") ? "директор" : "учитель", roles } });
    await db.user.create({ data: { schoolId, login, passwordHash, kind: roles.includes("ADMIN") ? "ADMIN" : "TEACHER", staffId: st.id } });
    return st.id;
  }

  let n = 0;
  async function student(schoolId: string, cohortId: string, p: Person, login?: string) {
    n += 1;
    const st = await db.student.create({
      data: { schoolId, ...p, birthDate: dayToDate(`${year - 11}-03-0${(n % 9) + 1}`), gender: "MALE", recordNumber: `R-${n}` },
    });
    await db.cohortMembership.create({ data: { schoolId, cohortId, studentId: st.id, startDate: yearStart } });
    if (login) await db.user.create({ data: { schoolId, login, passwordHash, kind: "STUDENT", studentId: st.id } });
    return st.id;
  }

  async function guardian(schoolId: string, p: Person, children: string[], login: string) {
    const g = await db.guardian.create({ data: { schoolId, ...p } });
    for (const c of children) await db.guardianship.create({ data: { schoolId, guardianId: g.id, studentId: c, relation: "MOTHER" } });
    if (withConsent && children.length > 0) {
      const text = (await db.consentText.findFirst({ where: { schoolId }, select: { id: true } }))
        ?? (await db.consentText.create({
          data: { schoolId, version: 1, title: "Согласие", purpose: "Электронный дневник", body: "Текст согласия", bodySha256: "0".repeat(64), validFrom: new Date("2026-08-01T00:00:00Z") },
          select: { id: true },
        }));
      for (const c of children) {
        await db.consentEvent.create({
          data: { schoolId, guardianId: g.id, studentId: c, textId: text.id, decision: "GRANTED", form: "PAPER", documentNumber: `С-${login}`, documentDate: new Date("2026-08-28T00:00:00Z") },
        });
      }
    }
    await db.user.create({ data: { schoolId, login, passwordHash, kind: "GUARDIAN", guardianId: g.id } });
    return g.id;
  }

  async function teach(schoolId: string, cohortId: string, subjectId: string, staffId: string) {
    const item = await db.curriculumItem.create({ data: { schoolId, cohortId, subjectId, hoursPerWeek: 4, validFrom: yearStart } });
    await db.curriculumTeacher.create({ data: { schoolId, curriculumItemId: item.id, staffId } });
  }

  async function lessonWithMarks(schoolId: string, workTypeId: string, cohortId: string, subjectId: string, teacherId: string, marks: [string, number][]) {
    const l = await db.lesson.create({ data: { schoolId, cohortId, subjectId, teacherId, date: todayDate, lessonNumber: 1 + (n++ % 6), status: "HELD", topic: "Тема" } });
    for (const [studentId, value] of marks) {
      await db.mark.create({
        data: { schoolId, lessonId: l.id, studentId, cohortId, subjectId, date: todayDate, workTypeId, kind: "NUMERIC", value, authorId: teacherId },
      });
    }
    return l.id;
  }

  // ── School A
  const A = await school("Школа А");
  const math = (await db.subject.create({ data: { schoolId: A.id, name: "Математика", shortName: "Мат" } })).id;
  const rus = (await db.subject.create({ data: { schoolId: A.id, name: "Русский язык", shortName: "Рус" } })).id;
  const adminA = await staff(A.id, { lastName: "Директорова", firstName: "Анна", middleName: "Ивановна" }, ["ADMIN"], "a.admin");
  const deputyA = await staff(A.id, { lastName: "Завучева", firstName: "Ольга", middleName: "Петровна" }, ["ADMIN", "TEACHER"], "a.deputy");
  const mathT = await staff(A.id, { lastName: "Числова", firstName: "Мария", middleName: "Сергеевна" }, ["TEACHER"], "a.math");
  const rusT = await staff(A.id, { lastName: "Словарёва", firstName: "Елена", middleName: "Олеговна" }, ["TEACHER"], "a.rus");
  const c5 = (await db.cohort.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "CLASS", name: "5А", grade: 5, classTeacherId: mathT } })).id;
  const c6 = (await db.cohort.create({ data: { schoolId: A.id, yearId: A.yearId, kind: "CLASS", name: "6А", grade: 6 } })).id;
  await teach(A.id, c5, math, mathT);
  await teach(A.id, c6, math, mathT);
  await teach(A.id, c5, rus, rusT);
  const s1 = await student(A.id, c5, { lastName: "Иванов", firstName: "Пётр" }, "a.s1");
  const s2 = await student(A.id, c5, { lastName: "Петров", firstName: "Илья" });
  const s3 = await student(A.id, c6, { lastName: "Иванова", firstName: "Дарья" });
  const g1 = await guardian(A.id, { lastName: "Иванова", firstName: "Светлана" }, [s1, s3], "a.g1");
  const g2 = await guardian(A.id, { lastName: "Петрова", firstName: "Ирина" }, [s2], "a.g2");
  await lessonWithMarks(A.id, A.workTypeId, c5, math, mathT, [[s1, 5], [s2, 3]]);
  await lessonWithMarks(A.id, A.workTypeId, c5, rus, rusT, [[s1, 4]]);
  await lessonWithMarks(A.id, A.workTypeId, c6, math, mathT, [[s3, 4]]);

  // ── School B
  const B = await school("Школа Б");
  const mathB = (await db.subject.create({ data: { schoolId: B.id, name: "Математика", shortName: "Мат" } })).id;
  const adminB = await staff(B.id, { lastName: "Главная", firstName: "Вера" }, ["ADMIN"], "b.admin");
  const teacherB = await staff(B.id, { lastName: "Учительская", firstName: "Нина" }, ["TEACHER"], "b.teacher");
  const cB = (await db.cohort.create({ data: { schoolId: B.id, yearId: B.yearId, kind: "CLASS", name: "5А", grade: 5, classTeacherId: teacherB } })).id;
  await teach(B.id, cB, mathB, teacherB);
  const sB = await student(B.id, cB, { lastName: "Сидоров", firstName: "Олег" }, "b.s");
  const gB = await guardian(B.id, { lastName: "Сидорова", firstName: "Алла" }, [sB], "b.g");
  await lessonWithMarks(B.id, B.workTypeId, cB, mathB, teacherB, [[sB, 5]]);

  async function as(login: string): Promise<Principal> {
    const u = await db.user.findUniqueOrThrow({ where: { login }, select: { id: true, sessionVersion: true } });
    const p = await loadPrincipal(u.id, u.sessionVersion);
    if (!p) throw new Error(`no principal for ${login}`);
    return p;
  }

  return {
    today,
    A: { ...A, math, rus, adminA, deputyA, mathT, rusT, c5, c6, s1, s2, s3, g1, g2 },
    B: { ...B, math: mathB, adminB, teacherB, cB, sB, gB },
    as,
  };
}

export type TwoSchools = Awaited<ReturnType<typeof buildTwoSchools>>;
