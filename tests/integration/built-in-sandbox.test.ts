// The built-in sandbox's WeChat is this server: its address follows the server reading the account,
// so a CLI run with another PORT (e.g. `npm run cli -- seed`) cannot break a running server's codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAccountCredentials, findAccountRow } from "@/lib/accounts/account-records";
import { getAccount } from "@/lib/accounts/manage-accounts";
import { resetEnvForTests } from "@/lib/env";
import { ensureBuiltInSandboxAccount } from "@/lib/sandbox/built-in-account";
import { startTestApp, type TestApp } from "@/tests/support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  process.env.QUDAO_PUBLIC_URL = app.server.url;
  resetEnvForTests();
  await app.close();
});

describe("the built-in sandbox account", () => {
  it("calls the sandbox of whichever server reads it, whatever another process stored", async () => {
    const { id } = await ensureBuiltInSandboxAccount();
    process.env.QUDAO_PUBLIC_URL = "http://127.0.0.1:3999";
    resetEnvForTests();
    await ensureBuiltInSandboxAccount();
    process.env.QUDAO_PUBLIC_URL = app.server.url;
    resetEnvForTests();
    const stored = await findAccountRow(id);
    expect((await getAccountCredentials(id)).apiBaseUrl).toBe(`${app.server.url}/sandbox`);
    expect((await getAccount(id)).apiBaseUrl).toBe(`${app.server.url}/sandbox`);
    expect(stored.isBuiltInSandbox).toBe(true);
  });
});
