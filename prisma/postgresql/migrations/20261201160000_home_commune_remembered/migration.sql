-- Cards show the desk of the commune stored on the account (no lookup per card): a citizen who
-- already follows a dossier or filed a complaint gets that commune, unless they chose one.
UPDATE "Account" SET "homeCommuneId" = (
  SELECT d."communeId" FROM "Dossier" d WHERE d."followerId" = "Account"."id" ORDER BY d."receivedAt" DESC LIMIT 1
) WHERE "homeCommuneId" IS NULL AND EXISTS (SELECT 1 FROM "Dossier" d WHERE d."followerId" = "Account"."id");

UPDATE "Account" SET "homeCommuneId" = (
  SELECT c."communeId" FROM "Complaint" c WHERE c."reporterId" = "Account"."id" ORDER BY c."createdAt" DESC LIMIT 1
) WHERE "homeCommuneId" IS NULL AND EXISTS (SELECT 1 FROM "Complaint" c WHERE c."reporterId" = "Account"."id");
