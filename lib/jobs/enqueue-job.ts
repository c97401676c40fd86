// Adds a job in the caller's transaction: the work is recorded together with the change that
// asks for it, or not at all. Written once, on the ingest connection (lib/db/ingest/connection.ts),
// where a push's jobs are added; code outside a push runs it in an inIngestTransaction of its own.
import { getDialect, Prisma } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/ingest/connection";
import type { JobKind } from "@/lib/jobs/job-types";

export async function enqueueJob(
  sql: SqlRunner,
  job: { kind: JobKind; payload: unknown; uniqueKey?: string; runAt?: Date },
): Promise<void> {
  const now = new Date();
  await sql.execute(Prisma.sql`
    INSERT INTO "Job" ("kind", "payload", "uniqueKey", "runAt", "attempts", "createdAt")
    VALUES (${job.kind}, ${JSON.stringify(job.payload)}, ${job.uniqueKey ?? null}, ${getDialect().instant(job.runAt ?? now)}, 0, ${getDialect().instant(now)})`);
}
