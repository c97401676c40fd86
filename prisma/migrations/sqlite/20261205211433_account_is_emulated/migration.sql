-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Account" (
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
    "isEmulated" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" DATETIME,
    "previousTokenEncrypted" TEXT,
    "previousEncodingAesKeyEncrypted" TEXT,
    "rotationStartedAt" DATETIME,
    "lastVerifiedAt" DATETIME,
    "lastPushAt" DATETIME,
    "lastErrorAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Account" ("accessTokenKind", "apiBaseUrl", "appId", "appSecretEncrypted", "createdAt", "disabledAt", "encodingAesKeyEncrypted", "id", "isBuiltInSandbox", "lastError", "lastErrorAt", "lastPushAt", "lastVerifiedAt", "mode", "name", "originalId", "previousEncodingAesKeyEncrypted", "previousTokenEncrypted", "rotationStartedAt", "timezone", "tokenEncrypted", "updatedAt") SELECT "accessTokenKind", "apiBaseUrl", "appId", "appSecretEncrypted", "createdAt", "disabledAt", "encodingAesKeyEncrypted", "id", "isBuiltInSandbox", "lastError", "lastErrorAt", "lastPushAt", "lastVerifiedAt", "mode", "name", "originalId", "previousEncodingAesKeyEncrypted", "previousTokenEncrypted", "rotationStartedAt", "timezone", "tokenEncrypted", "updatedAt" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_appId_key" ON "Account"("appId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: the accounts that were recognised as sandbox accounts by their URL (the built-in one,
-- and any whose API base path was /sandbox) are now flagged. They talk to this server's own
-- emulator from now on, never to the host their stored URL names.
UPDATE "Account" SET "isEmulated" = true
WHERE "isBuiltInSandbox" = true OR "apiBaseUrl" LIKE '%://%/sandbox' OR "apiBaseUrl" LIKE '%://%/sandbox/';
