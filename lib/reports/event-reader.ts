// The raw events of a range, oldest first, as CSV lines, read straight through the database
// driver: through Prisma the export ran at 87 000 rows/s against the driver's 800 000 (200 000
// events), and an export of every event is the one read whose rows all leave the server. Both
// databases side by side:
// - SQLite: one statement stepped through to the end, its rows (the driver's arrays) written here;
// - PostgreSQL: COPY (SELECT …) TO STDOUT (FORMAT csv), the database writing the lines — the time
//   in the account's zone, the channel's name, the quoting and the formula guard — so that here
//   only the line ends become CRLF. The batched SELECTs this replaced, their rows written here,
//   ran at 0.15 of the bare COPY's rate. Writing the lines is the database's work, so the range is
//   cut into time slices read in order on two connections, the next slice running while this one
//   is sent (postgresEventsCsv).
// Connections of its own, closed when the export ends or its client goes away.
import Sqlite from "better-sqlite3";
import type { Readable } from "node:stream";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { getDatabaseConfig } from "@/lib/db/client";
import { byDatabase } from "@/lib/db/dialect";
import { createEventLineWriter, type ExportedEvent } from "@/lib/reports/event-lines";
import { crlfLineEnds } from "@/lib/reports/csv";
import { offsetSuffix, zoneOffsetSpans, type OffsetSpan } from "@/lib/reports/zoned-time";

export interface EventQuery {
  accountId: string;
  start: Date;
  /** Exclusive. */
  end: Date;
  /** Only these channels' events; every event of the account when null. */
  channelIds: string[] | null;
  timeZone: string;
  /** The names of the channels in scope by id (SQLite's rows carry only the id). */
  channelNames: Map<string, string>;
}

/** Rows per chunk of the SQLite export: large enough that a write costs little, small enough to stream. */
const rowsPerChunk = 5_000;

/**
 * SQLite: one statement stepped through to the end on a read-only connection of its own — a
 * single snapshot of the range, no per-batch seek. SQLite keeps DateTime as ISO text ("+00:00").
 */
async function* sqliteEventsCsv(filePath: string, query: EventQuery): AsyncGenerator<Uint8Array> {
  const db = new Sqlite(filePath, { readonly: true, fileMustExist: true });
  const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
  const channelFilter = query.channelIds ? ` AND "channelId" IN (${query.channelIds.map(() => "?").join(", ")})` : "";
  const writeLines = createEventLineWriter(query.timeZone, query.channelNames);
  try {
    const rows = db
      .prepare(
        `SELECT "occurredAt", "type", "channelId", "scene", "openid" FROM "Event"
        WHERE "accountId" = ? AND "occurredAt" >= ? AND "occurredAt" < ?${channelFilter}
        ORDER BY "occurredAt", "dedupeKey"`,
      )
      .raw(true)
      .iterate(
        query.accountId,
        iso(query.start),
        iso(query.end),
        ...(query.channelIds ?? []),
      ) as IterableIterator<ExportedEvent>;
    let batch: ExportedEvent[] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length < rowsPerChunk) continue;
      yield writeLines(batch);
      batch = [];
      // Let the response write between chunks: stepping the statement is synchronous.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (batch.length > 0) yield writeLines(batch);
  } finally {
    db.close();
  }
}

/**
 * A text cell as the CSV writer leaves it (lib/reports/csv.ts): a leading = + - @ tab or CR (by
 * code point: ascii() is an integer, left() a new text per row) gets an apostrophe, and an empty
 * text is written empty like a missing one, not as "".
 */
function guardedText(column: string): string {
  return `CASE WHEN ascii(${column}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${column} WHEN ascii(${column}) = 0 THEN NULL ELSE ${column} END`;
}

/**
 * The local time as ISO 8601 with the zone's offset, from offsets this runtime computes
 * (zoneOffsetSpans) — the same as the SQLite export's — rather than to_char in the session's
 * zone, which added half the bare COPY's time (1 M events).
 */
function localTimeSql(column: string, spans: OffsetSpan[], instant: (epochMs: number) => string): string {
  const at = ({ offsetMinutes }: OffsetSpan) =>
    `replace(date_trunc('second', ${column} + interval '${offsetMinutes} minutes')::text, ' ', 'T') || '${offsetSuffix(offsetMinutes)}'`;
  if (spans.length === 1) return at(spans[0]!);
  const changes = spans
    .slice(1)
    .map((span, index) => `WHEN ${column} < ${instant(span.fromMs)} THEN ${at(spans[index]!)}`);
  return `CASE ${changes.join(" ")} ELSE ${at(spans.at(-1)!)} END`;
}

