-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HeldAlert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    "deliveredToId" INTEGER,
    "excludedIds" TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO "new_HeldAlert" ("communeId", "createdAt", "deliveredAt", "deliveredToId", "id", "key", "payload") SELECT "communeId", "createdAt", "deliveredAt", "deliveredToId", "id", "key", "payload" FROM "HeldAlert";
DROP TABLE "HeldAlert";
ALTER TABLE "new_HeldAlert" RENAME TO "HeldAlert";
CREATE UNIQUE INDEX "HeldAlert_key_key" ON "HeldAlert"("key");
CREATE INDEX "HeldAlert_communeId_deliveredAt_idx" ON "HeldAlert"("communeId", "deliveredAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

