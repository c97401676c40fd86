// `npm run cli -- secrets rotate-key`: every sealed value re-sealed under a new key, in one
// transaction, and the key file replaced atomically. The order keeps the secrets readable
// whatever fails: the new key is written to a temporary file beside the key file first; the
// database is re-sealed in one transaction; only then does a rename put the new key in place
// (a rename is atomic on one filesystem). A failed transaction leaves the old key and old rows.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { getDb, type Transaction } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import {
  forgetSecretKey,
  generateSecretKeyText,
  isSealed,
  loadSecretKey,
  openSecretWith,
  parseSecretKey,
  sealSecretWith,
  secretKeyFilePath,
} from "@/lib/accounts/secret-box";

/** Every sealed column, by table: a new sealed column must be listed here (and is then rotated). */
const sealedAccountColumns = [
  "appSecretEncrypted",
  "tokenEncrypted",
  "encodingAesKeyEncrypted",
  "previousTokenEncrypted",
  "previousEncodingAesKeyEncrypted",
] as const;

export interface KeyRotation {
  keyFile: string;
  accounts: number;
  accessTokens: number;
}

export async function rotateSecretKey(): Promise<KeyRotation> {
  if (getEnv().QUDAO_SECRET_KEY)
    throw new Error(
      "The key comes from QUDAO_SECRET_KEY: rotate-key replaces a key file. Move the key into a file " +
        "(QUDAO_SECRET_KEY_FILE), unset QUDAO_SECRET_KEY, and run it again",
    );
  const oldKey = loadSecretKey();
  const keyFile = secretKeyFilePath();
  const newKeyText = generateSecretKeyText();
  const newKey = parseSecretKey(newKeyText);
  const pendingFile = `${keyFile}.new`;
  writeDurably(pendingFile, newKeyText);

  let rotation: KeyRotation;
  try {
    rotation = await getDb().$transaction(
      (tx) => resealEverything(tx, (sealed) => sealSecretWith(newKey, openSecretWith(oldKey, sealed)), keyFile),
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    rmSync(pendingFile, { force: true });
    throw error;
  }
  renameSync(pendingFile, keyFile);
  forgetSecretKey();
  return rotation;
}

async function resealEverything(
  tx: Transaction,
  reseal: (sealed: string) => string,
  keyFile: string,
): Promise<KeyRotation> {
  const accounts = await tx.account.findMany({
    select: { id: true, ...Object.fromEntries(sealedAccountColumns.map((column) => [column, true])) },
  });
  for (const account of accounts) {
    const row = account as unknown as Record<(typeof sealedAccountColumns)[number], string | null> & { id: string };
    const data = Object.fromEntries(
      sealedAccountColumns.map((column) => [column, row[column] === null ? null : reseal(row[column])]),
    );
    await tx.account.update({ where: { id: row.id }, data });
  }

  // Access tokens stored before they were sealed are dropped: they are fetched again, sealed.
  const tokens = await tx.wechatAccessToken.findMany({
    where: { token: { not: null } },
    select: { accountId: true, token: true },
  });
  for (const { accountId, token } of tokens) {
    await tx.wechatAccessToken.update({
      where: { accountId },
      data: isSealed(token!) ? { token: reseal(token!) } : { token: null, expiresAt: null },
    });
  }
  return { keyFile, accounts: accounts.length, accessTokens: tokens.length };
}

function writeDurably(path: string, text: string): void {
  const descriptor = openSync(path, "w", 0o600);
  try {
    writeSync(descriptor, text);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}
