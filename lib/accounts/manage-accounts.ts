// Creating, listing and editing official accounts. Secrets go in sealed and never come out.
import { accountIdFilter } from "@/lib/auth/account-scope";
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { sealSecret } from "@/lib/accounts/secret-box";
import { findAccountRow, forgetRecentAccountCredentials, toPublicAccount } from "@/lib/accounts/account-records";
import {
  accountCreateSchema,
  type Account,
  type AccountCreateInput,
  type AccountUpdateInput,
} from "@/lib/schemas/accounts";

export async function listAccounts(): Promise<Account[]> {
  const rows = await getDb().account.findMany({ where: { id: accountIdFilter() }, orderBy: { createdAt: "asc" } });
  return rows.map(toPublicAccount);
}

export async function getAccount(accountId: string): Promise<Account> {
  return toPublicAccount(await findAccountRow(accountId));
}

export async function createAccount(
  rawInput: AccountCreateInput,
  options: { isBuiltInSandbox?: boolean } = {},
): Promise<Account> {
  const input = accountCreateSchema.parse(rawInput);
  try {
    const row = await getDb().account.create({
      data: {
        name: input.name,
        appId: input.appId,
        appSecretEncrypted: sealSecret(input.appSecret),
        tokenEncrypted: sealSecret(input.token),
        encodingAesKeyEncrypted: input.encodingAESKey ? sealSecret(input.encodingAESKey) : null,
        mode: input.mode,
        originalId: input.originalId,
        timezone: input.timezone,
        apiBaseUrl: input.apiBaseUrl,
        accessTokenKind: input.accessTokenKind,
        isBuiltInSandbox: options.isBuiltInSandbox ?? false,
      },
    });
    return toPublicAccount(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `An account with appId ${input.appId} already exists`);
    throw error;
  }
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
    // Rollup buckets are local days and hours: changing the zone means rebuilding them.
    throw new AppError(
      "conflict",
      "Changing an account's time zone is not supported yet: its reports are bucketed by the current zone",
    );
  }
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
      apiBaseUrl: input.apiBaseUrl,
      accessTokenKind: input.accessTokenKind,
    },
  });
  // Other instances see the change within findRecentAccountCredentials's second; this one at once.
  forgetRecentAccountCredentials(accountId);
  return toPublicAccount(row);
}
