-- CreateTable
CREATE TABLE "ChoiceMenu" (
    "channel" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "payloads" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("channel", "userId")
);

