-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "appSecretEncrypted" TEXT NOT NULL,
    "tokenEncrypted" TEXT NOT NULL,
    "encodingAesKeyEncrypted" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'plaintext',
    "originalId" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "apiBaseUrl" TEXT NOT NULL,
    "accessTokenKind" TEXT NOT NULL DEFAULT 'stable',
    "isBuiltInSandbox" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channelGroup" TEXT,
    "note" TEXT,
    "qrKind" TEXT NOT NULL,
    "sceneType" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "ticket" TEXT,
    "url" TEXT,
    "expiresAt" DATETIME,
    "archivedAt" DATETIME,
    "welcomeMessage" TEXT,
    "autoTagName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Channel_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChannelTag" (
    "channelId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("channelId", "tag"),
    CONSTRAINT "ChannelTag_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scene" TEXT NOT NULL DEFAULT '',
    "channelId" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dedupeKey" TEXT NOT NULL,
    "raw" TEXT,
    CONSTRAINT "Event_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Follower" (
    "accountId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "isFollowing" BOOLEAN NOT NULL,
    "currentScene" TEXT NOT NULL DEFAULT '',
    "firstScene" TEXT NOT NULL DEFAULT '',
    "followedAt" DATETIME,
    "firstFollowedAt" DATETIME,
    "unfollowedAt" DATETIME,
    "stateChangedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("accountId", "openid"),
    CONSTRAINT "Follower_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RollupHour" (
    "accountId" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "hourStart" DATETIME NOT NULL,
    "scans" INTEGER NOT NULL DEFAULT 0,
    "follows" INTEGER NOT NULL DEFAULT 0,
    "unfollows" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "scene", "hourStart")
);

-- CreateTable
CREATE TABLE "RollupDay" (
    "accountId" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "scans" INTEGER NOT NULL DEFAULT 0,
    "follows" INTEGER NOT NULL DEFAULT 0,
    "unfollows" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "scene", "day")
);

-- CreateTable
CREATE TABLE "ScannerDay" (
    "accountId" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "openid" TEXT NOT NULL,

    PRIMARY KEY ("accountId", "scene", "day", "openid")
);

-- CreateTable
CREATE TABLE "WechatAccessToken" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT,
    "expiresAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WechatAccessToken_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'admin',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'admin',
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SandboxAccessToken" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SandboxQrCode" (
    "ticket" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "actionName" TEXT NOT NULL,
    "scene" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SandboxFollower" (
    "appId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "isFollowing" BOOLEAN NOT NULL,

    PRIMARY KEY ("appId", "openid")
);

-- CreateTable
CREATE TABLE "SandboxPush" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "appId" TEXT NOT NULL,
    "openid" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL DEFAULT '',
    "targetUrl" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "replyStatus" INTEGER,
    "replyBody" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_appId_key" ON "Account"("appId");

-- CreateIndex
CREATE INDEX "Channel_accountId_createdAt_idx" ON "Channel"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_accountId_scene_key" ON "Channel"("accountId", "scene");

-- CreateIndex
CREATE INDEX "ChannelTag_tag_idx" ON "ChannelTag"("tag");

-- CreateIndex
CREATE INDEX "Event_accountId_occurredAt_idx" ON "Event"("accountId", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_accountId_scene_occurredAt_idx" ON "Event"("accountId", "scene", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_channelId_occurredAt_idx" ON "Event"("channelId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Event_accountId_dedupeKey_key" ON "Event"("accountId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Follower_accountId_currentScene_idx" ON "Follower"("accountId", "currentScene");

-- CreateIndex
CREATE INDEX "RollupHour_accountId_hourStart_idx" ON "RollupHour"("accountId", "hourStart");

-- CreateIndex
CREATE INDEX "RollupDay_accountId_day_idx" ON "RollupDay"("accountId", "day");

-- CreateIndex
CREATE INDEX "ScannerDay_accountId_day_idx" ON "ScannerDay"("accountId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "SandboxAccessToken_appId_kind_idx" ON "SandboxAccessToken"("appId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxQrCode_url_key" ON "SandboxQrCode"("url");

-- CreateIndex
CREATE INDEX "SandboxQrCode_appId_actionName_idx" ON "SandboxQrCode"("appId", "actionName");

-- CreateIndex
CREATE INDEX "SandboxPush_appId_createdAt_idx" ON "SandboxPush"("appId", "createdAt");
