-- AlterTable
ALTER TABLE "School" ADD COLUMN     "sharedVersion" BIGINT NOT NULL DEFAULT 0;

-- Every change of what the school's pages share (bells, holidays, grading rules, work
-- types and their weights) raises the school's sharedVersion in the same transaction:
-- a server process that kept them in memory reads them again at the next request of
-- that school (lib/school/shared.ts). Writes through Prisma, raw SQL, imports and
-- restores alike.
--
-- The new version is the clock in microseconds, or one more than the last when that is
-- later: it only grows, and it never comes back after a restore of an older backup
-- (the restored, older version is followed by one later than any a process has kept).
CREATE OR REPLACE FUNCTION school_shared_bump(school uuid) RETURNS void AS $$
  UPDATE "School"
     SET "sharedVersion" = GREATEST("sharedVersion" + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
   WHERE id = school;
$$ LANGUAGE sql;

CREATE OR REPLACE FUNCTION school_shared_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM school_shared_bump(OLD."schoolId");
  ELSE
    PERFORM school_shared_bump(NEW."schoolId");
    IF TG_OP = 'UPDATE' AND OLD."schoolId" <> NEW."schoolId" THEN
      PERFORM school_shared_bump(OLD."schoolId");
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
