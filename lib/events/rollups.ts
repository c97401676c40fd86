// Keeps the per-scene hour and day counters current in the same transaction as the event, so
// dashboards read O(channels × buckets) rows, never the raw events.
import type { SqlRunner } from "@/lib/events/ingest-connection";
import type { NormalizedEvent } from "@/lib/wechat/events";
import { localDayOf, localHourStartOf } from "@/lib/time/zone";
import { allChannelsScope, recordScannerDay, type KnownScannerDays } from "@/lib/events/scanner-tallies";

export interface RollupDelta {
  scans: number;
  follows: number;
  unfollows: number;
}

/** What an event adds, per the metric definitions in DESIGN.md. */
export function rollupDeltaOf(event: NormalizedEvent): RollupDelta | null {
  switch (event.type) {
    case "subscribe":
      // Via a code: a scan and a new follow. Organic (no scene): a follow counted under "".
      return { scans: event.scene ? 1 : 0, follows: 1, unfollows: 0 };
    case "scan":
      return { scans: 1, follows: 0, unfollows: 0 };
    case "unsubscribe":
      return { scans: 0, follows: 0, unfollows: 1 };
    default:
      return null;
  }
}

export interface RollupInput {
  accountId: string;
  timezone: string;
  scene: string;
  /** A channel owns the scene: its scans also count towards all channels together. */
  isChannelScene: boolean;
  /** The scanner's days in the scopes, read under its lock with the follower (ingest-event.ts). */
  knownScannerDays: KnownScannerDays[];
  /** The event began a follow period: it joins the retention cohort of its scene and day (follow-cohorts.ts). */
  startsFollowPeriod: boolean;
  event: NormalizedEvent;
}

export async function addToRollups(sql: SqlRunner, input: RollupInput): Promise<void> {
  const delta = rollupDeltaOf(input.event);
  if (!delta) return;
  const { accountId, scene, event } = input;
  const day = localDayOf(event.occurredAt, input.timezone);
  const cohort = input.startsFollowPeriod ? 1 : 0;
  await sql.addToCounters("RollupDay", [
    {
      key: { accountId, scene, day },
      counters: { ...delta, cohortFollows: cohort, keptDay1: cohort, keptDay7: cohort, keptDay30: cohort },
    },
  ]);
  await sql.addToCounters("RollupHour", [
    {
      key: { accountId, scene, hourStart: localHourStartOf(event.occurredAt, input.timezone) },
      counters: { ...delta },
    },
  ]);
  if (delta.scans > 0) {
    const scopes = input.isChannelScene ? [scene, allChannelsScope] : [scene];
    await recordScannerDay(sql, { accountId, scopes, openid: event.openid, day }, input.knownScannerDays);
  }
}
