-- DropIndex
DROP INDEX "ScannerDay_accountId_day_idx";

-- CreateTable
CREATE TABLE "ScannerDayTotal" (
    "accountId" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "scanners" INTEGER NOT NULL DEFAULT 0,
    "firstTimeScanners" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "scene", "day")
);

-- CreateTable
CREATE TABLE "ScannerReturn" (
    "accountId" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "previousDay" TEXT NOT NULL,
    "scanners" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "scene", "day", "previousDay")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RollupDay" (
    "accountId" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "scans" INTEGER NOT NULL DEFAULT 0,
    "follows" INTEGER NOT NULL DEFAULT 0,
    "unfollows" INTEGER NOT NULL DEFAULT 0,
    "cohortFollows" INTEGER NOT NULL DEFAULT 0,
    "keptDay1" INTEGER NOT NULL DEFAULT 0,
    "keptDay7" INTEGER NOT NULL DEFAULT 0,
    "keptDay30" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "scene", "day")
);
INSERT INTO "new_RollupDay" ("accountId", "day", "follows", "scans", "scene", "unfollows") SELECT "accountId", "day", "follows", "scans", "scene", "unfollows" FROM "RollupDay";
DROP TABLE "RollupDay";
ALTER TABLE "new_RollupDay" RENAME TO "RollupDay";
CREATE INDEX "RollupDay_accountId_day_idx" ON "RollupDay"("accountId", "day");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ScannerDayTotal_accountId_day_idx" ON "ScannerDayTotal"("accountId", "day");

-- CreateIndex
CREATE INDEX "ScannerReturn_accountId_day_previousDay_scene_scanners_idx" ON "ScannerReturn"("accountId", "day", "previousDay", "scene", "scanners");

-- CreateIndex
CREATE INDEX "ScannerReturn_accountId_previousDay_day_scene_scanners_idx" ON "ScannerReturn"("accountId", "previousDay", "day", "scene", "scanners");

-- CreateIndex
CREATE INDEX "ScannerDay_accountId_scene_openid_day_idx" ON "ScannerDay"("accountId", "scene", "openid", "day");
