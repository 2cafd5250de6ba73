-- CreateIndex
CREATE INDEX "Mark_schoolId_updatedAt_idx" ON "Mark"("schoolId", "updatedAt");
