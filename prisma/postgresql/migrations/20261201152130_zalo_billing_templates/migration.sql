-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "citizenPhone" TEXT,
ADD COLUMN     "phoneConsentAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "pushData" TEXT,
ADD COLUMN     "pushKind" TEXT;

-- CreateTable
CREATE TABLE "ZaloContact" (
    "userId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "messageAt" TIMESTAMPTZ(3) NOT NULL,
    "freeUsed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ZaloContact_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ZaloUsage" (
    "month" TEXT NOT NULL,
    "freeReplies" INTEGER NOT NULL DEFAULT 0,
    "paidMessages" INTEGER NOT NULL DEFAULT 0,
    "templateMessages" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ZaloUsage_pkey" PRIMARY KEY ("month")
);

