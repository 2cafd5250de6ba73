-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('QUARTER', 'TRIMESTER', 'SEMESTER', 'YEAR');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('HOLIDAY', 'NON_WORKING_DAY');

-- CreateEnum
CREATE TYPE "SubjectKind" AS ENUM ('SUBJECT', 'COURSE', 'CORRECTION', 'VOCATIONAL');

-- CreateEnum
CREATE TYPE "ProgramLevel" AS ENUM ('NOO', 'OOO', 'SOO', 'VOCATIONAL');

-- CreateEnum
CREATE TYPE "AdaptedVariant" AS ENUM ('NONE', 'AOOP', 'FAOOP_UO_1', 'FAOOP_UO_2');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "GuardianRelation" AS ENUM ('MOTHER', 'FATHER', 'GUARDIAN', 'TRUSTEE', 'OTHER');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'TEACHER');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'TEACHER', 'GUARDIAN', 'STUDENT');

-- CreateEnum
CREATE TYPE "CohortKind" AS ENUM ('CLASS', 'GROUP', 'STREAM', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "MarkScale" AS ENUM ('FIVE_POINT', 'PASS_FAIL', 'DESCRIPTIVE', 'NONE');

-- CreateEnum
CREATE TYPE "LessonType" AS ENUM ('LESSON', 'TEST', 'QUIZ', 'INDEPENDENT', 'LAB', 'PRACTICAL', 'CREDIT', 'EXCURSION', 'CORRECTION', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "LessonStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED', 'MOVED');

-- CreateEnum
CREATE TYPE "MarkKind" AS ENUM ('NUMERIC', 'PASS', 'FAIL', 'NOT_ATTESTED', 'EXEMPT', 'DESCRIPTIVE');

-- CreateEnum
CREATE TYPE "AttendanceCode" AS ENUM ('ABSENT', 'ILL', 'EXCUSED', 'LATE');

-- CreateEnum
CREATE TYPE "FinalMarkKind" AS ENUM ('PERIOD', 'YEAR', 'EXAM', 'FINAL');

-- CreateEnum
CREATE TYPE "AuditEntity" AS ENUM ('MARK', 'FINAL_MARK', 'ATTENDANCE', 'PERIOD');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('CREATE', 'UPDATE', 'REMOVE', 'RESTORE', 'CLOSE', 'REOPEN');

-- CreateTable
CREATE TABLE "School" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Yekaterinburg',
    "region" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AcademicYear" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,

    CONSTRAINT "AcademicYear_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Period" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "kind" "PeriodKind" NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "gradeFrom" INTEGER NOT NULL DEFAULT 1,
    "gradeTo" INTEGER NOT NULL DEFAULT 11,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Period_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "kind" "HolidayKind" NOT NULL DEFAULT 'HOLIDAY',
    "name" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "gradeFrom" INTEGER NOT NULL DEFAULT 1,
    "gradeTo" INTEGER NOT NULL DEFAULT 11,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "BellSchedule" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "BellSchedule_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "BellSlot" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "startsAt" TEXT NOT NULL,
    "endsAt" TEXT NOT NULL,

    CONSTRAINT "BellSlot_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Subject" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" "SubjectKind" NOT NULL DEFAULT 'SUBJECT',

    CONSTRAINT "Subject_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Program" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "level" "ProgramLevel" NOT NULL,
    "variant" "AdaptedVariant" NOT NULL DEFAULT 'NONE',
    "name" TEXT NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Student" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "birthDate" DATE NOT NULL,
    "gender" "Gender" NOT NULL,
    "recordNumber" TEXT NOT NULL,
    "homeSchooling" BOOLEAN NOT NULL DEFAULT false,
    "individualPlan" BOOLEAN NOT NULL DEFAULT false,
    "leftAt" DATE,

    CONSTRAINT "Student_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ProgramEnrolment" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,

    CONSTRAINT "ProgramEnrolment_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Guardian" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "address" TEXT,

    CONSTRAINT "Guardian_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Guardianship" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "guardianId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "relation" "GuardianRelation" NOT NULL,
    "startDate" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endDate" DATE,

    CONSTRAINT "Guardianship_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Staff" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "position" TEXT NOT NULL,
    "roles" "StaffRole"[],
    "leftAt" DATE,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "login" TEXT NOT NULL,
    "passwordHash" TEXT,
    "kind" "UserRole" NOT NULL,
    "staffId" UUID,
    "guardianId" UUID,
    "studentId" UUID,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "disabledAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "locale" TEXT NOT NULL DEFAULT 'ru',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "guardianId" UUID,
    "studentId" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Cohort" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "kind" "CohortKind" NOT NULL,
    "name" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "parentId" UUID,
    "classTeacherId" UUID,

    CONSTRAINT "Cohort_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "CohortMembership" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,

    CONSTRAINT "CohortMembership_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "CurriculumItem" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "hoursPerWeek" DECIMAL(4,1),
    "hoursPerYear" INTEGER,
    "scale" "MarkScale" NOT NULL DEFAULT 'FIVE_POINT',
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "CurriculumItem_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "CurriculumTeacher" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "curriculumItemId" UUID NOT NULL,
    "staffId" UUID NOT NULL,

    CONSTRAINT "CurriculumTeacher_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "WorkType" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DECIMAL(4,2) NOT NULL,
    "isAssessment" BOOLEAN NOT NULL DEFAULT false,
    "archived" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "WorkType_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "GradingPolicy" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "threshold3" DECIMAL(4,2) NOT NULL,
    "threshold4" DECIMAL(4,2) NOT NULL,
    "threshold5" DECIMAL(4,2) NOT NULL,
    "minMarks" INTEGER NOT NULL DEFAULT 3,
    "maxAbsenceShare" DECIMAL(3,2) NOT NULL DEFAULT 0.5,

    CONSTRAINT "GradingPolicy_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "TimetableSlot" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "room" TEXT,
    "weekday" INTEGER NOT NULL,
    "lessonNumber" INTEGER NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "TimetableSlot_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Lesson" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "timetableSlotId" UUID,
    "date" DATE NOT NULL,
    "lessonNumber" INTEGER NOT NULL,
    "room" TEXT,
    "topic" TEXT,
    "lessonType" "LessonType" NOT NULL DEFAULT 'LESSON',
    "status" "LessonStatus" NOT NULL DEFAULT 'PLANNED',
    "movedToId" UUID,
    "statusReason" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Lesson_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Substitution" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "originalTeacherId" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "subjectId" UUID,
    "room" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Substitution_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "AssessmentEvent" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "workTypeId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "AssessmentEvent_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Mark" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "part" INTEGER NOT NULL DEFAULT 1,
    "workTypeId" UUID NOT NULL,
    "kind" "MarkKind" NOT NULL,
    "value" INTEGER,
    "text" TEXT,
    "comment" TEXT,
    "authorId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "removedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Mark_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "code" "AttendanceCode" NOT NULL,
    "minutesLate" INTEGER,
    "authorId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "removedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Homework" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "lessonId" UUID,
    "cohortId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "studentId" UUID,
    "text" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Homework_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "subjectId" UUID,
    "authorId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "FinalMark" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "kind" "FinalMarkKind" NOT NULL,
    "markKind" "MarkKind" NOT NULL,
    "value" INTEGER,
    "text" TEXT,
    "suggestedKind" "MarkKind",
    "suggestedValue" INTEGER,
    "overrideReason" TEXT,
    "confirmedById" UUID NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FinalMark_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "entity" "AuditEntity" NOT NULL,
    "entityId" UUID NOT NULL,
    "studentId" UUID,
    "action" "AuditAction" NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "reason" TEXT,
    "actorUserId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE INDEX "AcademicYear_schoolId_startDate_idx" ON "AcademicYear"("schoolId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "AcademicYear_schoolId_name_key" ON "AcademicYear"("schoolId", "name");

-- CreateIndex
CREATE INDEX "Period_schoolId_yearId_startDate_idx" ON "Period"("schoolId", "yearId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "Period_schoolId_yearId_kind_number_gradeFrom_key" ON "Period"("schoolId", "yearId", "kind", "number", "gradeFrom");

-- CreateIndex
CREATE INDEX "Holiday_schoolId_yearId_startDate_idx" ON "Holiday"("schoolId", "yearId", "startDate");

-- CreateIndex
CREATE INDEX "BellSchedule_schoolId_validFrom_idx" ON "BellSchedule"("schoolId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "BellSlot_schoolId_scheduleId_number_key" ON "BellSlot"("schoolId", "scheduleId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Subject_schoolId_name_key" ON "Subject"("schoolId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Program_schoolId_name_key" ON "Program"("schoolId", "name");

-- CreateIndex
CREATE INDEX "Student_schoolId_lastName_firstName_idx" ON "Student"("schoolId", "lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "Student_schoolId_recordNumber_key" ON "Student"("schoolId", "recordNumber");

-- CreateIndex
CREATE INDEX "ProgramEnrolment_schoolId_studentId_startDate_idx" ON "ProgramEnrolment"("schoolId", "studentId", "startDate");

-- CreateIndex
CREATE INDEX "Guardian_schoolId_lastName_firstName_idx" ON "Guardian"("schoolId", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "Guardianship_schoolId_studentId_idx" ON "Guardianship"("schoolId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "Guardianship_schoolId_guardianId_studentId_key" ON "Guardianship"("schoolId", "guardianId", "studentId");

-- CreateIndex
CREATE INDEX "Staff_schoolId_lastName_firstName_idx" ON "Staff"("schoolId", "lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "User_login_key" ON "User"("login");

-- CreateIndex
CREATE INDEX "User_schoolId_kind_idx" ON "User"("schoolId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "User_schoolId_staffId_key" ON "User"("schoolId", "staffId");

-- CreateIndex
CREATE UNIQUE INDEX "User_schoolId_guardianId_key" ON "User"("schoolId", "guardianId");

-- CreateIndex
CREATE UNIQUE INDEX "User_schoolId_studentId_key" ON "User"("schoolId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_codeHash_key" ON "Invitation"("codeHash");

-- CreateIndex
CREATE INDEX "Invitation_schoolId_guardianId_idx" ON "Invitation"("schoolId", "guardianId");

-- CreateIndex
CREATE INDEX "Invitation_schoolId_studentId_idx" ON "Invitation"("schoolId", "studentId");

-- CreateIndex
CREATE INDEX "Cohort_schoolId_classTeacherId_idx" ON "Cohort"("schoolId", "classTeacherId");

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_schoolId_yearId_name_key" ON "Cohort"("schoolId", "yearId", "name");

-- CreateIndex
CREATE INDEX "CohortMembership_schoolId_cohortId_startDate_idx" ON "CohortMembership"("schoolId", "cohortId", "startDate");

-- CreateIndex
CREATE INDEX "CohortMembership_schoolId_studentId_startDate_idx" ON "CohortMembership"("schoolId", "studentId", "startDate");

-- CreateIndex
CREATE INDEX "CurriculumItem_schoolId_subjectId_idx" ON "CurriculumItem"("schoolId", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "CurriculumItem_schoolId_cohortId_subjectId_validFrom_key" ON "CurriculumItem"("schoolId", "cohortId", "subjectId", "validFrom");

-- CreateIndex
CREATE INDEX "CurriculumTeacher_schoolId_staffId_idx" ON "CurriculumTeacher"("schoolId", "staffId");

-- CreateIndex
CREATE UNIQUE INDEX "CurriculumTeacher_schoolId_curriculumItemId_staffId_key" ON "CurriculumTeacher"("schoolId", "curriculumItemId", "staffId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkType_schoolId_code_key" ON "WorkType"("schoolId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "GradingPolicy_schoolId_validFrom_key" ON "GradingPolicy"("schoolId", "validFrom");

-- CreateIndex
CREATE INDEX "TimetableSlot_schoolId_cohortId_weekday_idx" ON "TimetableSlot"("schoolId", "cohortId", "weekday");

-- CreateIndex
CREATE INDEX "TimetableSlot_schoolId_teacherId_weekday_idx" ON "TimetableSlot"("schoolId", "teacherId", "weekday");

-- CreateIndex
CREATE INDEX "Lesson_schoolId_cohortId_subjectId_date_idx" ON "Lesson"("schoolId", "cohortId", "subjectId", "date");

-- CreateIndex
CREATE INDEX "Lesson_schoolId_teacherId_date_idx" ON "Lesson"("schoolId", "teacherId", "date");

-- CreateIndex
CREATE INDEX "Lesson_schoolId_date_idx" ON "Lesson"("schoolId", "date");

-- CreateIndex
CREATE INDEX "Substitution_schoolId_lessonId_idx" ON "Substitution"("schoolId", "lessonId");

-- CreateIndex
CREATE INDEX "AssessmentEvent_schoolId_cohortId_date_idx" ON "AssessmentEvent"("schoolId", "cohortId", "date");

-- CreateIndex
CREATE INDEX "Mark_schoolId_studentId_subjectId_date_idx" ON "Mark"("schoolId", "studentId", "subjectId", "date");

-- CreateIndex
CREATE INDEX "Mark_schoolId_cohortId_subjectId_date_idx" ON "Mark"("schoolId", "cohortId", "subjectId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Mark_schoolId_lessonId_studentId_part_key" ON "Mark"("schoolId", "lessonId", "studentId", "part");

-- CreateIndex
CREATE INDEX "Attendance_schoolId_studentId_date_idx" ON "Attendance"("schoolId", "studentId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_schoolId_lessonId_studentId_key" ON "Attendance"("schoolId", "lessonId", "studentId");

-- CreateIndex
CREATE INDEX "Homework_schoolId_cohortId_dueDate_idx" ON "Homework"("schoolId", "cohortId", "dueDate");

-- CreateIndex
CREATE INDEX "Homework_schoolId_studentId_dueDate_idx" ON "Homework"("schoolId", "studentId", "dueDate");

-- CreateIndex
CREATE INDEX "Recommendation_schoolId_studentId_date_idx" ON "Recommendation"("schoolId", "studentId", "date");

-- CreateIndex
CREATE INDEX "FinalMark_schoolId_cohortId_subjectId_periodId_idx" ON "FinalMark"("schoolId", "cohortId", "subjectId", "periodId");

-- CreateIndex
CREATE UNIQUE INDEX "FinalMark_schoolId_studentId_subjectId_periodId_kind_key" ON "FinalMark"("schoolId", "studentId", "subjectId", "periodId", "kind");

-- CreateIndex
CREATE INDEX "AuditEvent_schoolId_entity_entityId_at_idx" ON "AuditEvent"("schoolId", "entity", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_schoolId_studentId_at_idx" ON "AuditEvent"("schoolId", "studentId", "at");

-- AddForeignKey
ALTER TABLE "AcademicYear" ADD CONSTRAINT "AcademicYear_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Period" ADD CONSTRAINT "Period_schoolId_yearId_fkey" FOREIGN KEY ("schoolId", "yearId") REFERENCES "AcademicYear"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_schoolId_yearId_fkey" FOREIGN KEY ("schoolId", "yearId") REFERENCES "AcademicYear"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BellSchedule" ADD CONSTRAINT "BellSchedule_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BellSlot" ADD CONSTRAINT "BellSlot_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BellSlot" ADD CONSTRAINT "BellSlot_schoolId_scheduleId_fkey" FOREIGN KEY ("schoolId", "scheduleId") REFERENCES "BellSchedule"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subject" ADD CONSTRAINT "Subject_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramEnrolment" ADD CONSTRAINT "ProgramEnrolment_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramEnrolment" ADD CONSTRAINT "ProgramEnrolment_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramEnrolment" ADD CONSTRAINT "ProgramEnrolment_schoolId_programId_fkey" FOREIGN KEY ("schoolId", "programId") REFERENCES "Program"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guardian" ADD CONSTRAINT "Guardian_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guardianship" ADD CONSTRAINT "Guardianship_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guardianship" ADD CONSTRAINT "Guardianship_schoolId_guardianId_fkey" FOREIGN KEY ("schoolId", "guardianId") REFERENCES "Guardian"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guardianship" ADD CONSTRAINT "Guardianship_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_schoolId_staffId_fkey" FOREIGN KEY ("schoolId", "staffId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_schoolId_guardianId_fkey" FOREIGN KEY ("schoolId", "guardianId") REFERENCES "Guardian"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_schoolId_guardianId_fkey" FOREIGN KEY ("schoolId", "guardianId") REFERENCES "Guardian"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_schoolId_yearId_fkey" FOREIGN KEY ("schoolId", "yearId") REFERENCES "AcademicYear"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_schoolId_parentId_fkey" FOREIGN KEY ("schoolId", "parentId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_schoolId_classTeacherId_fkey" FOREIGN KEY ("schoolId", "classTeacherId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMembership" ADD CONSTRAINT "CohortMembership_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMembership" ADD CONSTRAINT "CohortMembership_schoolId_cohortId_fkey" FOREIGN KEY ("schoolId", "cohortId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortMembership" ADD CONSTRAINT "CohortMembership_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumItem" ADD CONSTRAINT "CurriculumItem_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumItem" ADD CONSTRAINT "CurriculumItem_schoolId_cohortId_fkey" FOREIGN KEY ("schoolId", "cohortId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumItem" ADD CONSTRAINT "CurriculumItem_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumTeacher" ADD CONSTRAINT "CurriculumTeacher_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumTeacher" ADD CONSTRAINT "CurriculumTeacher_schoolId_curriculumItemId_fkey" FOREIGN KEY ("schoolId", "curriculumItemId") REFERENCES "CurriculumItem"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurriculumTeacher" ADD CONSTRAINT "CurriculumTeacher_schoolId_staffId_fkey" FOREIGN KEY ("schoolId", "staffId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkType" ADD CONSTRAINT "WorkType_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradingPolicy" ADD CONSTRAINT "GradingPolicy_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableSlot" ADD CONSTRAINT "TimetableSlot_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableSlot" ADD CONSTRAINT "TimetableSlot_schoolId_cohortId_fkey" FOREIGN KEY ("schoolId", "cohortId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableSlot" ADD CONSTRAINT "TimetableSlot_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimetableSlot" ADD CONSTRAINT "TimetableSlot_schoolId_teacherId_fkey" FOREIGN KEY ("schoolId", "teacherId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_schoolId_cohortId_fkey" FOREIGN KEY ("schoolId", "cohortId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_schoolId_teacherId_fkey" FOREIGN KEY ("schoolId", "teacherId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_schoolId_timetableSlotId_fkey" FOREIGN KEY ("schoolId", "timetableSlotId") REFERENCES "TimetableSlot"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_schoolId_movedToId_fkey" FOREIGN KEY ("schoolId", "movedToId") REFERENCES "Lesson"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_schoolId_lessonId_fkey" FOREIGN KEY ("schoolId", "lessonId") REFERENCES "Lesson"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_schoolId_originalTeacherId_fkey" FOREIGN KEY ("schoolId", "originalTeacherId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_schoolId_teacherId_fkey" FOREIGN KEY ("schoolId", "teacherId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Substitution" ADD CONSTRAINT "Substitution_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvent" ADD CONSTRAINT "AssessmentEvent_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvent" ADD CONSTRAINT "AssessmentEvent_schoolId_cohortId_fkey" FOREIGN KEY ("schoolId", "cohortId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvent" ADD CONSTRAINT "AssessmentEvent_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvent" ADD CONSTRAINT "AssessmentEvent_schoolId_workTypeId_fkey" FOREIGN KEY ("schoolId", "workTypeId") REFERENCES "WorkType"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_schoolId_lessonId_fkey" FOREIGN KEY ("schoolId", "lessonId") REFERENCES "Lesson"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_schoolId_cohortId_fkey" FOREIGN KEY ("schoolId", "cohortId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_schoolId_workTypeId_fkey" FOREIGN KEY ("schoolId", "workTypeId") REFERENCES "WorkType"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_schoolId_authorId_fkey" FOREIGN KEY ("schoolId", "authorId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_schoolId_lessonId_fkey" FOREIGN KEY ("schoolId", "lessonId") REFERENCES "Lesson"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_schoolId_authorId_fkey" FOREIGN KEY ("schoolId", "authorId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_schoolId_lessonId_fkey" FOREIGN KEY ("schoolId", "lessonId") REFERENCES "Lesson"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_schoolId_cohortId_fkey" FOREIGN KEY ("schoolId", "cohortId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_schoolId_authorId_fkey" FOREIGN KEY ("schoolId", "authorId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_schoolId_authorId_fkey" FOREIGN KEY ("schoolId", "authorId") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_schoolId_cohortId_fkey" FOREIGN KEY ("schoolId", "cohortId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_schoolId_periodId_fkey" FOREIGN KEY ("schoolId", "periodId") REFERENCES "Period"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalMark" ADD CONSTRAINT "FinalMark_schoolId_confirmedById_fkey" FOREIGN KEY ("schoolId", "confirmedById") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
