// Creating, listing and editing official accounts. Secrets go in sealed and never come out, except
// a Token / EncodingAESKey Qudao generated, returned once to the admin who asked for it.
import { accountIdFilter } from "@/lib/auth/account-scope";
import { changedFields, recordAudit } from "@/lib/audit/audit-log";
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { sealSecret } from "@/lib/accounts/secret-box";
import {
  accessTokenHealthInclude,
  findAccountRow,
  findAccountRowWithToken,
  forgetRecentAccountCredentials,
  toPublicAccount,
} from "@/lib/accounts/account-records";
import { generateEncodingAesKey, generateToken } from "@/lib/accounts/generate-secrets";
import {
  accountCreateSchema,
  isOwnSandboxBase,
  type Account,
  type AccountCreateInput,
  type AccountUpdateInput,
  type AccountWithSecrets,
} from "@/lib/schemas/accounts";

export async function listAccounts(): Promise<Account[]> {
  const rows = await getDb().account.findMany({
    where: { id: accountIdFilter() },
    orderBy: { createdAt: "asc" },
    include: accessTokenHealthInclude,
  });
  return rows.map(toPublicAccount);
}

export async function getAccount(accountId: string): Promise<Account> {
  return toPublicAccount(await findAccountRowWithToken(accountId));
}

export async function createAccount(
  rawInput: AccountCreateInput,
  options: { isBuiltInSandbox?: boolean } = {},
): Promise<AccountWithSecrets> {
  const input = accountCreateSchema.parse(rawInput);
  const generatedSecrets = {
    token: input.token === undefined ? generateToken() : undefined,
    encodingAESKey: input.encodingAESKey === undefined ? generateEncodingAesKey() : undefined,
  };
  const token = input.token ?? generatedSecrets.token!;
  const encodingAESKey = input.encodingAESKey === undefined ? generatedSecrets.encodingAESKey! : input.encodingAESKey;
  try {
    const row = await getDb().account.create({
      data: {
        name: input.name,
        appId: input.appId,
        appSecretEncrypted: sealSecret(input.appSecret),
        tokenEncrypted: sealSecret(token),
        encodingAesKeyEncrypted: encodingAESKey ? sealSecret(encodingAESKey) : null,
        mode: input.mode,
        originalId: input.originalId,
        timezone: input.timezone,
        apiBaseUrl: input.apiBaseUrl,
        accessTokenKind: input.accessTokenKind,
        isBuiltInSandbox: options.isBuiltInSandbox ?? false,
        isEmulated: (options.isBuiltInSandbox ?? false) || isOwnSandboxBase(input.apiBaseUrl),
      },
    });
    await recordAudit({
      action: "account.create",
      objectType: "account",
      objectId: row.id,
      accountId: row.id,
      detail: { name: row.name, appId: row.appId, mode: row.mode, timezone: row.timezone, apiBaseUrl: row.apiBaseUrl },
    });
    return { ...toPublicAccount(row), generatedSecrets: withoutUndefined(generatedSecrets) };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `An account with appId ${input.appId} already exists`);
    throw error;
  }
}

export function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export async function updateAccount(accountId: string, input: AccountUpdateInput): Promise<Account> {
  const current = await findAccountRow(accountId);
  const mode = input.mode ?? current.mode;
  const hasAesKey = input.encodingAESKey !== undefined ? !!input.encodingAESKey : !!current.encodingAesKeyEncrypted;
  if (mode !== "plaintext" && !hasAesKey) {
    throw new AppError("validation_failed", "Compatible and safe modes need the EncodingAESKey", [
      { path: ["encodingAESKey"], message: "Required for this mode" },
    ]);
  }
  if (input.timezone && input.timezone !== current.timezone) {
    // Rollup buckets are local days and hours: once events exist, a new zone means rebuilding them.
    const hasEvents = (await getDb().event.findFirst({ where: { accountId }, select: { id: true } })) !== null;
    if (hasEvents)
      throw new AppError(
        "conflict",
        "This account already has events bucketed by its current time zone: its zone can no longer be changed",
      );
  }
  const isDisabled = input.isDisabled;
  const row = await getDb().account.update({
    where: { id: accountId },
    data: {
      name: input.name,
      appId: input.appId,
      appSecretEncrypted: input.appSecret ? sealSecret(input.appSecret) : undefined,
      tokenEncrypted: input.token ? sealSecret(input.token) : undefined,
      encodingAesKeyEncrypted:
        input.encodingAESKey === undefined ? undefined : input.encodingAESKey ? sealSecret(input.encodingAESKey) : null,
      mode: input.mode,
      originalId: input.originalId,
      timezone: input.timezone,
      apiBaseUrl: input.apiBaseUrl,
      // The schema let only WeChat's hosts or this server's sandbox through: the flag follows.
      isEmulated: input.apiBaseUrl === undefined ? undefined : isOwnSandboxBase(input.apiBaseUrl),
      accessTokenKind: input.accessTokenKind,
      disabledAt: isDisabled === undefined ? undefined : isDisabled ? (current.disabledAt ?? new Date()) : null,
    },
    include: accessTokenHealthInclude,
  });
  // Other instances see the change within findRecentAccountCredentials's second; this one at once.
  forgetRecentAccountCredentials(accountId);
  const { isDisabled: _isDisabled, ...settings } = input;
  const changes = changedFields(
    { ...current, appSecret: null, token: null, encodingAESKey: null },
    Object.fromEntries(Object.entries(settings).map(([field, value]) => [field, value ?? null])),
  );
  const action =
    isDisabled === undefined || isDisabled === (current.disabledAt !== null)
      ? "account.update"
      : isDisabled
        ? "account.disable"
        : "account.enable";
  await recordAudit({ action, objectType: "account", objectId: accountId, accountId, detail: changes });
  return toPublicAccount(row);
}
