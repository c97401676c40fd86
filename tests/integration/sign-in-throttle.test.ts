// Sign-in throttling (issue 17, finding 1): 29 wrong passwords and then the right one got in, and
// unknown emails answered ten times faster than known ones. Now failures are counted per address
// and per email in the database, with growing waits (429 + Retry-After), and every answer costs
// one argon2 check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/passwords";
import { throttleKey, throttlePolicies } from "@/lib/auth/sign-in-throttle-rules";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { randomAlphanumeric, startTestApp, type TestApp } from "@/tests/support/test-app";

let app: TestApp;
const password = "correct horse battery";

beforeAll(async () => {
  // Addresses come from X-Forwarded-For, as behind one reverse proxy.
  process.env.QUDAO_TRUSTED_PROXIES = "1";
  app = await startTestApp();
});

afterAll(async () => {
  delete process.env.QUDAO_TRUSTED_PROXIES;
  await app.close();
});

async function newUser(): Promise<string> {
  const email = `throttle-${randomAlphanumeric(8).toLowerCase()}@example.com`;
  await app.db.user.create({ data: { email, passwordHash: await hashPassword(password) } });
  return email;
}

function randomIp(): string {
  return `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

function signIn(email: string, attempt: string, ip: string): Promise<Response> {
  return signInRoute(
    new Request("http://localhost/api/auth/sign-in", {
      method: "POST",
      headers: { origin: "http://localhost", "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ email, password: attempt }),
    }),
    { params: Promise.resolve({}) },
  );
}

async function expireWaits(): Promise<void> {
  await app.db.signInThrottle.updateMany({ data: { blockedUntil: new Date(Date.now() - 1000) } });
}

describe("sign-in throttling", () => {
  it("refuses the right password after 29 wrong ones from one address (the finding), with Retry-After", async () => {
    const email = await newUser();
    const ip = randomIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 29; attempt++)
      statuses.push((await signIn(email, `wrong guess ${attempt}`, ip)).status);
    expect(statuses.slice(0, throttlePolicies.ip.freeFailures)).toEqual(
      Array(throttlePolicies.ip.freeFailures).fill(401),
    );
    expect(statuses).toContain(429);

    const right = await signIn(email, password, ip);
    expect(right.status).toBe(429);
    expect(right.headers.get("set-cookie")).toBeNull();
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = await right.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Too many failed sign-ins\. Wait \d+ seconds?/);
  });

  it("slows an attacker who rotates addresses by the email's own, higher limit", async () => {
    const email = await newUser();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= throttlePolicies.email.freeFailures; attempt++) {
      statuses.push((await signIn(email, `wrong guess ${attempt}`, randomIp())).status);
    }
    expect(statuses.every((status) => status === 401)).toBe(true);
    const row = await app.db.signInThrottle.findUniqueOrThrow({ where: { key: throttleKey("email", email) } });
    expect(row.failures).toBe(throttlePolicies.email.freeFailures + 1);
    expect(row.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect((await signIn(email, password, randomIp())).status).toBe(429);
  });

  it("lets the owner in once the wait is over, and a success clears the email's count", async () => {
    const email = await newUser();
    for (let attempt = 0; attempt <= throttlePolicies.email.freeFailures; attempt++) {
      await signIn(email, `wrong guess ${attempt}`, randomIp());
    }
    expect((await signIn(email, password, randomIp())).status).toBe(429);
    await expireWaits();
    const response = await signIn(email, password, randomIp());
    expect(response.status).toBe(200);
    expect(await app.db.signInThrottle.findUnique({ where: { key: throttleKey("email", email) } })).toBeNull();
  });

  it("throttles unknown emails exactly like known ones", async () => {
    const unknown = `nobody-${randomAlphanumeric(8).toLowerCase()}@example.com`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= throttlePolicies.email.freeFailures + 1; attempt++) {
      statuses.push((await signIn(unknown, `wrong guess ${attempt}`, randomIp())).status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it("takes as long for an unknown email as for a known one (one argon2 check either way)", async () => {
    const email = await newUser();
    await signIn(`warm-${randomAlphanumeric(6).toLowerCase()}@example.com`, "wrong guess 0", randomIp());
    const timed = async (who: string) => {
      const started = performance.now();
      expect((await signIn(who, "wrong guess x", randomIp())).status).toBe(401);
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 5; round++) {
      known.push(await timed(email));
      unknown.push(await timed(`nobody-${randomAlphanumeric(8).toLowerCase()}@example.com`));
    }
    // Before: about 5 ms against 50 ms. Now both include the same argon2 verification.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
  });

  it("audits each failure with the count so far", async () => {
    const email = await newUser();
    const ip = randomIp();
    await signIn(email, "wrong guess 1", ip);
    await signIn(email, "wrong guess 2", ip);
    const rows = await app.db.auditLog.findMany({
      where: { action: "auth.sign_in_failed", actor: email },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.ip, JSON.parse(row.detail ?? "{}").failuresInARow])).toEqual([
      [ip, 1],
      [ip, 2],
    ]);
  });
});
