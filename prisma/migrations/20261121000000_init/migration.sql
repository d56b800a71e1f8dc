-- CreateTable
CREATE TABLE "Province" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Commune" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "deskAddress" TEXT,
    "deskPhone" TEXT,
    CONSTRAINT "Commune_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Account" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'citizen',
    "communeId" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "displayName" TEXT,
    "unreachableAt" DATETIME,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ManagerScope" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" INTEGER NOT NULL,
    "communeId" INTEGER,
    "provinceId" INTEGER,
    CONSTRAINT "ManagerScope_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "codeHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "communeIds" TEXT NOT NULL DEFAULT '[]',
    "provinceId" INTEGER,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Procedure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "documents" TEXT NOT NULL,
    "fee" TEXT NOT NULL,
    "feeByProvince" BOOLEAN NOT NULL DEFAULT false,
    "timeLimit" TEXT NOT NULL,
    "timeLimitDays" INTEGER,
    "place" TEXT NOT NULL,
    "online" TEXT NOT NULL,
    "onlineUrl" TEXT,
    "legalBasis" TEXT,
    "verify" BOOLEAN NOT NULL DEFAULT false,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "communeId" INTEGER NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "citizenName" TEXT,
    "handlerId" INTEGER,
    "receivedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "doneAt" DATETIME,
    "returnedAt" DATETIME,
    "outcome" TEXT,
    "ratingTokenHash" TEXT NOT NULL,
    "shortCodeHash" TEXT NOT NULL,
    "tokenExpiresAt" DATETIME NOT NULL,
    "tokenUsedAt" DATETIME,
    "followerId" INTEGER,
    "delayReason" TEXT,
    "newDueAt" DATETIME,
    "apologizedAt" DATETIME,
    "ratingRequestedAt" DATETIME,
    "ratingRemindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dossierId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "overall" INTEGER NOT NULL,
    "timeliness" TEXT NOT NULL,
    "attitude" INTEGER NOT NULL,
    "guidance" INTEGER NOT NULL,
    "askedExtra" BOOLEAN NOT NULL,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Rating_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Complaint" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ComplaintEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "complaintId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComplaintEvent_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedOn" TEXT,
    "province" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "maxPoints" REAL NOT NULL,
    "levels" TEXT NOT NULL,
    "floorPercent" REAL
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "setId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "group" TEXT,
    "title" TEXT NOT NULL,
    "maxPoints" REAL NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "floorPoints" REAL,
    "bonus" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Criterion_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommuneSet" (
    "communeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "setId" INTEGER NOT NULL,

    PRIMARY KEY ("communeId", "year")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "selfScore" REAL NOT NULL,
    "evidence" TEXT,
    "note" TEXT,
    "accountId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "accountId" INTEGER,
    "payload" TEXT NOT NULL,
    "dedupKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DialogueState" (
    "channel" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("channel", "userId")
);

-- CreateTable
CREATE TABLE "InboundUpdate" (
    "channel" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "body" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME,

    PRIMARY KEY ("channel", "updateId")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,

    PRIMARY KEY ("job", "period")
);

-- CreateTable
CREATE TABLE "ZaloToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "accessExpiresAt" DATETIME NOT NULL,
    "refreshedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "lastErrorAt" DATETIME
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Province_code_key" ON "Province"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Commune_code_key" ON "Commune"("code");

-- CreateIndex
CREATE INDEX "Account_communeId_role_idx" ON "Account"("communeId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Account_channel_externalId_key" ON "Account"("channel", "externalId");

-- CreateIndex
CREATE INDEX "ManagerScope_accountId_idx" ON "ManagerScope"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_codeHash_key" ON "Invite"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "Procedure_code_key" ON "Procedure"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_code_key" ON "Dossier"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_ratingTokenHash_key" ON "Dossier"("ratingTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_shortCodeHash_key" ON "Dossier"("shortCodeHash");

-- CreateIndex
CREATE INDEX "Dossier_communeId_returnedAt_idx" ON "Dossier"("communeId", "returnedAt");

-- CreateIndex
CREATE INDEX "Dossier_handlerId_status_idx" ON "Dossier"("handlerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_dossierId_key" ON "Rating"("dossierId");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_code_key" ON "Complaint"("code");

-- CreateIndex
CREATE INDEX "Complaint_communeId_status_idx" ON "Complaint"("communeId", "status");

-- CreateIndex
CREATE INDEX "Complaint_reporterId_createdAt_idx" ON "Complaint"("reporterId", "createdAt");

-- CreateIndex
CREATE INDEX "ComplaintEvent_complaintId_idx" ON "ComplaintEvent"("complaintId");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSet_key_key" ON "CriteriaSet"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_setId_code_key" ON "Criterion"("setId", "code");

-- CreateIndex
CREATE INDEX "Assignment_accountId_idx" ON "Assignment"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_communeId_criterionId_key" ON "Assignment"("communeId", "criterionId");

-- CreateIndex
CREATE INDEX "ProgressReport_communeId_criterionId_month_idx" ON "ProgressReport"("communeId", "criterionId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupKey_key" ON "OutboxMessage"("dedupKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "InboundUpdate_status_idx" ON "InboundUpdate"("status");

