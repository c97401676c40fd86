// Finding 8 of the security review: WeChat access tokens were stored in plaintext and the key file
// had to live beside the database. Now tokens are sealed like every other secret, the key file's
// place is QUDAO_SECRET_KEY_FILE, and `secrets rotate-key` re-seals every sealed value under a new
// key in one transaction, replacing the key file only once the database is done.
import { afterAll, beforeAll, afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { resetEnvForTests } from "@/lib/env";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { startRotation } from "@/lib/accounts/rotate-secrets";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { databaseAccessTokenStore } from "@/lib/accounts/access-token-store";
import { rotateSecretKey } from "@/lib/accounts/rotate-key";
import {
  forgetSecretKey,
  isSealed,
  loadSecretKey,
  openSecretWith,
  parseSecretKey,
  secretKeyFilePath,
} from "@/lib/accounts/secret-box";
import { createEmulatedApp, emulatedAppSecret } from "@/lib/sandbox/emulated-apps";
import { createChannel } from "@/lib/channels/create-channel";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterEach(() => {
  delete process.env.QUDAO_SECRET_KEY_FILE;
  resetEnvForTests();
  forgetSecretKey();
});
afterAll(async () => {
  await app.close();
});

const sealedColumns = [
  "appSecretEncrypted",
  "tokenEncrypted",
  "encodingAesKeyEncrypted",
  "previousTokenEncrypted",
  "previousEncodingAesKeyEncrypted",
] as const;

async function rawAccount(id: string) {
  return app.db.account.findUniqueOrThrow({ where: { id } });
}

describe("access tokens at rest", () => {
  it("are stored sealed: the database never holds the token WeChat issued", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    await createChannel({ accountId: account.id, name: "Fetches a token" });
    const stored = await app.db.wechatAccessToken.findUniqueOrThrow({ where: { accountId: account.id } });
    const issued = await app.db.sandboxAccessToken.findMany({ where: { appId: account.appId } });
    expect(issued.length).toBeGreaterThan(0);
    expect(isSealed(stored.token!)).toBe(true);
    for (const { token } of issued) expect(stored.token).not.toContain(token);
    const read = await databaseAccessTokenStore.read(account.id);
    expect(issued.map(({ token }) => token)).toContain(read?.token);
  });

  it("a token stored in plaintext before reads as none, so a fresh one is fetched and sealed", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    await app.db.wechatAccessToken.create({
      data: { accountId: account.id, token: "plaintext-from-before", expiresAt: new Date(Date.now() + 7_000_000) },
    });
    expect(await databaseAccessTokenStore.read(account.id)).toBeNull();
  });
});

describe("the key file", () => {
  it("is where QUDAO_SECRET_KEY_FILE says, created there on first use", () => {
    const directory = mkdtempSync(join(tmpdir(), "qudao-key-"));
    try {
      process.env.QUDAO_SECRET_KEY_FILE = join(directory, "keys", "qudao.key");
      resetEnvForTests();
      forgetSecretKey();
      expect(secretKeyFilePath()).toBe(join(directory, "keys", "qudao.key"));
      const key = loadSecretKey();
      expect(readFileSync(join(directory, "keys", "qudao.key"), "utf8").trim()).toBe(key.toString("hex"));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("secrets rotate-key", () => {
  it("re-seals every secret of every account and every access token under a new key file", async () => {
    const input = sandboxAccountInput(app.server);
    const account = await createAccount(input);
    await startRotation(account.id, {}); // previous Token and EncodingAESKey are sealed too
    await createChannel({ accountId: account.id, name: "Holds a token" });
    const before = await getAccountCredentials(account.id);
    const beforeToken = await databaseAccessTokenStore.read(account.id);
    const beforeRow = await rawAccount(account.id);
    const beforeTokenRow = await app.db.wechatAccessToken.findUniqueOrThrow({ where: { accountId: account.id } });
    expect(before.previous).not.toBeNull();
    const keyFile = secretKeyFilePath();
    const oldKeyText = readFileSync(keyFile, "utf8");
    const emulated = createEmulatedApp();

    const rotation = await rotateSecretKey();

    expect(rotation.accounts).toBe(await app.db.account.count());
    const newKeyText = readFileSync(keyFile, "utf8");
    expect(newKeyText).not.toBe(oldKeyText);
    expect(existsSync(`${keyFile}.new`)).toBe(false);
    const newKey = parseSecretKey(newKeyText);
    expect(loadSecretKey().equals(newKey)).toBe(true);

    // Every sealed value changed, opens with the new key to the same plaintext, not with the old.
    const afterRow = await rawAccount(account.id);
    const oldKey = parseSecretKey(oldKeyText);
    for (const column of sealedColumns) {
      expect(afterRow[column], column).not.toBe(beforeRow[column]);
      expect(openSecretWith(newKey, afterRow[column]!)).toBe(openSecretWith(oldKey, beforeRow[column]!));
      expect(() => openSecretWith(oldKey, afterRow[column]!)).toThrow();
    }
    const afterTokenRow = await app.db.wechatAccessToken.findUniqueOrThrow({ where: { accountId: account.id } });
    expect(afterTokenRow.token).not.toBe(beforeTokenRow.token);
    expect(await getAccountCredentials(account.id)).toEqual(before);
    expect(await databaseAccessTokenStore.read(account.id)).toEqual(beforeToken);

    // The account keeps working against the emulator (its stored secret is what it checks) ...
    expect((await createChannel({ accountId: account.id, name: "After the rotation" })).qr.ticket).toBeTruthy();
    // ... while an emulated app not yet connected has a new AppSecret: it derives from the key.
    expect(emulatedAppSecret(emulated.appId)).not.toBe(emulated.appSecret);
  });

  it("changes nothing when one secret cannot be opened: the transaction and the key file stay as they were", async () => {
    const good = await createAccount(sandboxAccountInput(app.server));
    const broken = await createAccount(sandboxAccountInput(app.server));
    await app.db.account.update({ where: { id: broken.id }, data: { appSecretEncrypted: "v1.AAAA.BBBB.CCCC" } });
    const keyFile = secretKeyFilePath();
    const keyText = readFileSync(keyFile, "utf8");
    const goodRow = await rawAccount(good.id);
    try {
      await expect(rotateSecretKey()).rejects.toThrow();
      expect(readFileSync(keyFile, "utf8")).toBe(keyText);
      expect(existsSync(`${keyFile}.new`)).toBe(false);
      expect(await rawAccount(good.id)).toEqual(goodRow);
    } finally {
      await app.db.account.delete({ where: { id: broken.id } });
    }
  });
});
