// The job worker of this process: started once by instrumentation.ts when the Next server
// starts, polls for due jobs, and can be kicked to run at once (right after a push that queued
// work, so a follower is tagged within moments, not at the next poll).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { log } from "@/lib/log";
import { pruneCompletedJobs, runDueJobs } from "@/lib/jobs/run-jobs";
import { purgeExpiredSessions } from "@/lib/auth/sessions";
import { purgeStaleSignInThrottles } from "@/lib/auth/sign-in-throttle";

const pollMs = 3_000;
/** Housekeeping: completed jobs and ended sessions are removed hourly. */
const pruneEveryMs = 3_600_000;

interface WorkerState {
  workerId: string;
  timer: NodeJS.Timeout | null;
  round: Promise<void> | null;
  isKickPending: boolean;
  lastPruneAt: number;
}

// On globalThis: Next's dev reloads re-evaluate modules, and a second worker must not start.
const holder = globalThis as typeof globalThis & { __qudaoJobWorker?: WorkerState };

function state(): WorkerState {
  holder.__qudaoJobWorker ??= {
    workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    timer: null,
    round: null,
    isKickPending: false,
    lastPruneAt: 0,
  };
  return holder.__qudaoJobWorker;
}

export function startJobWorker(): void {
  const worker = state();
  if (worker.timer) return;
  worker.timer = setInterval(kickJobWorker, pollMs);
  worker.timer.unref();
  log.info({ workerId: worker.workerId }, "job worker started");
  // Work left by a process that died after answering WeChat is due now (or when its lease ends).
  kickJobWorker();
}

export async function stopJobWorker(): Promise<void> {
  const worker = state();
  if (worker.timer) clearInterval(worker.timer);
  worker.timer = null;
  await worker.round;
}

/** Runs due jobs now, unless a round is already running here (then it runs once more after it). */
export function kickJobWorker(): void {
  const worker = state();
  if (!worker.timer) return;
  if (worker.round) {
    worker.isKickPending = true;
    return;
  }
  worker.round = runRounds(worker).finally(() => {
    worker.round = null;
  });
}

async function runRounds(worker: WorkerState): Promise<void> {
  try {
    do {
      worker.isKickPending = false;
      while ((await runDueJobs({ workerId: worker.workerId })) > 0 && worker.timer) {
        // A full round may have left more due jobs: keep going until none is due.
      }
    } while (worker.isKickPending && worker.timer);
    if (Date.now() - worker.lastPruneAt > pruneEveryMs) {
      worker.lastPruneAt = Date.now();
      await pruneCompletedJobs();
      await purgeExpiredSessions();
      await purgeStaleSignInThrottles();
    }
  } catch (error) {
    log.error({ err: error }, "job worker round failed");
  }
}
