-- AlterTable
ALTER TABLE "Account" ADD COLUMN "title" TEXT;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "name" TEXT;
ALTER TABLE "Invite" ADD COLUMN "title" TEXT;

-- CreateTable
CREATE TABLE "HeldAlert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    "deliveredToId" INTEGER
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Complaint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "communeId" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "reporterId" INTEGER,
    "dossierCode" TEXT,
    "status" TEXT NOT NULL DEFAULT 'new',
    "assigneeId" INTEGER,
    "dueAt" DATETIME NOT NULL,
    "forwardDueAt" DATETIME,
    "resolution" TEXT,
    "resolvedAt" DATETIME,
    "citizenSatisfied" BOOLEAN,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "remindedAt" DATETIME,
    "escalatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leadership" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Complaint" ("anonymous", "assigneeId", "attachments", "category", "citizenSatisfied", "code", "communeId", "createdAt", "dossierCode", "dueAt", "escalatedAt", "forwardDueAt", "id", "remindedAt", "reopenCount", "reporterId", "resolution", "resolvedAt", "status", "text") SELECT "anonymous", "assigneeId", "attachments", "category", "citizenSatisfied", "code", "communeId", "createdAt", "dossierCode", "dueAt", "escalatedAt", "forwardDueAt", "id", "remindedAt", "reopenCount", "reporterId", "resolution", "resolvedAt", "status", "text" FROM "Complaint";
DROP TABLE "Complaint";
ALTER TABLE "new_Complaint" RENAME TO "Complaint";
CREATE UNIQUE INDEX "Complaint_code_key" ON "Complaint"("code");
CREATE INDEX "Complaint_communeId_status_idx" ON "Complaint"("communeId", "status");
CREATE INDEX "Complaint_reporterId_createdAt_idx" ON "Complaint"("reporterId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "HeldAlert_key_key" ON "HeldAlert"("key");

-- CreateIndex
CREATE INDEX "HeldAlert_communeId_deliveredAt_idx" ON "HeldAlert"("communeId", "deliveredAt");

