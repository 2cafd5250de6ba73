-- AlterEnum
ALTER TYPE "AuditEntity" ADD VALUE 'EXAM_RESULT';
