// The ingest connection on PostgreSQL (connection.ts): pg on the ingest thread. The pushes'
// transactions (those with a lock key) are written in groups, one transaction of PostgreSQL per
// group: a push costs its read and its writes, two statements pipelined with the group's others,
// and shares the group's BEGIN, locks, counters and COMMIT. A follower's pushes always go to the
// same writer; the rows one writer's pushes write are their followers' own, and the counter rows
// all of them add to are written at the end of each group, in one order (counter-sums.ts):
// writers never deadlock on each other.
import pg from "pg";
import { Prisma } from "@/lib/db/client";
import type { DatabaseConfig } from "@/lib/db/config";
import { advisoryLockCall } from "@/lib/db/dialect";
import type { IngestConnection, SqlRunner } from "@/lib/db/ingest/sql-runner";
import { groupQueue, type PendingWork } from "@/lib/db/ingest/groups";
import { CounterSums } from "@/lib/db/ingest/counter-sums";

/** At most this many pushes share a transaction, so none waits long behind the others. */
const maxGroupSize = 32;

/**
 * Writers, each with its own connection and groups: while one waits for its commit (the disk)
 * the other writes. Measured at 2M events (docs/analytics.md): one 0.60–0.61 of the bare route,
 * two 0.63–0.65, three no better.
 */
const writerCount = 2;

function hashOf(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index++) hash = (hash * 31 + text.charCodeAt(index)) | 0;
  return hash >>> 0;
}

type ToValue = (value: unknown) => unknown;

export function postgresConnection(
  key: string,
  config: Extract<DatabaseConfig, { provider: "postgresql" }>,
): IngestConnection {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 4,
    // Statements are sent without waiting for the answers before them (writeGroup).
    pipeline: true,
    // Scripts that ingest (the CLI's simulated scans) exit when their work is done.
    allowExitOnIdle: true,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    // Prisma stores DateTime as timestamp(3) in UTC: read it back as UTC whatever the process zone.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === pg.types.builtins.TIMESTAMP
          ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format as never)) as typeof pg.types.getTypeParser,
    },
  });
  // A timestamp without time zone ignores an offset in its text: send UTC.
  const toValue: ToValue = (value) =>
    value instanceof Date ? value.toISOString() : value === undefined ? null : value;
  const writers = Array.from({ length: writerCount }, () =>
    groupQueue((group) => writeGroup(pool, group, toValue), maxGroupSize),
  );
  // A follower's pushes go to one writer, in the order they came.
  const writerOf = (lockKey: string) => writers[hashOf(lockKey) % writers.length]!;
  return {
    key,
    transaction(work, options = {}) {
      if (options.lockKey !== undefined) return writerOf(options.lockKey).enqueue(work, options.lockKey);
      // Without a lock (a job's page of scanner days, which locks as it goes): alone, beside the writer.
      return withClient(pool, (client) => inTransaction(client, toValue, [], (statements) => statements.run(work)));
    },
    async close() {
      await Promise.all(writers.map((writer) => writer.close()));
      await pool.end();
    },
  };
}

/**
 * The group in one transaction. Its transactions run side by side, their statements pipelined on
 * the one connection (sent without waiting for the answers before them: a round trip costs
 * both sides a system call and a wake-up, the biggest part of a push's cost): those of one lock
 * key (one follower) one after the other, each reading what the one before it wrote. When one
 * fails, all of the group was rolled back: each then runs again in a transaction of its own, so
 * that only the failing one fails.
 */
async function writeGroup(pool: pg.Pool, group: PendingWork[], toValue: ToValue): Promise<void> {
  let results: unknown[];
  try {
    results = await withClient(pool, (client) =>
      inTransaction(
        client,
        toValue,
        group.map((item) => item.lockKey!),
        async (statements) => {
          const lastOfKey = new Map<string | undefined, Promise<unknown>>();
          const outcomes = group.map((item) => {
            const outcome = (lastOfKey.get(item.lockKey) ?? Promise.resolve()).then(() => statements.run(item.work));
            lastOfKey.set(
              item.lockKey,
              outcome.catch(() => undefined),
            );
            return outcome;
          });
          // Every statement sent has its answer before the transaction ends.
          const settled = await Promise.allSettled(outcomes);
          const failed = settled.find((outcome) => outcome.status === "rejected");
          if (failed) throw failed.reason;
          return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value);
        },
      ),
    );
  } catch (error) {
    if (group.length === 1) return group[0]!.reject(error);
    for (const item of group) await writeGroup(pool, [item], toValue);
    return;
  }
  group.forEach((item, index) => item.resolve(results[index]));
}

