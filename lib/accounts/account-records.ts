// Reading account rows: the public (masked) shape for the API, and the unsealed credentials
// that only the webhook, the API client and the sandbox use.
import type { Account as AccountRow } from "@/lib/db/generated/sqlite/client";
import { assertAccountAccess } from "@/lib/auth/account-scope";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/http/errors";
import { openSecret } from "@/lib/accounts/secret-box";
import { maskedSecret, type Account } from "@/lib/schemas/accounts";
import type { MessageMode } from "@/lib/wechat/push";

export interface AccountCredentials {
  id: string;
  appId: string;
  appSecret: string;
  token: string;
  encodingAESKey: string | null;
  mode: MessageMode;
  originalId: string | null;
  timezone: string;
  apiBaseUrl: string;
  accessTokenKind: "stable" | "classic";
}

/**
 * The built-in sandbox's WeChat lives in this very server, so its address is this server's, read at
 * run time: a CLI run (say, `seed`) with another PORT must not re-point a running server's sandbox.
 */
export function builtInSandboxBaseUrl(): string {
  return `${getEnv().publicUrl}/sandbox`;
}

function apiBaseUrlOf(row: AccountRow): string {
  return row.isBuiltInSandbox ? builtInSandboxBaseUrl() : row.apiBaseUrl;
}

export function webhookUrlFor(accountId: string): string {
  return `${getEnv().publicUrl}/api/wechat/${accountId}`;
}

export function toPublicAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    appId: row.appId,
    appSecret: maskedSecret,
    token: maskedSecret,
    encodingAESKey: row.encodingAesKeyEncrypted ? maskedSecret : null,
    mode: row.mode as Account["mode"],
    originalId: row.originalId,
    timezone: row.timezone,
    apiBaseUrl: apiBaseUrlOf(row),
    accessTokenKind: row.accessTokenKind as Account["accessTokenKind"],
    isSandbox: row.isBuiltInSandbox,
    webhookUrl: webhookUrlFor(row.id),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toCredentials(row: AccountRow): AccountCredentials {
  return {
    id: row.id,
    appId: row.appId,
    appSecret: openSecret(row.appSecretEncrypted),
    token: openSecret(row.tokenEncrypted),
    encodingAESKey: row.encodingAesKeyEncrypted ? openSecret(row.encodingAesKeyEncrypted) : null,
    mode: row.mode as MessageMode,
    originalId: row.originalId,
    timezone: row.timezone,
    apiBaseUrl: apiBaseUrlOf(row),
    accessTokenKind: row.accessTokenKind as AccountCredentials["accessTokenKind"],
  };
}

/** The account row, if the current request may touch it (lib/auth/account-scope.ts). */
export async function findAccountRow(accountId: string): Promise<AccountRow> {
  assertAccountAccess(accountId);
  const row = await getDb().account.findUnique({ where: { id: accountId } });
  if (!row) throw notFound("Account");
  return row;
}

const recentCredentials = new Map<string, { credentials: AccountCredentials; readAt: number }>();

/**
 * An account's credentials for the webhook, read and decrypted at most once a second per account:
 * a push burst does not re-read (and decrypt) the same row hundreds of times. A settings change
 * reaches pushes within that second.
 */
export async function findRecentAccountCredentials(accountId: string, maxAgeMs = 1_000): Promise<AccountCredentials> {
  const now = Date.now();
  const recent = recentCredentials.get(accountId);
  if (recent && now - recent.readAt < maxAgeMs) return recent.credentials;
  const credentials = toCredentials(await findAccountRow(accountId));
  if (recentCredentials.size > 1_000) recentCredentials.clear();
  recentCredentials.set(accountId, { credentials, readAt: now });
  return credentials;
}

/** This process changed the account: its next push reads the new row. */
export function forgetRecentAccountCredentials(accountId: string): void {
  recentCredentials.delete(accountId);
}

export async function getAccountCredentials(accountId: string): Promise<AccountCredentials> {
  return toCredentials(await findAccountRow(accountId));
}
