// One round of the job worker: claim due jobs, run them grouped by handler and batch key, and
// record each outcome. A claim is a lease (lockedBy, lockedUntil): several app instances never
// run the same job at once, and a job whose runner died is claimed again when its lease ends.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import type { Job } from "@/lib/db/generated/sqlite/client";
import { jobHandlers } from "@/lib/jobs/job-handlers";
import { jobKinds, type JobHandler, type JobKind, type JobOutcome } from "@/lib/jobs/job-types";
import { nextRunAt } from "@/lib/jobs/retry-schedule";

export const jobLeaseMs = 120_000;
const defaultClaimLimit = 200;

export async function runDueJobs(options: { workerId: string; limit?: number }): Promise<number> {
  const claim = `${options.workerId}/${randomUUID()}`;
  const jobs = await claimDueJobs(claim, options.limit ?? defaultClaimLimit);
  for (const batch of batchesOf(jobs)) await runBatch(claim, batch);
  return jobs.length;
}

async function claimDueJobs(claim: string, limit: number): Promise<Job[]> {
  const db = getDb();
  const now = new Date();
  const isClaimable = {
    completedAt: null,
    runAt: { lte: now },
    OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
  };
  const candidates = await db.job.findMany({
    where: isClaimable,
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  // The WHERE is checked again by the UPDATE itself, so a job another instance claimed in
  // between is left out rather than taken twice.
  await db.job.updateMany({
    where: { id: { in: candidates.map((job) => job.id) }, ...isClaimable },
    data: { lockedBy: claim, lockedUntil: new Date(now.getTime() + jobLeaseMs), attempts: { increment: 1 } },
  });
  return db.job.findMany({ where: { lockedBy: claim, completedAt: null }, orderBy: { id: "asc" } });
}

interface Batch {
  handler: JobHandler<unknown> | undefined;
  jobs: { job: Job; payload: unknown }[];
}

function batchesOf(jobs: Job[]): Batch[] {
  const groups = new Map<string, Batch>();
  const batches: Batch[] = [];
  for (const job of jobs) {
    const handler = isJobKind(job.kind) ? jobHandlers[job.kind] : undefined;
    const parsed = handler ? handler.payloadSchema.safeParse(safeJson(job.payload)) : undefined;
    if (!handler || !parsed?.success) {
      batches.push({ handler: undefined, jobs: [{ job, payload: null }] });
      continue;
    }
    const key = `${job.kind}\n${handler.batchKeyOf(parsed.data)}`;
    let group = groups.get(key);
    if (!group || group.jobs.length >= handler.maxBatchSize) {
      group = { handler, jobs: [] };
      groups.set(key, group);
      batches.push(group);
    }
    group.jobs.push({ job, payload: parsed.data });
  }
  return batches;
}

async function runBatch(claim: string, batch: Batch): Promise<void> {
  let outcomes: JobOutcome[];
  if (!batch.handler) {
    outcomes = batch.jobs.map(() => ({ status: "failed", error: "Unknown job kind or unreadable payload" }));
  } else {
    try {
      outcomes = await batch.handler.run(batch.jobs.map((entry) => entry.payload));
    } catch (error) {
      log.error({ err: error, kind: batch.jobs[0]?.job.kind }, "job handler threw");
      outcomes = batch.jobs.map(() => ({
        status: "retry",
        error: error instanceof Error ? error.message : String(error),
      }));
    }
  }
  await Promise.all(
    batch.jobs.map(({ job }, index) =>
      recordOutcome(claim, job, outcomes[index] ?? { status: "retry", error: "No outcome" }),
    ),
  );
}

async function recordOutcome(claim: string, job: Job, outcome: JobOutcome): Promise<void> {
  const released = { lockedBy: null, lockedUntil: null };
  let data;
  if (outcome.status === "done") {
    data = { ...released, completedAt: new Date(), lastError: null };
  } else {
    const runAt = outcome.status === "retry" ? nextRunAt(outcome, job.attempts) : null;
    if (outcome.status === "failed" || !runAt)
      log.warn({ jobId: job.id, kind: job.kind, error: outcome.error }, "job gave up");
    data = runAt
      ? { ...released, runAt, lastError: outcome.error }
      : { ...released, completedAt: new Date(), lastError: outcome.error };
  }
  // Only while our claim stands: if the lease ran out and another worker took the job, its
  // outcome is the one that counts.
  await getDb().job.updateMany({ where: { id: job.id, lockedBy: claim }, data });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Completed jobs are kept a week for the record, then deleted. */
export async function pruneCompletedJobs(olderThanMs = 7 * 86_400_000): Promise<number> {
  const { count } = await getDb().job.deleteMany({
    where: { completedAt: { lt: new Date(Date.now() - olderThanMs) } },
  });
  return count;
}

function isJobKind(kind: string): kind is JobKind {
  return (jobKinds as readonly string[]).includes(kind);
}
