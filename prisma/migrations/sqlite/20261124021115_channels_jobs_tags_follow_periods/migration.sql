-- AlterTable
ALTER TABLE "Channel" ADD COLUMN "importKey" TEXT;
ALTER TABLE "Channel" ADD COLUMN "qrDesign" TEXT;

-- CreateTable
CREATE TABLE "FollowPeriod" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Job" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "completedAt" DATETIME,
    "uniqueKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WechatTag" (
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tagId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("accountId", "name")
);

-- CreateTable
CREATE TABLE "SandboxTag" (
    "appId" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("appId", "id")
);

-- CreateTable
CREATE TABLE "SandboxTagMember" (
    "appId" TEXT NOT NULL,
    "tagId" INTEGER NOT NULL,
    "openid" TEXT NOT NULL,

    PRIMARY KEY ("appId", "tagId", "openid")
);

-- CreateTable
CREATE TABLE "SandboxFault" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "appId" TEXT NOT NULL,
    "api" TEXT NOT NULL,
    "errcode" INTEGER,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "dropPush" BOOLEAN NOT NULL DEFAULT false,
    "remaining" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "FollowPeriod_accountId_scene_startedAt_idx" ON "FollowPeriod"("accountId", "scene", "startedAt");

-- CreateIndex
CREATE INDEX "FollowPeriod_accountId_openid_startedAt_idx" ON "FollowPeriod"("accountId", "openid", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_uniqueKey_key" ON "Job"("uniqueKey");

-- CreateIndex
CREATE INDEX "Job_completedAt_runAt_idx" ON "Job"("completedAt", "runAt");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxTag_appId_name_key" ON "SandboxTag"("appId", "name");

-- CreateIndex
CREATE INDEX "SandboxTagMember_appId_openid_idx" ON "SandboxTagMember"("appId", "openid");

-- CreateIndex
CREATE INDEX "SandboxFault_appId_api_idx" ON "SandboxFault"("appId", "api");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_accountId_importKey_key" ON "Channel"("accountId", "importKey");
