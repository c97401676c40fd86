// Adds a job in the caller's transaction: the work is recorded together with the change that
// asks for it, or not at all.
import type { Transaction } from "@/lib/db/client";
import type { JobKind } from "@/lib/jobs/job-types";

export async function enqueueJob(tx: Transaction, job: { kind: JobKind; payload: unknown; uniqueKey?: string; runAt?: Date }): Promise<void> {
  await tx.job.create({
    data: { kind: job.kind, payload: JSON.stringify(job.payload), uniqueKey: job.uniqueKey ?? null, ...(job.runAt ? { runAt: job.runAt } : {}) },
  });
}
