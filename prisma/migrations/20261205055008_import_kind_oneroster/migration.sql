-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'ONEROSTER';
