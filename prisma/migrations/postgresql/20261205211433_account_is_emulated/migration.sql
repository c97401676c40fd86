-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "isEmulated" BOOLEAN NOT NULL DEFAULT false;

-- Backfill: the accounts that were recognised as sandbox accounts by their URL (the built-in one,
-- and any whose API base path was /sandbox) are now flagged. They talk to this server's own
-- emulator from now on, never to the host their stored URL names.
UPDATE "Account" SET "isEmulated" = true
WHERE "isBuiltInSandbox" = true OR "apiBaseUrl" LIKE '%://%/sandbox' OR "apiBaseUrl" LIKE '%://%/sandbox/';
