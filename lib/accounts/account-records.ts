// Reading account rows: the public (masked) shape for the API, and the unsealed credentials
// that only the webhook, the API client and the sandbox use.
import type { Account as AccountRow } from "@/lib/db/generated/sqlite/client";
import { assertAccountAccess } from "@/lib/auth/account-scope";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/http/errors";
import { openSecret } from "@/lib/accounts/secret-box";
import { maskedSecret, type Account } from "@/lib/schemas/accounts";
import { ownSandboxBaseUrl } from "@/lib/sandbox/sandbox-mode";
import { accountStatusOf, decodeAccountError } from "@/lib/accounts/account-status";
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
  /** Talks to this server's built-in emulator (apiBaseUrl is then this server's /sandbox). */
  isEmulated: boolean;
  /** Disabled: pushes are answered "success" and dropped; verification is still answered. */
  isDisabled: boolean;
  /** During a rotation, the Token / EncodingAESKey before it, still accepted. */
  previous: { token: string; encodingAESKey: string | null } | null;
}

/** The account row with what the list shows of its access token. */
export type AccountRowWithToken = AccountRow & {
  accessToken?: { token: string | null; expiresAt: Date | null } | null;
};

/** Include this in account reads that feed toPublicAccount. */
export const accessTokenHealthInclude = { accessToken: { select: { token: true, expiresAt: true } } } as const;

/**
 * The built-in sandbox's WeChat lives in this very server, so its address is this server's, read at
 * run time: a CLI run (say, `seed`) with another PORT must not re-point a running server's sandbox.
 */
export function builtInSandboxBaseUrl(): string {
  return ownSandboxBaseUrl();
}

/** Emulated accounts (the flag, never the URL's shape) always call this server's own emulator. */
function apiBaseUrlOf(row: AccountRow): string {
  return row.isEmulated || row.isBuiltInSandbox ? ownSandboxBaseUrl() : row.apiBaseUrl;
}

export function webhookUrlFor(accountId: string): string {
  return `${getEnv().publicUrl}/api/wechat/${accountId}`;
}

export function toPublicAccount(row: AccountRowWithToken): Account {
  const tokenExpiresAt = row.accessToken?.token ? (row.accessToken.expiresAt ?? null) : null;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
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
    isEmulated: row.isEmulated || row.isBuiltInSandbox,
    webhookUrl: webhookUrlFor(row.id),
    createdAt: row.createdAt.toISOString(),
    health: {
      status: accountStatusOf(row),
      disabledAt: iso(row.disabledAt),
      lastVerifiedAt: iso(row.lastVerifiedAt),
      lastPushAt: iso(row.lastPushAt),
      lastErrorAt: iso(row.lastErrorAt),
      lastError: decodeAccountError(row.lastError),
      rotationStartedAt: iso(row.rotationStartedAt),
      hasValidAccessToken: tokenExpiresAt !== null && tokenExpiresAt.getTime() > Date.now(),
      accessTokenExpiresAt: iso(tokenExpiresAt),
    },
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
    isEmulated: row.isEmulated || row.isBuiltInSandbox,
    isDisabled: row.disabledAt !== null,
    previous: row.previousTokenEncrypted
      ? {
          token: openSecret(row.previousTokenEncrypted),
          encodingAESKey: row.previousEncodingAesKeyEncrypted ? openSecret(row.previousEncodingAesKeyEncrypted) : null,
        }
      : null,
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

/** As findAccountRow, with the access token's expiry for the health fields. */
export async function findAccountRowWithToken(accountId: string): Promise<AccountRowWithToken> {
  assertAccountAccess(accountId);
  const row = await getDb().account.findUnique({ where: { id: accountId }, include: accessTokenHealthInclude });
  if (!row) throw notFound("Account");
  return row;
}

/** This process changed the account: its next push reads the new row. */
export function forgetRecentAccountCredentials(accountId: string): void {
  recentCredentials.delete(accountId);
}

export async function getAccountCredentials(accountId: string): Promise<AccountCredentials> {
  return toCredentials(await findAccountRow(accountId));
}
