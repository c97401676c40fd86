// Group commit for the ingest connections: transactions that arrive while a group is being
// written wait and share the next group's commit. A commit waits for the disk (the WAL's fsync)
// and, on PostgreSQL, costs a round trip and the backend's commit work: once per group, not once
// per push. Each connection decides what a group is (sqlite-connection.ts, postgres-connection.ts).
import type { SqlRunner } from "@/lib/db/ingest/sql-runner";

export interface PendingWork {
  work: (sql: SqlRunner) => Promise<unknown>;
  /** TransactionOptions.lockKey of the work. */
  lockKey?: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupQueue {
  enqueue<T>(work: (sql: SqlRunner) => Promise<T>, lockKey?: string): Promise<T>;
  /** Waits until every queued transaction is written. */
  close(): Promise<void>;
}

/**
 * Runs the queued work in groups of at most `maxGroupSize`, one group at a time. `runGroup`
 * settles every item of its group.
 */
export function groupQueue(runGroup: (group: PendingWork[]) => Promise<void>, maxGroupSize: number): GroupQueue {
  const pending: PendingWork[] = [];
  let running: Promise<void> | null = null;
  const drain = async () => {
    while (pending.length > 0) {
      const group = pending.splice(0, maxGroupSize);
      await runGroup(group).catch((error: unknown) => {
        for (const item of group) item.reject(error);
      });
    }
  };
  const schedule = () => {
    // The work that arrives meanwhile (setImmediate: after this round of I/O) joins the group.
    running ??= new Promise<void>((done) => setImmediate(done)).then(drain).finally(() => {
      running = null;
      if (pending.length > 0) schedule();
    });
  };
  return {
    enqueue<T>(work: (sql: SqlRunner) => Promise<T>, lockKey?: string) {
      return new Promise<T>((resolve, reject) => {
        pending.push({ work, lockKey, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    async close() {
      while (running) await running;
    },
  };
}
