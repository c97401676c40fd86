// The connection the webhook's ingest transaction runs on (on the ingest thread: ingest-thread.ts):
// the database driver itself (better-sqlite3, pg), not Prisma. A push runs about fifteen small
// statements; through Prisma each costs 0.08 ms (raw) to 0.37 ms (model API) of the thread,
// straight through the driver a few microseconds on SQLite. The statements are Prisma.sql
// templates, the same for both databases; values are sent as Prisma stores them (DateTime as
// ISO text on SQLite, as a UTC timestamp on PostgreSQL), so Prisma reads these rows unchanged.
import Sqlite from "better-sqlite3";
import pg from "pg";
import { getDatabaseConfig, Prisma } from "@/lib/db/client";
import { sqliteCachePragma, type DatabaseConfig } from "@/lib/db/config";
import { restartWal, startCheckpointer } from "@/lib/db/sqlite-checkpointer";

/** Runs statements inside one transaction, in the order they are given. */
export interface SqlRunner {
  query<Row>(sql: Prisma.Sql): Promise<Row[]>;
  /** The number of rows changed. */
  execute(sql: Prisma.Sql): Promise<number>;
  /**
   * A write whose outcome nothing waits for (a counter, an insert that cannot conflict). On
   * PostgreSQL consecutive ones travel together, as one statement, when the next statement or the
   * commit comes: a round trip each would be most of a push's time. They must touch distinct rows.
   */
  writeLater(sql: Prisma.Sql): Promise<void>;
}

export interface TransactionOptions {
  /**
   * On PostgreSQL, an advisory lock held until the transaction ends, taken in BEGIN's own round
   * trip so every statement of the transaction reads what the lock's previous holder committed.
   * SQLite runs one writer at a time already.
   */
  lockKey?: string;
}

