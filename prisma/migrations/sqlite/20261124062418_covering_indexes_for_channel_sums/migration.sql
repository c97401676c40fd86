-- CreateIndex
CREATE INDEX "RollupDay_accountId_scene_day_scans_follows_unfollows_cohortFollows_keptDay1_keptDay7_keptDay30_idx" ON "RollupDay"("accountId", "scene", "day", "scans", "follows", "unfollows", "cohortFollows", "keptDay1", "keptDay7", "keptDay30");

-- CreateIndex
CREATE INDEX "ScannerDayTotal_accountId_scene_day_firstTimeScanners_scanners_idx" ON "ScannerDayTotal"("accountId", "scene", "day", "firstTimeScanners", "scanners");
