-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "lastErrorAt" TIMESTAMP(3),
ADD COLUMN     "lastPushAt" TIMESTAMP(3),
ADD COLUMN     "lastVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "previousEncodingAesKeyEncrypted" TEXT,
ADD COLUMN     "previousTokenEncrypted" TEXT,
ADD COLUMN     "rotationStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "allAccounts" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "lastUsedIp" TEXT,
ALTER COLUMN "role" SET DEFAULT 'viewer';

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "accountId" TEXT,
ADD COLUMN     "actorId" TEXT,
ADD COLUMN     "actorKind" TEXT NOT NULL DEFAULT 'system',
ADD COLUMN     "ip" TEXT,
ADD COLUMN     "objectType" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "ip" TEXT,
ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "userAgent" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "allAccounts" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "name" TEXT,
ALTER COLUMN "role" SET DEFAULT 'viewer';

-- CreateTable
CREATE TABLE "UserAccountGrant" (
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "UserAccountGrant_pkey" PRIMARY KEY ("userId","accountId")
);

-- CreateTable
CREATE TABLE "ApiKeyAccountGrant" (
    "apiKeyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,

    CONSTRAINT "ApiKeyAccountGrant_pkey" PRIMARY KEY ("apiKeyId","accountId")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "allAccounts" BOOLEAN NOT NULL DEFAULT true,
    "grants" TEXT NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserAccountGrant_accountId_idx" ON "UserAccountGrant"("accountId");

-- CreateIndex
CREATE INDEX "ApiKeyAccountGrant_accountId_idx" ON "ApiKeyAccountGrant"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_createdAt_idx" ON "Invite"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- AddForeignKey
ALTER TABLE "UserAccountGrant" ADD CONSTRAINT "UserAccountGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserAccountGrant" ADD CONSTRAINT "UserAccountGrant_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeyAccountGrant" ADD CONSTRAINT "ApiKeyAccountGrant_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeyAccountGrant" ADD CONSTRAINT "ApiKeyAccountGrant_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: the first user (who set Qudao up) becomes its owner.
UPDATE "User" SET "role" = 'owner' WHERE "id" = (SELECT "id" FROM "User" ORDER BY "createdAt" ASC LIMIT 1);
