// The access-token holder against the sandbox over HTTP (PROTOCOL.md §1): one token request
// for 50 concurrent calls, for two app processes, and for an instance that waits on another's
// lease; token errors retried once, -1 retried with backoff, quotas and refusals surfaced.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { createChannel } from "@/lib/channels/create-channel";
import { addSandboxFault } from "@/lib/sandbox/faults";
import { AppError } from "@/lib/http/errors";
import { sealSecret } from "@/lib/accounts/secret-box";

const run = promisify(execFile);
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const requests = (path: string) => app.server.requestCounts.get(`/sandbox/cgi-bin/${path}`) ?? 0;
const tokenPath = { stable: "stable_token", classic: "token" } as const;

async function accountOf(accessTokenKind: "stable" | "classic" = "stable") {
  return createAccount({ ...sandboxAccountInput(app.server), accessTokenKind });
}

async function createdOrError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(["stable", "classic"] as const)("with the %s token", (kind) => {
  it("makes exactly one token request for 50 concurrent code creations", async () => {
    const account = await accountOf(kind);
    const before = requests(tokenPath[kind]);
    const channels = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        createChannel({ accountId: account.id, name: `#${index}`, qr: { kind: "permanent", scene: index + 1 } }),
      ),
    );
    expect(channels.every((channel) => channel.qr.ticket)).toBe(true);
    expect(requests(tokenPath[kind]) - before).toBe(1);
    expect(await app.db.sandboxAccessToken.count({ where: { appId: account.appId } })).toBe(1);
  });

  it(
    "makes exactly one token request for two app processes creating codes at the same moment",
    { timeout: 60_000 },
    async () => {
      const account = await accountOf(kind);
      const before = requests(tokenPath[kind]);
      const startAt = String(Date.now() + 4_000);
      const child = (scenes: number[]) =>
        run(join(process.cwd(), "node_modules", ".bin", "tsx"), ["tests/support/create-codes-process.ts"], {
          env: {
            ...process.env,
            QUDAO_TEST_DATABASE_CONFIG: JSON.stringify(inject("databaseConfig")),
            QUDAO_DATA_DIR: inject("dataDir"),
            QUDAO_PUBLIC_URL: app.server.url,
            LOG_LEVEL: "silent",
            ACCOUNT_ID: account.id,
            SCENES: scenes.join(","),
            START_AT: startAt,
          },
        });
      const outputs = await Promise.all([
        child([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        child([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]),
      ]);
      const results = outputs.map((output) => JSON.parse(output.stdout.trim().split("\n").at(-1) ?? "{}"));
      expect(results).toEqual([
        { created: 10, errors: [] },
        { created: 10, errors: [] },
      ]);
      expect(requests(tokenPath[kind]) - before).toBe(1);
      expect(await app.db.channel.count({ where: { accountId: account.id, ticket: { not: null } } })).toBe(20);
    },
  );
});

describe("the token holder", () => {
  it("waits for another instance's lease and uses the token it wrote, without fetching", async () => {
    const account = await accountOf("classic");
    await app.db.wechatAccessToken.create({
      data: { accountId: account.id, leaseOwner: "other-instance", leaseUntil: new Date(Date.now() + 10_000) },
    });
    const creating = createChannel({ accountId: account.id, name: "Waiting" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The other instance fetches, stores its token and releases the lease.
    const { appSecret } = await getAccountCredentials(account.id);
    const token = (await (
      await fetch(
        `${app.server.url}/sandbox/cgi-bin/token?grant_type=client_credential&appid=${account.appId}&secret=${appSecret}`,
      )
    ).json()) as { access_token: string };
    const before = requests("token");
    await app.db.wechatAccessToken.update({
      where: { accountId: account.id },
      data: {
        token: sealSecret(token.access_token),
        expiresAt: new Date(Date.now() + 7_000_000),
        leaseOwner: null,
        leaseUntil: null,
      },
    });
    expect((await creating).qr.ticket).toBeTruthy();
    expect(requests("token") - before).toBe(0);
  });

  it("takes over the lease of an instance that died while fetching", async () => {
    const account = await accountOf();
    await app.db.wechatAccessToken.create({
      data: { accountId: account.id, leaseOwner: "dead-instance", leaseUntil: new Date(Date.now() + 1_000) },
    });
    const before = requests("stable_token");
    const started = Date.now();
    expect((await createChannel({ accountId: account.id, name: "After the dead" })).qr.ticket).toBeTruthy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(requests("stable_token") - before).toBe(1);
  });

  it("drops a rejected token, fetches once and retries the call once", async () => {
    const account = await accountOf("classic");
    await app.db.wechatAccessToken.create({
      data: { accountId: account.id, token: sealSecret("revoked-token"), expiresAt: new Date(Date.now() + 7_000_000) },
    });
    const [tokens, creates] = [requests("token"), requests("qrcode/create")];
    expect((await createChannel({ accountId: account.id, name: "Retried" })).qr.ticket).toBeTruthy();
    expect([requests("token") - tokens, requests("qrcode/create") - creates]).toEqual([1, 2]);
    // Rejected again after the fresh token: surfaced, not retried in a loop.
    await addSandboxFault({ accountId: account.id, api: "qrcode/create", errcode: 40001, count: 5 });
    const creates2 = requests("qrcode/create");
    const error = await createdOrError(createChannel({ accountId: account.id, name: "Rejected twice" }));
    expect(error.code).toBe("upstream_error");
    expect(requests("qrcode/create") - creates2).toBe(2);
  });

  it("retries WeChat's busy answer (-1) with backoff", async () => {
    const account = await accountOf();
    await addSandboxFault({ accountId: account.id, api: "qrcode/create", errcode: -1, count: 2 });
    const creates = requests("qrcode/create");
    expect((await createChannel({ accountId: account.id, name: "Busy" })).qr.ticket).toBeTruthy();
    expect(requests("qrcode/create") - creates).toBe(3);
  });

  it.each([
    ["qrcode/create", 45009, "rate_limited", "daily API quota is used up"],
    ["qrcode/create", 45011, "rate_limited", "Too many API calls this minute"],
    ["stable_token", 45009, "rate_limited", "daily API quota is used up"],
    ["qrcode/create", 45029, "conflict", "used all 100 000 permanent QR codes"],
    ["qrcode/create", 40053, "conflict", "permanent code quota is used up"],
    ["qrcode/create", 48001, "forbidden", "only verified service accounts"],
    ["stable_token", 40164, "upstream_error", "IP whitelist"],
  ] as const)("surfaces %s errcode %i once, as %s with a readable message", async (api, errcode, code, message) => {
    const account = await accountOf();
    await addSandboxFault({ accountId: account.id, api, errcode, count: 5 });
    const calls = requests(api);
    const error = await createdOrError(createChannel({ accountId: account.id, name: "Refused" }));
    expect([error.code, error.message]).toEqual([code, expect.stringContaining(message)]);
    expect(requests(api) - calls).toBe(1);
    expect(await app.db.channel.count({ where: { accountId: account.id } })).toBe(0);
  });
});
