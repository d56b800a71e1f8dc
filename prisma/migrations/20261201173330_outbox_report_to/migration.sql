-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "reportToId" INTEGER;

