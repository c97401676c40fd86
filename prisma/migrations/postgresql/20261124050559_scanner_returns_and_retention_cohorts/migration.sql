-- DropIndex
DROP INDEX "ScannerDay_accountId_day_idx";

-- AlterTable
ALTER TABLE "RollupDay" ADD COLUMN     "cohortFollows" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "keptDay1" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "keptDay30" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "keptDay7" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ScannerDayTotal" (
    "accountId" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "scanners" INTEGER NOT NULL DEFAULT 0,
    "firstTimeScanners" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScannerDayTotal_pkey" PRIMARY KEY ("accountId","scene","day")
);

-- CreateTable
CREATE TABLE "ScannerReturn" (
    "accountId" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "previousDay" TEXT NOT NULL,
    "scanners" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScannerReturn_pkey" PRIMARY KEY ("accountId","scene","day","previousDay")
);

-- CreateIndex
CREATE INDEX "ScannerDayTotal_accountId_day_idx" ON "ScannerDayTotal"("accountId", "day");

-- CreateIndex
CREATE INDEX "ScannerReturn_accountId_day_previousDay_scene_scanners_idx" ON "ScannerReturn"("accountId", "day", "previousDay", "scene", "scanners");

-- CreateIndex
CREATE INDEX "ScannerReturn_accountId_previousDay_day_scene_scanners_idx" ON "ScannerReturn"("accountId", "previousDay", "day", "scene", "scanners");

-- CreateIndex
CREATE INDEX "ScannerDay_accountId_scene_openid_day_idx" ON "ScannerDay"("accountId", "scene", "openid", "day");
