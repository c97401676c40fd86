// What a push does to the numbers, as data: the event's row, the follower's row, its follow
// periods, the counters, the scanner's days and the work queued for after the reply. Pure: the
// ingest transaction (lib/events/store-event.ts) reads the before-state, asks effectsOf and writes
// what it answers. A newcomer changes a metric rule here and in tests/unit/events/effects-of.test.ts.
import type { NormalizedEvent } from "@/lib/wechat/events";
import { localDayOf, localHourStartOf } from "@/lib/time/zone";
import type { CounterAddition } from "@/lib/events/rules/counter-additions";
import {
  followerEffectsOf,
  type FollowerState,
  type FollowerWrite,
  type PeriodChanges,
} from "@/lib/events/rules/follower-rules";
import { lostKeptColumnsOf, rollupDeltaOf } from "@/lib/events/rules/rollup-rules";
import {
  allChannelsScope,
  scannerDayEffectsOf,
  type KnownScannerDays,
  type ScannerDayRow,
} from "@/lib/events/rules/scanner-day-rules";

export type IngestAccount = { id: string; timezone: string };

export type ChannelOfScene = { id: string; welcomeMessage: string | null; autoTagName: string | null };

/** What ingest reads, under the follower's lock, before the event. */
export interface BeforeEvent {
  /** The push was stored before (a retry). */
  isStored: boolean;
  follower: FollowerState | null;
  /** The channel of the push's scene; for an unfollow, of the scene that began the follow period. */
  channel: ChannelOfScene | null;
  /** For an event that counts as a scan: the scanner's days in the event's scene and all channels. */
  knownScannerDays: KnownScannerDays[];
}

/** Work queued in the event's transaction, done after the reply (tagging calls WeChat). */
export type EventJob = {
  kind: "auto-tag";
  payload: { accountId: string; channelId: string; openid: string; tagName: string };
};

export interface EventEffects {
  /** The Event row: the scene it counts for and its channel. */
  eventRow: { scene: string; channelId: string | null };
  followerWrite: FollowerWrite | null;
  periodChanges: PeriodChanges;
  counterAdditions: CounterAddition[];
  scannerDays: ScannerDayRow[];
  jobs: EventJob[];
}

/** The scene an event counts for. Unfollows carry none: they count against the scene that began the follow period they end. */
export function sceneCountedFor(
  follower: FollowerState | null,
  event: Pick<NormalizedEvent, "type" | "scene">,
): string {
  return event.type === "unsubscribe" ? (follower?.isFollowing ? follower.currentScene : "") : event.scene;
}

/** The effects of the event, or null for a retry of a push already stored (nothing changes). */
export function effectsOf(account: IngestAccount, before: BeforeEvent, event: NormalizedEvent): EventEffects | null {
  if (before.isStored) return null;

  const { follower, channel } = before;
  const scene = sceneCountedFor(follower, event);
  const { followerWrite, periodChanges } = followerEffectsOf(follower, event);

  const counterAdditions: CounterAddition[] = [];
  let scannerDays: ScannerDayRow[] = [];
  const delta = rollupDeltaOf(event);
  if (delta) {
    const day = localDayOf(event.occurredAt, account.timezone);
    // A follow period begun here joins the retention cohort of its scene and day.
    const cohort = periodChanges.open ? 1 : 0;
    counterAdditions.push(
      {
        table: "RollupDay",
        key: { accountId: account.id, scene, day },
        counters: { ...delta, cohortFollows: cohort, keptDay1: cohort, keptDay7: cohort, keptDay30: cohort },
      },
      {
        table: "RollupHour",
        key: { accountId: account.id, scene, hourStart: localHourStartOf(event.occurredAt, account.timezone) },
        counters: { ...delta },
      },
    );
    if (delta.scans > 0) {
      // A channel owns the scene: its scans also count towards all channels together.
      const scopes = channel ? [scene, allChannelsScope] : [scene];
      const tallies = scannerDayEffectsOf(
        { accountId: account.id, scopes, openid: event.openid, day },
        before.knownScannerDays,
      );
      scannerDays = tallies.scannerDays;
      counterAdditions.push(...tallies.counterAdditions);
    }
  }

  const isTaggable = event.type === "subscribe" || event.type === "scan";
  const jobs: EventJob[] =
    isTaggable && channel?.autoTagName
      ? [
          {
            kind: "auto-tag",
            payload: {
              accountId: account.id,
              channelId: channel.id,
              openid: event.openid,
              tagName: channel.autoTagName,
            },
          },
        ]
      : [];

  return {
    eventRow: { scene, channelId: channel?.id ?? null },
    followerWrite,
    periodChanges,
    counterAdditions,
    scannerDays,
    jobs,
  };
}

/** Follow periods that ended (periodChanges.closeOpenAt) leave the keptDayN they did not reach. */
export function endedPeriodEffectsOf(
  account: IngestAccount,
  ended: { scene: string; startedAt: Date }[],
  endedAt: Date,
): CounterAddition[] {
  const endDay = localDayOf(endedAt, account.timezone);
  return ended.flatMap((period) => {
    const day = localDayOf(period.startedAt, account.timezone);
    const lost = lostKeptColumnsOf(day, endDay);
    if (lost.length === 0) return [];
    return [
      {
        table: "RollupDay" as const,
        key: { accountId: account.id, scene: period.scene, day },
        counters: Object.fromEntries(lost.map((column) => [column, -1])),
      },
    ];
  });
}
