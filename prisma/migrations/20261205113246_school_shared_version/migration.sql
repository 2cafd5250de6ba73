-- AlterTable
ALTER TABLE "School" ADD COLUMN     "sharedVersion" INTEGER NOT NULL DEFAULT 0;

-- Every change of what the school's pages share (bells, holidays, grading rules, work
-- types and their weights) raises the school's sharedVersion in the same transaction:
-- a server process that kept them in memory reads them again at the next request of
-- that school (lib/school/shared.ts). Writes through Prisma, raw SQL, imports and
-- restores alike.
CREATE OR REPLACE FUNCTION school_shared_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "School" SET "sharedVersion" = "sharedVersion" + 1 WHERE id = OLD."schoolId";
  ELSE
    UPDATE "School" SET "sharedVersion" = "sharedVersion" + 1 WHERE id = NEW."schoolId";
    IF TG_OP = 'UPDATE' AND OLD."schoolId" <> NEW."schoolId" THEN
      UPDATE "School" SET "sharedVersion" = "sharedVersion" + 1 WHERE id = OLD."schoolId";
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "BellSchedule_shared" AFTER INSERT OR UPDATE OR DELETE ON "BellSchedule" FOR EACH ROW EXECUTE FUNCTION school_shared_changed();
CREATE TRIGGER "BellSlot_shared" AFTER INSERT OR UPDATE OR DELETE ON "BellSlot" FOR EACH ROW EXECUTE FUNCTION school_shared_changed();
CREATE TRIGGER "Holiday_shared" AFTER INSERT OR UPDATE OR DELETE ON "Holiday" FOR EACH ROW EXECUTE FUNCTION school_shared_changed();
CREATE TRIGGER "GradingPolicy_shared" AFTER INSERT OR UPDATE OR DELETE ON "GradingPolicy" FOR EACH ROW EXECUTE FUNCTION school_shared_changed();
CREATE TRIGGER "WorkType_shared" AFTER INSERT OR UPDATE OR DELETE ON "WorkType" FOR EACH ROW EXECUTE FUNCTION school_shared_changed();
CREATE TRIGGER "WorkTypeWeight_shared" AFTER INSERT OR UPDATE OR DELETE ON "WorkTypeWeight" FOR EACH ROW EXECUTE FUNCTION school_shared_changed();
