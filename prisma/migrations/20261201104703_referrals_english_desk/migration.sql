-- AlterTable
ALTER TABLE "Commune" ADD COLUMN "deskHours" TEXT;
ALTER TABLE "Commune" ADD COLUMN "deskOnlineUrl" TEXT;

-- CreateTable
CREATE TABLE "Referral" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "where" TEXT NOT NULL,
    "bring" TEXT NOT NULL DEFAULT '[]',
    "online" TEXT NOT NULL,
    "onlineUrl" TEXT,
    "note" TEXT,
    "source" TEXT,
    "verify" BOOLEAN NOT NULL DEFAULT false,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "aliasesEn" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL
);

-- AlterTable (columns appended, so a plain ADD COLUMN works on SQLite and PostgreSQL)
ALTER TABLE "Procedure" ADD COLUMN "nameEn" TEXT;
ALTER TABLE "Procedure" ADD COLUMN "aliasesEn" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Procedure" ADD COLUMN "source" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Referral_code_key" ON "Referral"("code");