interface IngestConnection {
  key: string;
  transaction<T>(work: (sql: SqlRunner) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

type Holder = { connection?: IngestConnection };
// On globalThis, like the Prisma client: one connection per process, across Next's module copies.
const holder = globalThis as typeof globalThis & { __qudaoIngestConnection?: Holder };

/** Runs `work` in a transaction on the ingest connection of the configured database. */
export async function inIngestTransaction<T>(work: (sql: SqlRunner) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const config = getDatabaseConfig();
  const state = (holder.__qudaoIngestConnection ??= {});
  const key = config.provider === "sqlite" ? `sqlite:${config.filePath}` : `pg:${config.url}:${config.schema ?? ""}`;
  if (state.connection?.key !== key) {
    // Tests switch databases; the old connection goes with the old database. Replaced before any
    // await, so concurrent first pushes share one connection.
    const old = state.connection;
    state.connection = config.provider === "sqlite" ? sqliteConnection(key, config.filePath) : postgresConnection(key, config);
    await old?.close();
  }
  return state.connection.transaction(work, options);
}

export async function closeIngestConnection(): Promise<void> {
  await holder.__qudaoIngestConnection?.connection?.close();
  if (holder.__qudaoIngestConnection) holder.__qudaoIngestConnection.connection = undefined;
}

// How long a push waits for another writer (the job worker, a seed) before it is refused with
// an error and WeChat retries it.
const writeLockWaitMs = 5_000;

function sqliteConnection(key: string, filePath: string): IngestConnection {
  // No busy timeout: waiting inside the driver would block the event loop. BEGIN IMMEDIATE is
  // retried asynchronously instead; once it succeeds this connection holds the write lock.
  const db = new Sqlite(filePath, { timeout: 0 });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`cache_size = ${sqliteCachePragma}`);
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
    value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? (value ? 1 : 0) : value === undefined ? null : value;
  // Transaction control, prepared once (exec would parse it on every push).
  const control = { savepoint: db.prepare("SAVEPOINT push"), release: db.prepare("RELEASE push"), rollbackTo: db.prepare("ROLLBACK TO push"), commit: db.prepare("COMMIT") };
  const runner: SqlRunner = {
    async query<Row>(sql: Prisma.Sql) {
      const statement = prepare(sql.sql);
      const values = sql.values.map(toValue);
      if (statement.reader) return statement.all(values) as Row[];
      statement.run(values);
      return [];
    },
    async execute(sql) {
      return prepare(sql.sql).run(sql.values.map(toValue)).changes;
    },
    // In-process statements cost microseconds: nothing to gain by holding them.
    async writeLater(sql) {
      prepare(sql.sql).run(sql.values.map(toValue));
    },
  };
  // Group commit: pushes that arrive while a commit is under way share the next one, each in its
  // own savepoint (a push that fails rolls back alone). A commit waits for the disk (the WAL's
  // fsync), during which the driver holds the thread: once per group, not once per push.
  let pending: PendingWork[] = [];
  let flushing: Promise<void> | null = null;
  const flush = async () => {
    while (pending.length > 0) {
      const group = pending.splice(0, maxGroupSize);
      try {
        await beginImmediate(db);
      } catch (error) {
        for (const item of group) item.reject(error);
        continue;
      }
      const outcomes: (() => void)[] = [];
      for (const item of group) {
        control.savepoint.run();
        try {
          const result = await item.work(runner);
          control.release.run();
          outcomes.push(() => item.resolve(result));
        } catch (error) {
          control.rollbackTo.run();
          control.release.run();
          outcomes.push(() => item.reject(error));
        }
      }
      try {
        control.commit.run();
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        for (const item of group) item.reject(error);
        continue;
      }
      for (const settle of outcomes) settle();
      if (isRestartDue) {
        isRestartDue = false;
        restartWal(db);
      }
    }
  };
  const schedule = () => {
    // The pushes that arrive meanwhile (setImmediate: after this round of I/O) join the group.
    flushing ??= new Promise<void>((done) => setImmediate(done))
      .then(flush)
      .finally(() => {
        flushing = null;
        if (pending.length > 0) schedule();
      });
  };
  return {
    key,
    transaction<T>(work: (sql: SqlRunner) => Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    async close() {
      await flushing;
      pending = [];
      db.close();
      await checkpointer?.stop();
    },
  };
}

interface PendingWork {
  work: (sql: SqlRunner) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** At most this many pushes share a commit, so none waits long behind the others. */
const maxGroupSize = 64;

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

// Named statements are parsed and planned once per connection, not on every push (pg caches
// them by name). The statements' texts are few: the templates, not the values.
const statementNames = new Map<string, string>();
const maxNamedStatements = 200;
function namedStatement(sql: Prisma.Sql, toValue: (value: unknown) => unknown): pg.QueryConfig {
  let name = statementNames.get(sql.text);
  if (!name && statementNames.size < maxNamedStatements) statementNames.set(sql.text, (name = `qudao_ingest_${statementNames.size}`));
  return { ...(name ? { name } : {}), text: sql.text, values: sql.values.map(toValue) };
}

function postgresConnection(key: string, config: Extract<DatabaseConfig, { provider: "postgresql" }>): IngestConnection {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    // Scripts that ingest (the CLI's simulated scans) exit when their work is done.
    allowExitOnIdle: true,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    // Prisma stores DateTime as timestamp(3) in UTC: read it back as UTC whatever the process zone.
    types: { getTypeParser: ((oid: number, format?: string) => (oid === pg.types.builtins.TIMESTAMP ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as never))) as typeof pg.types.getTypeParser },
  });
  // A timestamp without time zone ignores an offset in its text: send UTC.
  const toValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value === undefined ? null : value);
  return {
    key,
    async transaction(work, options = {}) {
      const client = await pool.connect();
      let later: Prisma.Sql[] = [];
      const send = (sql: Prisma.Sql) => client.query(namedStatement(sql, toValue));
      const flushLater = async () => {
        if (later.length === 0) return;
        const writes = later;
        later = [];
        // Data-modifying statements in WITH all run, each to completion, whatever the SELECT reads.
        await send(writes.length === 1 ? writes[0]! : Prisma.sql`WITH ${Prisma.join(writes.map((write, index) => Prisma.sql`${Prisma.raw(`w${index}`)} AS (${write})`))} SELECT 1`);
      };
      const runner: SqlRunner = {
        async query<Row>(sql: Prisma.Sql) {
          await flushLater();
          return (await send(sql)).rows as Row[];
        },
        async execute(sql) {
          await flushLater();
          return (await send(sql)).rowCount ?? 0;
        },
        async writeLater(sql) {
          later.push(sql);
        },
      };
      try {
        // One round trip: a simple query may hold two statements (the key is quoted as a literal).
        await client.query(options.lockKey === undefined ? "BEGIN" : `BEGIN; SELECT pg_advisory_xact_lock(hashtextextended(${client.escapeLiteral(options.lockKey)}, 0))`);
        const result = await work(runner);
        await flushLater();
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
