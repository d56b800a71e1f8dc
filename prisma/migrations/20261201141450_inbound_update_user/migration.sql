-- AlterTable
ALTER TABLE "InboundUpdate" ADD COLUMN "userId" TEXT;

