-- AlterTable
ALTER TABLE "Account" ADD COLUMN "homeCommuneId" INTEGER;

