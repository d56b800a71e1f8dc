-- CreateTable
CREATE TABLE "Province" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commune" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "deskAddress" TEXT,
    "deskPhone" TEXT,
    "deskHours" TEXT,
    "deskOnlineUrl" TEXT,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'citizen',
    "communeId" INTEGER,
    "homeCommuneId" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "displayName" TEXT,
    "unreachableAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManagerScope" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "communeId" INTEGER,
    "provinceId" INTEGER,

    CONSTRAINT "ManagerScope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" SERIAL NOT NULL,
    "codeHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "communeIds" TEXT NOT NULL DEFAULT '[]',
    "provinceId" INTEGER,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "usedById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Procedure" (
    "id" SERIAL NOT NULL,
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
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "nameEn" TEXT,
    "aliasesEn" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT,

    CONSTRAINT "Procedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" SERIAL NOT NULL,
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
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "communeId" INTEGER NOT NULL,
    "procedureId" INTEGER NOT NULL,
    "citizenName" TEXT,
    "handlerId" INTEGER,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "doneAt" TIMESTAMPTZ(3),
    "returnedAt" TIMESTAMPTZ(3),
    "outcome" TEXT,
    "ratingTokenHash" TEXT NOT NULL,
    "shortCodeHash" TEXT NOT NULL,
    "tokenExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "tokenUsedAt" TIMESTAMPTZ(3),
    "followerId" INTEGER,
    "delayReason" TEXT,
    "newDueAt" TIMESTAMPTZ(3),
    "apologizedAt" TIMESTAMPTZ(3),
    "ratingRequestedAt" TIMESTAMPTZ(3),
    "ratingRemindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" SERIAL NOT NULL,
    "dossierId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "questionnaire" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "askedExtra" BOOLEAN NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Questionnaire" (
    "key" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Questionnaire_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" SERIAL NOT NULL,
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
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "forwardDueAt" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),
    "citizenSatisfied" BOOLEAN,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "remindedAt" TIMESTAMPTZ(3),
    "escalatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintEvent" (
    "id" SERIAL NOT NULL,
    "complaintId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedOn" TEXT,
    "province" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "maxPoints" DOUBLE PRECISION NOT NULL,
    "levels" TEXT NOT NULL,
    "floorPercent" DOUBLE PRECISION,

    CONSTRAINT "CriteriaSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" SERIAL NOT NULL,
    "setId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "group" TEXT,
    "title" TEXT NOT NULL,
    "maxPoints" DOUBLE PRECISION NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "floorPoints" DOUBLE PRECISION,
    "bonus" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommuneSet" (
    "communeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "setId" INTEGER NOT NULL,

    CONSTRAINT "CommuneSet_pkey" PRIMARY KEY ("communeId","year")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" SERIAL NOT NULL,
    "communeId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" SERIAL NOT NULL,
    "communeId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "selfScore" DOUBLE PRECISION NOT NULL,
    "evidence" TEXT,
    "note" TEXT,
    "accountId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "accountId" INTEGER,
    "payload" TEXT NOT NULL,
    "dedupKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueState" (
    "channel" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DialogueState_pkey" PRIMARY KEY ("channel","userId")
);

-- CreateTable
CREATE TABLE "InboundUpdate" (
    "channel" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "body" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "InboundUpdate_pkey" PRIMARY KEY ("channel","updateId")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("job","period")
);

-- CreateTable
CREATE TABLE "ZaloToken" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "accessExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "ZaloToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "Referral_code_key" ON "Referral"("code");

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

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagerScope" ADD CONSTRAINT "ManagerScope_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintEvent" ADD CONSTRAINT "ComplaintEvent_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

