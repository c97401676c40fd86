// The raw events export reads on connections of its own (lib/reports/event-reader.ts; on
// PostgreSQL two, one slice read ahead): a client that goes away mid-export leaves none open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { getDatabaseConfig } from "@/lib/db/client";
import { readEventsCsv } from "@/lib/reports/event-reader";

let app: TestApp;
let accountId: string;
const start = new Date("2026-10-01T00:00:00.000Z");
const end = new Date("2026-11-01T00:00:00.000Z");

beforeAll(async () => {
  app = await startTestApp();
  accountId = (await createAccount({ ...sandboxAccountInput(app.server), name: "Export" })).id;
  const eventsPerDay = 500;
  const data = Array.from({ length: 31 * eventsPerDay }, (_, index) => ({
    accountId,
    openid: `o-${index}`,
    type: "scan",
    name: "scan",
    scene: "poster",
    occurredAt: new Date(start.getTime() + Math.floor((index * 86_400_000) / eventsPerDay)),
    dedupeKey: `k-${index}`,
  }));
  await app.db.event.createMany({ data });
});
afterAll(async () => {
  await app.close();
});

async function exportConnections(): Promise<number> {
  if (getDatabaseConfig().provider !== "postgresql") return 0;
  const [row] = await app.db.$queryRawUnsafe<{ open: bigint }[]>(
    `SELECT count(*) AS open FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT%' AND pid <> pg_backend_pid()`,
  );
  return Number(row!.open);
}

describe("the raw events export's connections", () => {
  it("reads every event of the range once, in order, across its slices", async () => {
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of readEventsCsv({
      accountId,
      start,
      end,
      channelIds: null,
      timeZone: "UTC",
      channelNames: new Map(),
    }))
      text += decoder.decode(chunk, { stream: true });
    const openids = text
      .split("\r\n")
      .filter(Boolean)
      .map((line) => line.split(",").at(-1));
    expect(openids).toEqual(Array.from({ length: 31 * 500 }, (_, index) => `o-${index}`));
  });

  it("closes them when the reader stops after the first chunk", async () => {
    const lines = readEventsCsv({ accountId, start, end, channelIds: null, timeZone: "UTC", channelNames: new Map() });
    expect((await lines.next()).done).toBe(false);
    await lines.return(undefined);
    await expect.poll(exportConnections, { timeout: 5_000 }).toBe(0);
  });
});
