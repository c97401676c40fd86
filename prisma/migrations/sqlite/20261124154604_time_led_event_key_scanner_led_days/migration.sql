-- DropIndex
DROP INDEX "Event_accountId_dedupeKey_key";

-- DropIndex
DROP INDEX "Event_accountId_occurredAt_idx";

-- DropIndex
DROP INDEX "ScannerDay_accountId_scene_openid_day_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Event_accountId_occurredAt_dedupeKey_key" ON "Event"("accountId", "occurredAt", "dedupeKey");

-- CreateIndex
CREATE INDEX "ScannerDay_accountId_openid_scene_day_idx" ON "ScannerDay"("accountId", "openid", "scene", "day");
