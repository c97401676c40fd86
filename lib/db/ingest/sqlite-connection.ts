// The ingest connection on SQLite (connection.ts): better-sqlite3 on the ingest thread,
// one writer, group commit with a savepoint per transaction and the group's counters summed.
import Sqlite from "better-sqlite3";
import { sqliteCachePragma, sqliteMmapPragma } from "@/lib/db/config";
import { restartWal, startCheckpointer } from "@/lib/db/sqlite-checkpointer";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { IngestConnection, SqlRunner } from "@/lib/db/ingest/sql-runner";
import { groupQueue, type PendingWork } from "@/lib/db/ingest/groups";
import { CounterSums } from "@/lib/db/ingest/counter-sums";

// How long a push waits for another writer (the job worker, a seed) before it is refused with
// an error and WeChat retries it.
const writeLockWaitMs = 5_000;

/** At most this many pushes share a commit, so none waits long behind the others. */
const maxGroupSize = 64;

export function sqliteConnection(key: string, filePath: string): IngestConnection {
  // No busy timeout: waiting inside the driver would block the event loop. BEGIN IMMEDIATE is
  // retried asynchronously instead; once it succeeds this connection holds the write lock.
  const db = new Sqlite(filePath, { timeout: 0 });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`cache_size = ${sqliteCachePragma}`);
  db.pragma(`mmap_size = ${sqliteMmapPragma}`);
  // Checkpoints copy the WAL back into a file of many gigabytes: in a worker thread, never on the
  // thread that stores pushes (sqlite-checkpointer.ts), which only starts the WAL over when told.
  let isRestartDue = false;
  const checkpointer = startCheckpointer(filePath, { onRestartDue: () => (isRestartDue = true) });
  if (checkpointer) db.pragma("wal_autocheckpoint = 0");
  const statements = new Map<string, Sqlite.Statement>();
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };
  const toValue = (value: unknown) =>
    value instanceof Date
      ? value.toISOString().replace("Z", "+00:00")
      : typeof value === "boolean"
        ? value
          ? 1
          : 0
        : value === undefined
          ? null
          : value;
  // Transaction control, prepared once (exec would parse it on every push).
  const control = {
    savepoint: db.prepare("SAVEPOINT push"),
    release: db.prepare("RELEASE push"),
    rollbackTo: db.prepare("ROLLBACK TO push"),
    commit: db.prepare("COMMIT"),
  };
  // A push's counters, kept apart until its savepoint is released: then they join the group's,
  // which are written once, before the commit (a row many pushes add to is written once).
  const pushSums = new CounterSums();
  const groupSums = new CounterSums();
  const run = (sql: Prisma.Sql) => prepare(sql.sql).run(sql.values.map(toValue));
  // writeLater's writes, run right after the next statement so that it does not see them: the
  // contract PostgreSQL's WITH gives (sql-runner.ts). Holding them costs nothing here, but running
  // them at once would let a rule read back its own write on SQLite and not on PostgreSQL.
  let later: Prisma.Sql[] = [];
  const runLater = () => {
    const writes = later;
    later = [];
    for (const write of writes) run(write);
  };
  const withLaterAfter = <T>(statement: () => T): T => {
    const result = statement();
    runLater();
    return result;
  };
  const runner: SqlRunner = {
    async query<Row>(sql: Prisma.Sql) {
      return withLaterAfter(() => {
        const statement = prepare(sql.sql);
        const values = sql.values.map(toValue);
        if (statement.reader) return statement.all(values) as Row[];
        statement.run(values);
        return [];
      });
    },
    async execute(sql) {
      return withLaterAfter(() => run(sql).changes);
    },
    async writeLater(sql) {
      later.push(sql);
    },
    async addToCounters(table, additions) {
      pushSums.add(table, additions);
    },
  };
  const writeCounters = () => {
    const { upserts, deletions } = groupSums.takeWrites();
    for (const write of [...upserts, ...deletions]) run(write);
  };
  // Each transaction of a group in its own savepoint: one that fails rolls back alone, its
  // counters with it. The commit's fsync holds the thread (the driver is synchronous): once per group.
  const runGroup = async (group: PendingWork[]) => {
    await beginImmediate(db);
    const outcomes: (() => void)[] = [];
    for (const item of group) {
      control.savepoint.run();
      try {
        const result = await item.work(runner);
        // Its last writes are its own: they fail, or are undone, with it.
        runLater();
        control.release.run();
        groupSums.absorb(pushSums);
        outcomes.push(() => item.resolve(result));
      } catch (error) {
        later = [];
        pushSums.clear();
        control.rollbackTo.run();
        control.release.run();
        outcomes.push(() => item.reject(error));
      }
    }
    try {
      writeCounters();
      control.commit.run();
    } catch (error) {
      groupSums.clear();
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
    for (const settle of outcomes) settle();
    if (isRestartDue) {
      isRestartDue = false;
      restartWal(db);
    }
  };
  const queue = groupQueue(runGroup, maxGroupSize);
  return {
    key,
    transaction: (work) => queue.enqueue(work),
    async close() {
      await queue.close();
      db.close();
      await checkpointer?.stop();
    },
  };
}

async function beginImmediate(db: Sqlite.Database): Promise<void> {
  const deadline = Date.now() + writeLockWaitMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
    try {
      db.exec("BEGIN IMMEDIATE");
      return;
    } catch (error) {
      const isBusy = error instanceof Sqlite.SqliteError && error.code.startsWith("SQLITE_BUSY");
      if (!isBusy || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
