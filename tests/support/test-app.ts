// Points the app at the run's database and a route server, and makes the rows a test needs.
import { inject } from "vitest";
import { randomBytes } from "node:crypto";
import { resetEnvForTests } from "@/lib/env";
import { switchDatabaseForTests, type Database } from "@/lib/db/client";
import { startRouteServer, type RouteServer } from "@/tests/support/route-server";

export interface TestApp {
  db: Database;
  server: RouteServer;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  const server = await startRouteServer();
  process.env.QUDAO_PUBLIC_URL = server.url;
  process.env.QUDAO_DATA_DIR = inject("dataDir");
  process.env.LOG_LEVEL = "silent";
  resetEnvForTests();
  const db = await switchDatabaseForTests(inject("databaseConfig"));
  return { db, server, close: () => server.close() };
}

export function randomAlphanumeric(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join("");
}

/** A sandbox account of the test's own (each test its own rows). */
export function sandboxAccountInput(
  server: RouteServer,
  overrides: { mode?: "plaintext" | "compatible" | "safe"; timezone?: string } = {},
) {
  return {
    name: `Test ${randomAlphanumeric(6)}`,
    appId: `wx${randomBytes(8).toString("hex")}`,
    appSecret: randomBytes(16).toString("hex"),
    token: randomAlphanumeric(16),
    encodingAESKey: randomAlphanumeric(43),
    mode: overrides.mode ?? "safe",
    originalId: `gh_${randomBytes(6).toString("hex")}`,
    timezone: overrides.timezone ?? "Asia/Shanghai",
    apiBaseUrl: `${server.url}/sandbox`,
  } as const;
}
