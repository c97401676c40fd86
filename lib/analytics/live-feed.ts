// The live feed: new pushes of an account as server-sent events. Every app instance polls the
// Event table by id, so a push received by any instance sharing the database reaches every viewer;
// nothing is fanned out in one process's memory.
import { getDb } from "@/lib/db/client";
import { findAccountRow } from "@/lib/accounts/account-records";
import type { LiveEvent } from "@/lib/schemas/stats";

export const livePollMs = 1_000;
const heartbeatMs = 15_000;
const batchSize = 200;
const maxGaps = 500;
/**
 * On PostgreSQL an id is taken when a transaction inserts and becomes visible when it commits, so a
 * lower id can appear after a higher one was read (or never, after a rollback). Skipped ids are
 * looked for again for this long.
 */
const gapRecheckMs = 10_000;

type EventRow = {
  id: number;
  type: string;
  openid: string;
  scene: string;
  channelId: string | null;
  occurredAt: Date;
  channel: { name: string } | null;
};

export function toLiveEvent(row: EventRow): LiveEvent {
  return {
    id: row.id,
    type: (["subscribe", "scan", "unsubscribe"].includes(row.type) ? row.type : "other") as LiveEvent["type"],
    openid: shortenOpenid(row.openid),
    scene: row.scene,
    channelId: row.channelId,
    channelName: row.channel?.name ?? null,
    occurredAt: row.occurredAt.toISOString(),
  };
}

function shortenOpenid(openid: string): string {
  return openid.length <= 10 ? openid : `${openid.slice(0, 4)}…${openid.slice(-4)}`;
}

const eventSelect = {
  id: true,
  type: true,
  openid: true,
  scene: true,
  channelId: true,
  occurredAt: true,
  channel: { select: { name: true } },
} as const;

/** The newest events first, for the feed's first screen. */
async function listRecentLiveEvents(accountId: string, limit: number): Promise<LiveEvent[]> {
  const rows = await getDb().event.findMany({
    where: { accountId },
    orderBy: { id: "desc" },
    take: limit,
    select: eventSelect,
  });
  return rows.map(toLiveEvent);
}

/** Follows one account's pushes from `afterId` on, in id order, with skipped ids re-checked. */
export class LiveCursor {
  private lastId: number;
  private readonly gaps = new Map<number, number>();

  constructor(
    private readonly accountId: string,
    afterId: number,
  ) {
    this.lastId = afterId;
  }

  /**
   * A new viewer's first screen: the account's latest pushes, oldest first, and a cursor just after
   * the newest of them — so nothing arriving meanwhile falls between the two.
   */
  static async startWithRecent(accountId: string, limit: number): Promise<{ cursor: LiveCursor; recent: LiveEvent[] }> {
    await findAccountRow(accountId);
    const recent = (await listRecentLiveEvents(accountId, limit)).reverse();
    return { cursor: new LiveCursor(accountId, recent.at(-1)?.id ?? 0), recent };
  }

  static async start(accountId: string, lastEventId: number | null): Promise<LiveCursor> {
    await findAccountRow(accountId);
    if (lastEventId !== null) return new LiveCursor(accountId, lastEventId);
    const newest = await getDb().event.findFirst({
      where: { accountId },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    return new LiveCursor(accountId, newest?.id ?? 0);
  }

  async poll(now = Date.now()): Promise<LiveEvent[]> {
    const db = getDb();
    for (const [id, seenAt] of this.gaps) if (now - seenAt > gapRecheckMs) this.gaps.delete(id);
    const [late, fresh] = await Promise.all([
      // Ids are shared by all accounts: a skipped id found under another account is settled too.
      this.gaps.size
        ? db.event.findMany({
            where: { id: { in: [...this.gaps.keys()] } },
            orderBy: { id: "asc" },
            select: { ...eventSelect, accountId: true },
          })
        : [],
      db.event.findMany({
        where: { accountId: this.accountId, id: { gt: this.lastId } },
        orderBy: { id: "asc" },
        take: batchSize,
        select: eventSelect,
      }),
    ]);
    for (const row of late) this.gaps.delete(row.id);
    for (const row of fresh) {
      for (let skipped = this.lastId + 1; skipped < row.id && this.gaps.size < maxGaps; skipped++)
        this.gaps.set(skipped, now);
      this.lastId = row.id;
    }
    return [...late.filter((row) => row.accountId === this.accountId), ...fresh].map(toLiveEvent);
  }
}

/**
 * The feed as a text/event-stream body: `event: push` per event (the `recent` ones first), a
 * comment as heartbeat.
 */
export function openLiveStream(
  cursor: LiveCursor,
  signal: AbortSignal,
  { recent = [], pollMs = livePollMs }: { recent?: LiveEvent[]; pollMs?: number } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let lastWrite = Date.now();
      let isClosed = false;
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      const write = (text: string) => {
        controller.enqueue(encoder.encode(text));
        lastWrite = Date.now();
      };
      const writePush = (event: LiveEvent) => write(`id: ${event.id}\nevent: push\ndata: ${JSON.stringify(event)}\n\n`);
      const tick = async () => {
        if (signal.aborted) return close();
        try {
          for (const event of await cursor.poll()) writePush(event);
          if (Date.now() - lastWrite > heartbeatMs) write(": heartbeat\n\n");
        } catch {
          // The database is away for a moment: the browser's EventSource reconnects from the last id.
          return close();
        }
        timer = setTimeout(tick, pollMs);
      };
      signal.addEventListener("abort", close, { once: true });
      write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
      for (const event of recent) writePush(event);
      timer = setTimeout(tick, 0);
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}
