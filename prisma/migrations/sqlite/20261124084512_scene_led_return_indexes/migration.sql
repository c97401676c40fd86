-- DropIndex
DROP INDEX "ScannerReturn_accountId_previousDay_day_scene_scanners_idx";

-- DropIndex
DROP INDEX "ScannerReturn_accountId_day_previousDay_scene_scanners_idx";

-- CreateIndex
CREATE INDEX "ScannerReturn_accountId_scene_day_previousDay_scanners_idx" ON "ScannerReturn"("accountId", "scene", "day", "previousDay", "scanners");

-- CreateIndex
CREATE INDEX "ScannerReturn_accountId_scene_previousDay_day_scanners_idx" ON "ScannerReturn"("accountId", "scene", "previousDay", "day", "scanners");
