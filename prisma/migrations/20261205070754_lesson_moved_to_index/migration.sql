-- CreateIndex
CREATE INDEX "Lesson_schoolId_movedToId_idx" ON "Lesson"("schoolId", "movedToId");