/** The COPY statement: it takes no parameters, so every value is a quoted literal. */
function copyEventsSql(client: pg.Client, query: EventQuery): string {
  const literal = (value: string) => client.escapeLiteral(value);
  const instant = (epochMs: number) =>
    `CAST(${literal(new Date(epochMs).toISOString().replace("T", " ").replace("Z", ""))} AS TIMESTAMP(3))`;
  const conditions = [
    `e."accountId" = ${literal(query.accountId)}`,
    `e."occurredAt" >= ${instant(query.start.getTime())}`,
    `e."occurredAt" < ${instant(query.end.getTime())}`,
  ];
  if (query.channelIds)
    conditions.push(
      query.channelIds.length > 0 ? `e."channelId" IN (${query.channelIds.map(literal).join(", ")})` : "FALSE",
    );
  const spans = zoneOffsetSpans(query.timeZone, query.start.getTime(), query.end.getTime());
  const columns = [
    localTimeSql('e."occurredAt"', spans, instant),
    // The type (subscribe, scan, …) and the channel's id (a cuid) are Qudao's own: no guard to pay for.
    'e."type"',
    'e."channelId"',
    'c."name"',
    ...['e."scene"', 'e."openid"'].map(guardedText),
  ];
  // The channels' names guarded once each, not once per event.
  return `COPY (SELECT ${columns.join(", ")} FROM "Event" e
    LEFT JOIN (SELECT "id", ${guardedText('"name"')} AS "name" FROM "Channel" WHERE "accountId" = ${literal(query.accountId)}) c
      ON c."id" = e."channelId"
    WHERE ${conditions.join(" AND ")} ORDER BY e."occurredAt", e."dedupeKey") TO STDOUT (FORMAT csv)`;
}

/**
 * Slices of the range, each one COPY: on two connections, slice k + 1 is written by the database
 * while slice k is sent, so the database's writing — the export's cost — uses two cores instead of
 * one. Equal spans of time; a busy slice costs only memory up to prefetchBytes, beyond which its
 * connection waits (the stream's backpressure) until its turn.
 */
const sliceCount = 32;
const prefetchBytes = 16 * 2 ** 20;

/** [start, end) cut into `count` spans of equal time, whole milliseconds, in order. */
export function timeSlices(start: Date, end: Date, count: number): { start: Date; end: Date }[] {
  const span = end.getTime() - start.getTime();
  const bounds = Array.from({ length: count + 1 }, (_, index) => start.getTime() + Math.round((span * index) / count));
  return bounds
    .slice(1)
    .map((sliceEnd, index) => ({ start: new Date(bounds[index]!), end: new Date(sliceEnd) }))
    .filter((slice) => slice.end > slice.start);
}

async function* postgresEventsCsv(
  url: string,
  schema: string | undefined,
  query: EventQuery,
): AsyncGenerator<Uint8Array> {
  const open = async () => {
    const client = new pg.Client({
      connectionString: url,
      // DateStyle ISO: a timestamp's text is "2026-11-03 09:15:00", whatever the server's default.
      options: `${schema ? `-c search_path=${schema} ` : ""}-c DateStyle=ISO`,
    });
    await client.connect();
    return client;
  };
  const clients = await Promise.all([open(), open()]);
  const slices = timeSlices(query.start, query.end, sliceCount);
  // When each connection can take its next statement: a COPY's stream ends before the server's
  // ReadyForQuery, and pg would queue a statement sent before it (deprecated in pg 8).
  const free = clients.map(() => Promise.resolve());
  const startSlice = async (index: number): Promise<Readable> => {
    const which = index % clients.length;
    await free[which];
    const slice = copyTo(copyEventsSql(clients[which]!, { ...query, ...slices[index]! }), {
      highWaterMark: prefetchBytes,
    });
    // pg calls a statement's handleReadyForQuery when the connection is free (its Submittable
    // interface); pg-copy-streams leaves it empty.
    free[which] = new Promise((resolve) => Object.assign(slice, { handleReadyForQuery: resolve }));
    // A slice read ahead can fail before its turn: destroyed with the error, reading it throws then.
    slice.on("error", (error) => slice.destroy(error));
    return clients[which]!.query(slice);
  };
  const toCrlf = crlfLineEnds();
  const readAhead = (index: number) => {
    if (index >= slices.length) return null;
    const slice = startSlice(index);
    // Awaited in its turn; until then a failure must not count as unhandled.
    slice.catch(() => {});
    return slice;
  };
  let next = readAhead(0);
  try {
    for (let index = 0; next; index++) {
      const current = await next;
      next = readAhead(index + 1);
      for await (const chunk of current as AsyncIterable<Buffer>) yield toCrlf(chunk);
    }
  } finally {
    // Dropping the connections ends their COPYs.
    await Promise.all(clients.map((client) => client.end()));
  }
}

export function readEventsCsv(query: EventQuery): AsyncGenerator<Uint8Array> {
  return byDatabase(getDatabaseConfig(), {
    sqlite: ({ filePath }) => sqliteEventsCsv(filePath, query),
    postgresql: ({ url, schema }) => postgresEventsCsv(url, schema, query),
  });
}
