-- CreateEnum
CREATE TYPE "MembershipEnd" AS ENUM ('MOVED', 'PROMOTED', 'REPEATED', 'LEFT', 'GRADUATED');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('EMAIL', 'SMS', 'PUSH');

-- CreateEnum
CREATE TYPE "ContactSource" AS ENUM ('WRITTEN_APPLICATION', 'SELF_SERVICE', 'ELECTRONIC_DOCUMENT');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('STUDENTS', 'GUARDIANS', 'STAFF', 'COHORTS', 'TIMETABLE');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('APPLIED', 'REJECTED');

-- AlterTable
ALTER TABLE "AcademicYear" ADD COLUMN     "closedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "previousId" UUID;

-- AlterTable
ALTER TABLE "CohortMembership" ADD COLUMN     "endReason" "MembershipEnd";

-- AlterTable
ALTER TABLE "GradingPolicy" ADD COLUMN     "maxAssessmentShare" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "maxAssessmentsPerDay" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "minAssessmentGapDays" DECIMAL(4,1) NOT NULL DEFAULT 17.5;

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "workTypeId" UUID;

-- AlterTable
ALTER TABLE "Staff" ADD COLUMN     "personnelNumber" TEXT;

-- CreateTable
CREATE TABLE "Contact" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "guardianId" UUID NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "value" TEXT NOT NULL,
    "source" "ContactSource" NOT NULL,
    "applicationNumber" TEXT,
    "applicationDate" DATE,
    "enteredById" UUID,
    "confirmedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "actorUserId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE INDEX "Contact_schoolId_guardianId_channel_idx" ON "Contact"("schoolId", "guardianId", "channel");

-- CreateIndex
CREATE INDEX "ImportRun_schoolId_at_idx" ON "ImportRun"("schoolId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_schoolId_personnelNumber_key" ON "Staff"("schoolId", "personnelNumber");

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_schoolId_previousId_fkey" FOREIGN KEY ("schoolId", "previousId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_schoolId_workTypeId_fkey" FOREIGN KEY ("schoolId", "workTypeId") REFERENCES "WorkType"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_schoolId_guardianId_fkey" FOREIGN KEY ("schoolId", "guardianId") REFERENCES "Guardian"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_schoolId_enteredById_fkey" FOREIGN KEY ("schoolId", "enteredById") REFERENCES "Staff"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit history is append-only: nothing may change or remove a recorded event,
-- whatever the application does (DOMAIN.md: every change kept, nothing deleted).
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
