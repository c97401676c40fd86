// First run (issue 17, finding 7): /api/auth/setup was open to anyone until the first user
// existed, and two racing requests could both create a first user. Now it needs the one-time
// token `npm start` prints (or QUDAO_SETUP_TOKEN), and the first owner is created atomically.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { POST as setupRoute } from "@/app/api/auth/setup/route";
import { randomAlphanumeric, startTestApp, type TestApp } from "@/tests/support/test-app";
import { forgetAllUsers, issueSetupToken } from "@/tests/support/setup-token";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

beforeEach(async () => {
  await forgetAllUsers();
});

afterAll(async () => {
  delete process.env.QUDAO_SETUP_TOKEN;
  resetEnvForTests();
  await app.close();
});

function setUp(setupToken: string | undefined, email = `owner-${randomAlphanumeric(6).toLowerCase()}@example.com`) {
  return setupRoute(
    new Request("http://localhost/api/auth/setup", {
      method: "POST",
      headers: { origin: "http://localhost", "content-type": "application/json" },
      body: JSON.stringify({ email, password: "correct horse battery", ...(setupToken ? { setupToken } : {}) }),
    }),
    { params: Promise.resolve({}) },
  );
}

describe("first-run setup", () => {
  it("is refused without the setup token, or with a wrong or expired one, and creates nobody", async () => {
    expect((await setUp(undefined)).status).toBe(422);
    const wrong = await setUp("qdsetup_not-the-token");
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe("forbidden");
    const token = await issueSetupToken();
    await app.db.setupToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await setUp(token)).status).toBe(403);
    expect(await app.db.user.count()).toBe(0);
  });

  it("creates the owner with the printed token, signs them in, and the token is spent", async () => {
    const token = await issueSetupToken();
    const response = await setUp(token);
    expect(response.status).toBe(201);
    expect((await response.json()).role).toBe("owner");
    expect(response.headers.get("set-cookie")).toMatch(/^qudao_session=/);
    expect(await app.db.setupToken.count()).toBe(0);
    expect((await setUp(token)).status).toBe(409);
  });

  it("accepts QUDAO_SETUP_TOKEN for automation", async () => {
    process.env.QUDAO_SETUP_TOKEN = `preset-${randomAlphanumeric(24)}`;
    resetEnvForTests();
    expect((await setUp("preset-but-wrong-token-value")).status).toBe(403);
    expect((await setUp(process.env.QUDAO_SETUP_TOKEN)).status).toBe(201);
    delete process.env.QUDAO_SETUP_TOKEN;
    resetEnvForTests();
  });

  it("lets exactly one of many racing requests become the first owner", async () => {
    const token = await issueSetupToken();
    const responses = await Promise.all(Array.from({ length: 6 }, () => setUp(token)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 201 && status !== 409 && status !== 403)).toEqual([]);
    expect(await app.db.user.count()).toBe(1);
    expect(await app.db.firstOwner.count()).toBe(1);
  });
});
