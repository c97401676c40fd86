// Finding 7, second half: with QUDAO_SANDBOX=off (a server on the public internet) the built-in
// WeChat emulator is gone — its WeChat routes and its /api/sandbox routes answer 404, and no
// sandbox account is created. On (the default, for the quick start) they answer as before.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { inject } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { sandboxAccountInput, startTestApp, type TestApp } from "@/tests/support/test-app";
import { accountCreateSchema } from "@/lib/schemas/accounts";
import { callRoute } from "@/tests/support/call-route";
import { createApiKey } from "@/lib/auth/api-keys";
import { ensureBuiltInSandboxAccount } from "@/lib/sandbox/built-in-account";
import { POST as postSandboxApp } from "@/app/api/accounts/sandbox-app/route";
import { POST as postScan } from "@/app/api/sandbox/scan/route";
import { GET as getFaults } from "@/app/api/sandbox/faults/route";

let app: TestApp;
let adminKey: string;
beforeAll(async () => {
  app = await startTestApp();
  adminKey = (await createApiKey({ name: `sandbox-off-${randomBytes(3).toString("hex")}`, role: "admin" })).key;
});
afterEach(() => {
  delete process.env.QUDAO_SANDBOX;
  resetEnvForTests();
});
afterAll(async () => {
  await app.close();
});

function setSandbox(value: "on" | "off"): void {
  process.env.QUDAO_SANDBOX = value;
  resetEnvForTests();
}

const emulatorCalls = [
  ["POST", "/sandbox/cgi-bin/stable_token"],
  ["GET", "/sandbox/cgi-bin/token?grant_type=client_credential&appid=wx0&secret=x"],
  ["POST", "/sandbox/cgi-bin/qrcode/create?access_token=x"],
  ["GET", "/sandbox/cgi-bin/showqrcode?ticket=x"],
  ["POST", "/sandbox/cgi-bin/tags/create?access_token=x"],
  ["GET", "/sandbox/cgi-bin/tags/get?access_token=x"],
  ["POST", "/sandbox/cgi-bin/tags/members/batchtagging?access_token=x"],
] as const;

/** Each call's status and body: off, the wrapper's own 404 ("Not found"), never the emulator's answer. */
async function emulatorAnswers(): Promise<string[]> {
  const answers: string[] = [];
  for (const [method, path] of emulatorCalls) {
    const response = await fetch(`${app.server.url}${path}`, {
      method,
      headers: method === "POST" ? { "content-type": "application/json" } : undefined,
      body: method === "POST" ? "{}" : undefined,
    });
    answers.push(`${response.status} ${(await response.text()).slice(0, 20)}`);
  }
  return answers;
}

describe("QUDAO_SANDBOX", () => {
  it("off: the emulator's WeChat routes answer 404", async () => {
    setSandbox("off");
    expect(await emulatorAnswers()).toEqual(emulatorCalls.map(() => "404 Not found"));
  });

  it("on (the default): the emulator answers as WeChat does (HTTP 200 with an errcode)", async () => {
    const answers = await emulatorAnswers();
    expect(answers.filter((answer) => answer === "404 Not found")).toEqual([]);
    expect(answers.filter((answer) => answer.startsWith('200 {"errcode"'))).toHaveLength(emulatorCalls.length - 1);
    expect(answers[3]).toBe("404 ticket not found"); // showqrcode: an unknown ticket, as WeChat answers it
  });

  it("off: the sandbox API routes answer 404, whoever asks", async () => {
    setSandbox("off");
    const app = await callRoute(postSandboxApp, "/api/accounts/sandbox-app", { key: adminKey, method: "POST" });
    expect(app.status).toBe(404);
    const scan = await callRoute(postScan, "/api/sandbox/scan", { key: adminKey, body: { channelId: "c" } });
    expect(scan.status).toBe(404);
    const faults = await callRoute(getFaults, "/api/sandbox/faults?accountId=a", { key: adminKey });
    expect(faults.status).toBe(404);
    // Anonymous too: nothing says the route exists.
    const anonymous = await postSandboxApp(
      new Request("http://localhost/api/accounts/sandbox-app", { method: "POST" }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(anonymous.status).toBe(404);
  });

  it("off: a sandbox account's own server URL is refused as an API base, and none is created", async () => {
    setSandbox("off");
    const input = sandboxAccountInput(app.server);
    const refused = accountCreateSchema.safeParse(input);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["apiBaseUrl"]);
    expect(refused.error?.issues[0]?.message).not.toContain("/sandbox");
    await expect(ensureBuiltInSandboxAccount()).rejects.toThrow(/QUDAO_SANDBOX=off/);
  });

  // PostgreSQL only: on SQLite this test process holds the database file open, and the CLI's
  // migration step waits on its lock.
  it.runIf(inject("databaseConfig").provider === "postgresql")(
    "off: `npm run cli -- bootstrap` creates no sandbox account",
    async () => {
      const config = inject("databaseConfig");
      const databaseUrl =
        config.provider === "sqlite"
          ? `file:${config.filePath}`
          : `${config.url}${config.url.includes("?") ? "&" : "?"}schema=${config.schema}`;
      const before = await app.db.account.count({ where: { isBuiltInSandbox: true } });
      const output = execFileSync(join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/cli.ts", "bootstrap"], {
        env: { ...process.env, DATABASE_URL: databaseUrl, QUDAO_SANDBOX: "off", LOG_LEVEL: "silent" },
        encoding: "utf8",
      });
      expect(output).toContain("QUDAO_SANDBOX=off");
      expect(await app.db.account.count({ where: { isBuiltInSandbox: true } })).toBe(before);
    },
  );
});
