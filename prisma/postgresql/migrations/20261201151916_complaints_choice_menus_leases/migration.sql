-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "title" TEXT;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "name" TEXT,
ADD COLUMN     "title" TEXT;

-- AlterTable
ALTER TABLE "Complaint" ADD COLUMN     "leadership" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "InboundUpdate" ADD COLUMN     "userId" TEXT;

-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN     "holder" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "HeldAlert" (
    "id" SERIAL NOT NULL,
    "communeId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "deliveredToId" INTEGER,

    CONSTRAINT "HeldAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChoiceMenu" (
    "channel" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "payloads" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChoiceMenu_pkey" PRIMARY KEY ("channel","userId")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "HeldAlert_key_key" ON "HeldAlert"("key");

-- CreateIndex
CREATE INDEX "HeldAlert_communeId_deliveredAt_idx" ON "HeldAlert"("communeId", "deliveredAt");

