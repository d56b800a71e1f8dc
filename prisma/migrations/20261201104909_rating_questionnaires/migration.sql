-- CreateTable
CREATE TABLE "Questionnaire" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "definition" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Rating" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dossierId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "questionnaire" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "askedExtra" BOOLEAN NOT NULL,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Rating_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Ratings given before are answers to the former 4-level questionnaire (mot-cua-4-muc-2024,
-- seeded from prisma/seed/questionnaires/): their answers are kept as they were, and their level
-- on the national scale follows that file's table: 4 → very_satisfied, 3 and 2 → satisfied,
-- 1 → unsatisfied.
INSERT INTO "new_Rating" ("accountId", "askedExtra", "comment", "createdAt", "dossierId", "id", "questionnaire", "answers", "level")
SELECT "accountId", "askedExtra", "comment", "createdAt", "dossierId", "id",
    'mot-cua-4-muc-2024',
    '{"overall":"' || "overall" || '","timeliness":"' || "timeliness" || '","attitude":"' || "attitude"
        || '","guidance":"' || "guidance" || '","extra":"' || CASE WHEN "askedExtra" THEN 'yes' ELSE 'no' END || '"}',
    CASE "overall" WHEN 4 THEN 'very_satisfied' WHEN 3 THEN 'satisfied' WHEN 2 THEN 'satisfied' ELSE 'unsatisfied' END
FROM "Rating";
DROP TABLE "Rating";
ALTER TABLE "new_Rating" RENAME TO "Rating";
CREATE UNIQUE INDEX "Rating_dossierId_key" ON "Rating"("dossierId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

