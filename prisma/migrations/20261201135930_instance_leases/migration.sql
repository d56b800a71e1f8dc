-- AlterTable
ALTER TABLE "JobRun" ADD COLUMN "holder" TEXT;
ALTER TABLE "JobRun" ADD COLUMN "leaseUntil" DATETIME;

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

