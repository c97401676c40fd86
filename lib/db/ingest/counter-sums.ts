// The counters a transaction adds to (the rules of lib/events/rules/ say what to add), summed
// per row and written together at the end of the group of transactions that shares a commit
// (postgres-connection.ts, sqlite-connection.ts), so the day's all-channels row
// is written once per group, not once per push, and every group locks the counter rows in one
// order (table by table, key by key): two groups never deadlock on them.
import { getDialect, Prisma } from "@/lib/db/client";

/** Each counter table, its key and its counters, in the order groups write them. */
export const counterTables = {
  RollupDay: {
    key: ["accountId", "scene", "day"],
    counters: ["scans", "follows", "unfollows", "cohortFollows", "keptDay1", "keptDay7", "keptDay30"],
  },
  RollupHour: { key: ["accountId", "scene", "hourStart"], counters: ["scans", "follows", "unfollows"] },
  ScannerDayTotal: { key: ["accountId", "scene", "day"], counters: ["scanners", "firstTimeScanners"] },
  ScannerReturn: { key: ["accountId", "scene", "day", "previousDay"], counters: ["scanners"] },
} as const;

export type CounterTable = keyof typeof counterTables;
type KeyValue = string | Date;
/** A row's key (every key column of its table) and what to add to some of its counters. */
export interface CounterAddition {
  key: Record<string, KeyValue>;
  counters: Record<string, number>;
}

/**
 * Returns whose count a late event took down to zero are deleted: the rows are then the same as
 * if the events had come in order (lib/events/rules/scanner-day-rules.ts).
 */
const deletedAtZero: Partial<Record<CounterTable, string>> = { ScannerReturn: "scanners" };

export class CounterSums {
  private readonly rows = new Map<
    CounterTable,
    Map<string, { key: KeyValue[]; counters: number[]; wentDown: boolean }>
  >();

  add(table: CounterTable, additions: CounterAddition[]): void {
    const { key: keyNames, counters: counterNames } = counterTables[table];
    let rows = this.rows.get(table);
    if (!rows) this.rows.set(table, (rows = new Map()));
    for (const addition of additions) {
      const key = keyNames.map((name) => {
        const value = addition.key[name];
        if (value === undefined) throw new Error(`A ${table} row needs its ${name}`);
        return value;
      });
      const id = JSON.stringify(key);
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { key, counters: counterNames.map(() => 0), wentDown: false }));
      for (const [name, amount] of Object.entries(addition.counters)) {
        const index = (counterNames as readonly string[]).indexOf(name);
        if (index < 0) throw new Error(`${table} has no counter ${name}`);
        row.counters[index]! += amount;
        if (amount < 0) row.wentDown = true;
      }
    }
  }

  /** Adds another transaction's sums to these, and forgets them there. */
  absorb(other: CounterSums): void {
    for (const [table, rows] of other.rows) {
      let ownRows = this.rows.get(table);
      if (!ownRows) this.rows.set(table, (ownRows = new Map()));
      for (const [id, row] of rows) {
        const own = ownRows.get(id);
        if (!own) {
          ownRows.set(id, row);
          continue;
        }
        row.counters.forEach((amount, index) => (own.counters[index]! += amount));
        own.wentDown ||= row.wentDown;
      }
    }
    other.rows.clear();
  }

  /** Forgets the sums (their transaction was rolled back). */
  clear(): void {
    this.rows.clear();
  }

  /**
   * The statements that write the sums, and forgets them: an upsert per table (distinct rows:
   * they may run together), then the deletions of the rows they took to zero.
   */
  takeWrites(): { upserts: Prisma.Sql[]; deletions: Prisma.Sql[] } {
    const upserts: Prisma.Sql[] = [];
    const deletions: Prisma.Sql[] = [];
    for (const table of Object.keys(counterTables) as CounterTable[]) {
      const rows = [...(this.rows.get(table)?.entries() ?? [])]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, row]) => row);
      if (rows.length === 0) continue;
      upserts.push(upsertSql(table, rows));
      const zeroColumn = deletedAtZero[table];
      const wentDown = rows.filter((row) => row.wentDown);
      if (zeroColumn && wentDown.length > 0)
        deletions.push(
          deleteAtZeroSql(
            table,
            zeroColumn,
            wentDown.map((row) => row.key),
          ),
        );
    }
    this.rows.clear();
    return { upserts, deletions };
  }
}

const quoted = (name: string) => Prisma.raw(`"${name}"`);
const keyParam = (value: KeyValue) => (value instanceof Date ? getDialect().instant(value) : Prisma.sql`${value}`);

/** INSERT … ON CONFLICT (key) DO UPDATE adding each counter: one statement on both databases. */
function upsertSql(table: CounterTable, rows: { key: KeyValue[]; counters: number[] }[]): Prisma.Sql {
  const { key: keyNames, counters: counterNames } = counterTables[table];
  const values = rows.map(
    (row) =>
      Prisma.sql`(${Prisma.join([...row.key.map(keyParam), ...row.counters.map((amount) => Prisma.sql`${amount}`)])})`,
  );
  return Prisma.sql`
    INSERT INTO ${quoted(table)} (${Prisma.join([...keyNames, ...counterNames].map(quoted))}) VALUES ${Prisma.join(values)}
    ON CONFLICT (${Prisma.join(keyNames.map(quoted))}) DO UPDATE SET ${Prisma.join(
      counterNames.map(
        (name) => Prisma.sql`${quoted(name)} = ${quoted(table)}.${quoted(name)} + excluded.${quoted(name)}`,
      ),
    )}`;
}

function deleteAtZeroSql(table: CounterTable, column: string, keys: KeyValue[][]): Prisma.Sql {
  const { key: keyNames } = counterTables[table];
  const matches = keys.map(
    (key) =>
      Prisma.sql`(${Prisma.join(
        keyNames.map((name, index) => Prisma.sql`${quoted(name)} = ${keyParam(key[index]!)}`),
        " AND ",
      )})`,
  );
  return Prisma.sql`DELETE FROM ${quoted(table)} WHERE ${quoted(column)} = 0 AND (${Prisma.join(matches, " OR ")})`;
}
