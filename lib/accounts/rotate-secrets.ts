// Rotating the server URL's Token / EncodingAESKey. WeChat checks new values the moment they are
// saved in 公众平台, and pushes already signed with the old ones may still arrive: so both pairs
// are accepted from the start of a rotation until the admin ends it.
import { recordAudit } from "@/lib/audit/audit-log";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { openSecret, sealSecret } from "@/lib/accounts/secret-box";
import {
  accessTokenHealthInclude,
  findAccountRow,
  forgetRecentAccountCredentials,
  toPublicAccount,
} from "@/lib/accounts/account-records";
import { generateEncodingAesKey, generateToken } from "@/lib/accounts/generate-secrets";
import { withoutUndefined } from "@/lib/accounts/manage-accounts";
import type { Account, AccountRotateInput, AccountWithSecrets } from "@/lib/schemas/accounts";

export async function startRotation(accountId: string, input: AccountRotateInput): Promise<AccountWithSecrets> {
  const current = await findAccountRow(accountId);
  if (current.rotationStartedAt) {
    throw new AppError(
      "conflict",
      "A rotation is already in progress: end it once WeChat shows the new values saved, then start another",
    );
  }
  const generatedSecrets = {
    token: input.token === undefined ? generateToken() : undefined,
    encodingAESKey: input.encodingAESKey === undefined ? generateEncodingAesKey() : undefined,
  };
  const token = input.token ?? generatedSecrets.token!;
  const encodingAESKey = input.encodingAESKey ?? generatedSecrets.encodingAESKey!;
  if (token === openSecret(current.tokenEncrypted)) {
    throw new AppError("validation_failed", "The new Token is the current one", [
      { path: ["token"], message: "Choose a Token different from the current one" },
    ]);
  }

  const row = await getDb().account.update({
    where: { id: accountId },
    data: {
      previousTokenEncrypted: current.tokenEncrypted,
      previousEncodingAesKeyEncrypted: current.encodingAesKeyEncrypted,
      rotationStartedAt: new Date(),
      tokenEncrypted: sealSecret(token),
      encodingAesKeyEncrypted: sealSecret(encodingAESKey),
    },
    include: accessTokenHealthInclude,
  });
  forgetRecentAccountCredentials(accountId);
  await recordAudit({
    action: "account.rotation_start",
    objectType: "account",
    objectId: accountId,
    accountId,
    detail: { token: ["(secret)", "(changed)"], encodingAESKey: ["(secret)", "(changed)"] },
  });
  return { ...toPublicAccount(row), generatedSecrets: withoutUndefined(generatedSecrets) };
}

/** From now on only the new Token / EncodingAESKey are accepted. */
export async function endRotation(accountId: string): Promise<Account> {
  const current = await findAccountRow(accountId);
  if (!current.rotationStartedAt) throw new AppError("conflict", "No rotation is in progress");
  const row = await getDb().account.update({
    where: { id: accountId },
    data: { previousTokenEncrypted: null, previousEncodingAesKeyEncrypted: null, rotationStartedAt: null },
    include: accessTokenHealthInclude,
  });
  forgetRecentAccountCredentials(accountId);
  await recordAudit({ action: "account.rotation_end", objectType: "account", objectId: accountId, accountId });
  return toPublicAccount(row);
}