async function withClient<T>(pool: pg.Pool, run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await run(client);
  } finally {
    client.release();
  }
}

/**
 * BEGIN, the lock keys' advisory locks (held until the transaction ends, taken in BEGIN's round
 * trip so that every statement after them reads what their previous holders committed), the work,
 * the counters, COMMIT. Keys are locked in one order everywhere, so two groups never deadlock on
 * them.
 */
async function inTransaction<T>(
  client: pg.PoolClient,
  toValue: ToValue,
  lockKeys: string[],
  work: (statements: GroupStatements) => Promise<T>,
): Promise<T> {
  const statements = new GroupStatements(client, toValue);
  const keys = [...new Set(lockKeys)].sort();
  // One round trip: a simple query may hold two statements (the keys are quoted as literals).
  const locks = keys.map((lockKey) => advisoryLockCall(Prisma.raw(client.escapeLiteral(lockKey))).sql);
  try {
    await client.query(locks.length === 0 ? "BEGIN" : `BEGIN; SELECT ${locks.join(", ")}`);
    const result = await work(statements);
    await statements.writeCounters();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** The statements of one transaction of PostgreSQL, which may hold a group of the caller's. */
class GroupStatements {
  /** The counters of the whole group, written once at its end. */
  private readonly sums = new CounterSums();

  constructor(
    private readonly client: pg.PoolClient,
    private readonly toValue: ToValue,
  ) {}

  /** Runs one of the group's transactions on a SqlRunner of its own. */
  async run<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T> {
    let later: Prisma.Sql[] = [];
    // Data-modifying statements in WITH all run, each to completion, whatever the main statement
    // reads, and it does not see their rows (writeLater's contract).
    const withLater = (sql: Prisma.Sql): Prisma.Sql => {
      const writes = later;
      later = [];
      return writes.length === 0 ? sql : withWritesBefore(writes, sql);
    };
    const flushLater = async () => {
      if (later.length > 0) await this.send(withLater(Prisma.sql`SELECT 1`));
    };
    const sendWithLater = (sql: Prisma.Sql) => this.send(withLater(sql));
    const runner: SqlRunner = {
      async query<Row>(sql: Prisma.Sql) {
        return (await sendWithLater(sql)).rows as Row[];
      },
      async execute(sql) {
        return (await sendWithLater(sql)).rowCount ?? 0;
      },
      async writeLater(sql) {
        later.push(sql);
      },
      addToCounters: async (table, additions) => {
        this.sums.add(table, additions);
      },
    };
    const result = await work(runner);
    // What comes after this transaction in the group reads what it wrote.
    await flushLater();
    return result;
  }

  /** Last before the commit: the counter rows are locked for as short a time as can be. */
  async writeCounters(): Promise<void> {
    const { upserts, deletions } = this.sums.takeWrites();
    if (upserts.length > 0) await this.send(withWritesBefore(upserts, Prisma.sql`SELECT 1`));
    for (const deletion of deletions) await this.send(deletion);
  }

  private send(sql: Prisma.Sql) {
    return this.client.query(namedStatement(sql, this.toValue));
  }
}

const leadingWith = /^\s*WITH(\s+RECURSIVE)?\s/i;

/**
 * `WITH w0 AS (write), … statement`: one round trip. A statement with a WITH of its own gets the
 * writes at the front of its list, so that it too does not see them (were they sent before it,
 * it would: the contract would then hang on how the statement is written).
 */
function withWritesBefore(writes: Prisma.Sql[], sql: Prisma.Sql): Prisma.Sql {
  const ctes = Prisma.join(writes.map((write, index) => Prisma.sql`${Prisma.raw(`w${index}`)} AS (${write})`));
  const [first = "", ...others] = sql.strings;
  const ownWith = leadingWith.exec(first);
  if (!ownWith) return Prisma.sql`WITH ${ctes} ${sql}`;

  const rest = new Prisma.Sql([first.slice(ownWith[0].length), ...others], sql.values);
  return Prisma.sql`${Prisma.raw(ownWith[0])}${ctes}, ${rest}`;
}

// Named statements are parsed and planned once per connection, not on every push (pg caches
// them by name). The statements' texts are few: the templates, not the values.
const statementNames = new Map<string, string>();
const maxNamedStatements = 200;
function namedStatement(sql: Prisma.Sql, toValue: ToValue): pg.QueryConfig {
  let name = statementNames.get(sql.text);
  if (!name && statementNames.size < maxNamedStatements)
    statementNames.set(sql.text, (name = `qudao_ingest_${statementNames.size}`));
  return { ...(name ? { name } : {}), text: sql.text, values: sql.values.map(toValue) };
}
