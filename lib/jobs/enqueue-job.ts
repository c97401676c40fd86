// Adds a job in the caller's transaction: the work is recorded together with the change that
// asks for it, or not at all.
import { getDialect, Prisma, type Transaction } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/ingest/connection";
import type { JobKind } from "@/lib/jobs/job-types";

export async function enqueueJob(
  tx: Transaction,
  job: { kind: JobKind; payload: unknown; uniqueKey?: string; runAt?: Date },
): Promise<void> {
  await tx.job.create({
    data: {
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      uniqueKey: job.uniqueKey ?? null,
      ...(job.runAt ? { runAt: job.runAt } : {}),
    },
  });
}

/** enqueueJob for the ingest transaction, which runs on the database driver (lib/db/ingest/connection.ts). */
export async function enqueueJobSql(
  sql: SqlRunner,
  job: { kind: JobKind; payload: unknown; uniqueKey?: string; runAt?: Date },
): Promise<void> {
  const now = new Date();
  await sql.execute(Prisma.sql`
    INSERT INTO "Job" ("kind", "payload", "uniqueKey", "runAt", "attempts", "createdAt")
    VALUES (${job.kind}, ${JSON.stringify(job.payload)}, ${job.uniqueKey ?? null}, ${getDialect().instant(job.runAt ?? now)}, 0, ${getDialect().instant(now)})`);
}
