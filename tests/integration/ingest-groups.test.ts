// Transactions on the ingest connection that arrive together share a commit
// (lib/db/ingest/groups.ts): on SQLite each in a savepoint, on PostgreSQL in one transaction whose
// statements are pipelined, run again one by one when any fails. Either way each commits or
// fails alone, transactions of one lock key run in order, and counters are summed exactly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { getDb, Prisma } from "@/lib/db/client";
import { inIngestTransaction, type SqlRunner } from "@/lib/db/ingest/connection";
import { startTestApp, type TestApp } from "@/tests/support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const day = "2026-11-24";

/** A scanner-day row of the transaction's own and one to the day's shared total. */
async function countScanner(sql: SqlRunner, accountId: string, openid: string, scene = "s"): Promise<void> {
  await sql.writeLater(
    Prisma.sql`INSERT INTO "ScannerDay" ("accountId", "scene", "day", "openid") VALUES (${accountId}, ${scene}, ${day}, ${openid})`,
  );
  await sql.addToCounters("ScannerDayTotal", [
    { key: { accountId, scene, day }, counters: { scanners: 1, firstTimeScanners: 1 } },
  ]);
}

async function scannerRows(accountId: string) {
  const db = getDb();
  const rows = await db.scannerDay.findMany({
    where: { accountId },
    orderBy: [{ scene: "asc" }, { openid: "asc" }],
    select: { scene: true, openid: true },
  });
  const total = await db.scannerDayTotal.findUnique({ where: { accountId_scene_day: { accountId, scene: "s", day } } });
  return { rows, total: total && { scanners: total.scanners, firstTimeScanners: total.firstTimeScanners } };
}

describe("ingest transactions in groups", () => {
  it("commit together, and one that fails rolls back alone", async () => {
    const accountId = `acct_${randomBytes(6).toString("hex")}`;
    const openids = Array.from({ length: 12 }, (_, index) => `o${String(index).padStart(2, "0")}`);
    const outcomes = await Promise.allSettled(
      openids.map((openid) =>
        inIngestTransaction(
          async (sql) => {
            await countScanner(sql, accountId, openid);
            // A statement after the writes: they travel with it on PostgreSQL, and are undone with it.
            await sql.query(Prisma.sql`SELECT COUNT(*) AS "n" FROM "ScannerDay" WHERE "accountId" = ${accountId}`);
            if (openid === "o05") throw new Error("this push fails");
            return openid;
          },
          { lockKey: `${accountId}|${openid}` },
        ),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(
      openids.map((openid) => (openid === "o05" ? "rejected" : "fulfilled")),
    );
    expect((outcomes[5] as PromiseRejectedResult).reason).toMatchObject({ message: "this push fails" });
    const stored = await scannerRows(accountId);
    expect(stored.rows.map((row) => row.openid)).toEqual(openids.filter((openid) => openid !== "o05"));
    expect(stored.total).toEqual({ scanners: 11, firstTimeScanners: 11 });
  });

  it("run the transactions of one lock key in order, each reading what the one before wrote", async () => {
    const accountId = `acct_${randomBytes(6).toString("hex")}`;
    const lockKey = `${accountId}|o1`;
    // Each writes a row named after the number of rows it reads: run side by side, they would all
    // read the same number.
    const scenes = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        inIngestTransaction(
          async (sql) => {
            const [row] = await sql.query<{ n: number | bigint }>(
              Prisma.sql`SELECT COUNT(*) AS "n" FROM "ScannerDay" WHERE "accountId" = ${accountId}`,
            );
            const scene = `s${Number(row!.n)}`;
            await countScanner(sql, accountId, `o1-${index}`, scene);
            return scene;
          },
          { lockKey },
        ),
      ),
    );
    expect(scenes).toEqual(["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"]);
    expect((await scannerRows(accountId)).rows).toHaveLength(8);
  });

  it("sum every transaction's additions to a counter row, also when they take it down", async () => {
    const accountId = `acct_${randomBytes(6).toString("hex")}`;
    const key = { accountId, scene: "s", day, previousDay: "2026-11-01" };
    await Promise.all(
      [1, 1, 1, -1, 1].map((scanners, index) =>
        inIngestTransaction((sql) => sql.addToCounters("ScannerReturn", [{ key, counters: { scanners } }]), {
          lockKey: `${accountId}|o${index}`,
        }),
      ),
    );
    expect((await getDb().scannerReturn.findMany({ where: { accountId } })).map((row) => row.scanners)).toEqual([3]);
    // A row taken down to zero is deleted, as if it had never been counted.
    await Promise.all(
      [-1, -1, -1].map((scanners, index) =>
        inIngestTransaction((sql) => sql.addToCounters("ScannerReturn", [{ key, counters: { scanners } }]), {
          lockKey: `${accountId}|o${index}`,
        }),
      ),
    );
    expect(await getDb().scannerReturn.findMany({ where: { accountId } })).toEqual([]);
  });
});
