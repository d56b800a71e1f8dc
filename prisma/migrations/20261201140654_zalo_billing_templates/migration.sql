-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN "citizenPhone" TEXT;
ALTER TABLE "Dossier" ADD COLUMN "phoneConsentAt" DATETIME;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "pushData" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "pushKind" TEXT;

-- CreateTable
CREATE TABLE "ZaloContact" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "messageAt" DATETIME NOT NULL,
    "freeUsed" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ZaloUsage" (
    "month" TEXT NOT NULL PRIMARY KEY,
    "freeReplies" INTEGER NOT NULL DEFAULT 0,
    "paidMessages" INTEGER NOT NULL DEFAULT 0,
    "templateMessages" INTEGER NOT NULL DEFAULT 0
);

