-- CreateTable
CREATE TABLE "WorkTypeWeight" (
    "schoolId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "workTypeId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "weight" DECIMAL(4,2) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkTypeWeight_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkTypeWeight_schoolId_workTypeId_validFrom_key" ON "WorkTypeWeight"("schoolId", "workTypeId", "validFrom");

-- AddForeignKey
ALTER TABLE "WorkTypeWeight" ADD CONSTRAINT "WorkTypeWeight_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkTypeWeight" ADD CONSTRAINT "WorkTypeWeight_schoolId_workTypeId_fkey" FOREIGN KEY ("schoolId", "workTypeId") REFERENCES "WorkType"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
