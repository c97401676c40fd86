// writeLater's contract (lib/db/ingest/sql-runner.ts), the same on SQLite and PostgreSQL: a write
// travels with the next statement, which does not see it; the statements after it do; what is
// still held at the end is committed; a write that fails fails its transaction. A rule that read
// back its own write would otherwise pass on one database and break on the other.
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

function newAccountId(): string {
  return `acct_${randomBytes(6).toString("hex")}`;
}

function insertScannerDay(accountId: string, openid: string): Prisma.Sql {
  return Prisma.sql`INSERT INTO "ScannerDay" ("accountId", "scene", "day", "openid") VALUES (${accountId}, 's', ${day}, ${openid})`;
}

async function countInTransaction(sql: SqlRunner, accountId: string): Promise<number> {
  const [row] = await sql.query<{ n: number | bigint }>(
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "ScannerDay" WHERE "accountId" = ${accountId}`,
  );
  return Number(row!.n);
}

async function storedOpenids(accountId: string): Promise<string[]> {
  const rows = await getDb().scannerDay.findMany({ where: { accountId }, orderBy: { openid: "asc" } });
  return rows.map((row) => row.openid);
}

describe("writeLater", () => {
  it("is not seen by the next statement, is seen by the one after, and is committed", async () => {
    const accountId = newAccountId();

    const counts = await inIngestTransaction(
      async (sql) => {
        await sql.writeLater(insertScannerDay(accountId, "o1"));
        await sql.writeLater(insertScannerDay(accountId, "o2"));
        const next = await countInTransaction(sql, accountId);
        const after = await countInTransaction(sql, accountId);
        return { next, after };
      },
      { lockKey: `${accountId}|o1` },
    );

    expect(counts).toEqual({ next: 0, after: 2 });
    expect(await storedOpenids(accountId)).toEqual(["o1", "o2"]);
  });

  it("is not seen by a next statement that has a WITH of its own either", async () => {
    const accountId = newAccountId();

    const counts = await inIngestTransaction(
      async (sql) => {
        await sql.writeLater(insertScannerDay(accountId, "o1"));
        const [next] = await sql.query<{ n: number | bigint }>(Prisma.sql`
          WITH mine AS (SELECT "openid" FROM "ScannerDay" WHERE "accountId" = ${accountId})
          SELECT COUNT(*) AS "n" FROM mine`);
        return { next: Number(next!.n), after: await countInTransaction(sql, accountId) };
      },
      { lockKey: `${accountId}|o1` },
    );

    expect(counts).toEqual({ next: 0, after: 1 });
  });

  it("is committed when nothing follows it, also without a lock key", async () => {
    const accountId = newAccountId();

    await inIngestTransaction(async (sql) => {
      await sql.writeLater(insertScannerDay(accountId, "o1"));
    });

    expect(await storedOpenids(accountId)).toEqual(["o1"]);
  });

  it("fails its transaction when it fails, and the transaction's other writes with it", async () => {
    const accountId = newAccountId();
    await getDb().scannerDay.create({ data: { accountId, scene: "s", day, openid: "o1" } });

    const outcome = inIngestTransaction(
      async (sql) => {
        await sql.execute(insertScannerDay(accountId, "o2"));
        // The same key as the row above: fails with the next statement, or at the end.
        await sql.writeLater(insertScannerDay(accountId, "o1"));
        await countInTransaction(sql, accountId);
      },
      { lockKey: `${accountId}|o2` },
    );

    await expect(outcome).rejects.toThrow();
    expect(await storedOpenids(accountId)).toEqual(["o1"]);
  });
});
