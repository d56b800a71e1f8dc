-- AlterTable
ALTER TABLE "HeldAlert" ADD COLUMN     "excludedIds" TEXT NOT NULL DEFAULT '[]';

