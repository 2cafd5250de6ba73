-- CreateEnum
CREATE TYPE "ExamKind" AS ENUM ('OGE', 'GVE', 'VOCATIONAL');

-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'EXAM_RESULTS';

-- CreateTable
CREATE TABLE "ExamScale" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "kind" "ExamKind" NOT NULL,
    "subjectId" UUID NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "min3" INTEGER NOT NULL,
    "min4" INTEGER NOT NULL,
    "min5" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamScale_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ExamResult" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "kind" "ExamKind" NOT NULL,
    "examDate" DATE NOT NULL,
    "primaryScore" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "mark" INTEGER NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "importRunId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamResult_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ExtractPrint" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "cohortId" UUID,
    "periodId" UUID,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "largePrint" BOOLEAN NOT NULL DEFAULT false,
    "batchId" UUID,
    "printedById" UUID NOT NULL,
    "printedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtractPrint_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExamScale_schoolId_yearId_kind_subjectId_key" ON "ExamScale"("schoolId", "yearId", "kind", "subjectId");

-- CreateIndex
CREATE INDEX "ExamResult_schoolId_yearId_receivedAt_idx" ON "ExamResult"("schoolId", "yearId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExamResult_schoolId_studentId_subjectId_kind_examDate_key" ON "ExamResult"("schoolId", "studentId", "subjectId", "kind", "examDate");

-- CreateIndex
CREATE INDEX "ExtractPrint_schoolId_studentId_printedAt_idx" ON "ExtractPrint"("schoolId", "studentId", "printedAt");

-- CreateIndex
CREATE INDEX "ExtractPrint_schoolId_printedAt_idx" ON "ExtractPrint"("schoolId", "printedAt");

-- AddForeignKey
ALTER TABLE "ExamScale" ADD CONSTRAINT "ExamScale_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamScale" ADD CONSTRAINT "ExamScale_schoolId_yearId_fkey" FOREIGN KEY ("schoolId", "yearId") REFERENCES "AcademicYear"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamScale" ADD CONSTRAINT "ExamScale_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_schoolId_yearId_fkey" FOREIGN KEY ("schoolId", "yearId") REFERENCES "AcademicYear"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractPrint" ADD CONSTRAINT "ExtractPrint_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtractPrint" ADD CONSTRAINT "ExtractPrint_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
