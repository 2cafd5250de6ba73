-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "materials" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "highContrast" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "largePrint" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "plainLanguage" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "HomeworkFile" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "homeworkId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HomeworkFile_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ThematicTopic" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "hours" INTEGER NOT NULL DEFAULT 1,
    "lessonType" "LessonType" NOT NULL DEFAULT 'LESSON',

    CONSTRAINT "ThematicTopic_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE INDEX "HomeworkFile_schoolId_homeworkId_idx" ON "HomeworkFile"("schoolId", "homeworkId");

-- CreateIndex
CREATE UNIQUE INDEX "ThematicTopic_schoolId_cohortId_subjectId_position_key" ON "ThematicTopic"("schoolId", "cohortId", "subjectId", "position");

-- AddForeignKey
ALTER TABLE "HomeworkFile" ADD CONSTRAINT "HomeworkFile_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkFile" ADD CONSTRAINT "HomeworkFile_schoolId_homeworkId_fkey" FOREIGN KEY ("schoolId", "homeworkId") REFERENCES "Homework"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThematicTopic" ADD CONSTRAINT "ThematicTopic_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThematicTopic" ADD CONSTRAINT "ThematicTopic_schoolId_cohortId_fkey" FOREIGN KEY ("schoolId", "cohortId") REFERENCES "Cohort"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThematicTopic" ADD CONSTRAINT "ThematicTopic_schoolId_subjectId_fkey" FOREIGN KEY ("schoolId", "subjectId") REFERENCES "Subject"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
