// What lib/events/ingest-event.ts would store for a history, computed in memory so it can be
// bulk-written: the events (normalised by the same normalizeEvent), follower state and follow
// periods (followerEffectsOf and sceneCountedFor of lib/events/rules/) and the rollups
// (rollupDeltaOf of lib/events/rules/rollup-rules.ts, days and hours of lib/time/zone.ts). The
// scanner tallies and retention cohorts are rebuilt from these rows afterwards
// (lib/events/rebuild-tallies.ts), so the counters of rules/effects-of.ts are not needed here.
// tests/integration/analytics-seed.test.ts replays a seeded history through the real ingest and
// compares every row, so this file cannot drift from ingest unnoticed.
import { normalizeEvent, type NormalizedEvent } from "@/lib/wechat/events";
import { addRollupDelta, emptyRollupDelta, rollupDeltaOf, type RollupDelta } from "@/lib/events/rules/rollup-rules";
import { followerEffectsOf, type FollowerState } from "@/lib/events/rules/follower-rules";
import { sceneCountedFor } from "@/lib/events/rules/effects-of";
import { zoneCalendar } from "@/lib/time/zone";
import type { HistoryEvent } from "@/scripts/seed/history-generator";

/** Rows as value arrays in the column order of scripts/seed/bulk-writer.ts; instants in ms. */
export type Row = (string | number | boolean | null)[];

function compareKeys(a: Row[number] | undefined, b: Row[number] | undefined): number {
  return a! < b! ? -1 : a! > b! ? 1 : 0;
}

/** The counts in the column order of RollupDay and RollupHour (scripts/seed/bulk-writer.ts). */
function columnsOf(counts: RollupDelta): Row {
  return [counts.scans, counts.follows, counts.unfollows];
}

const wechatEventNames = { subscribe: "subscribe", scan: "SCAN", unsubscribe: "unsubscribe" } as const;

/** Typed-array columns that grow: a few bytes per follower instead of an object each. */
class FollowerColumns {
  capacity = 1 << 16;
  exists = new Uint8Array(this.capacity);
  isFollowing = new Uint8Array(this.capacity);
  currentScene = new Int32Array(this.capacity);
  firstScene = new Int32Array(this.capacity);
  followedAt = new Float64Array(this.capacity);
  firstFollowedAt = new Float64Array(this.capacity);
  unfollowedAt = new Float64Array(this.capacity);
  stateChangedAt = new Float64Array(this.capacity);
  createdAt = new Float64Array(this.capacity);
  periodStartedAt = new Float64Array(this.capacity);
  periodScene = new Int32Array(this.capacity);

  ensure(user: number): void {
    if (user < this.capacity) return;
    let capacity = this.capacity;
    while (capacity <= user) capacity *= 2;
    for (const key of [
      "exists",
      "isFollowing",
      "currentScene",
      "firstScene",
      "followedAt",
      "firstFollowedAt",
      "unfollowedAt",
      "stateChangedAt",
      "createdAt",
      "periodStartedAt",
      "periodScene",
    ] as const) {
      const old = this[key];
      const grown = new (old.constructor as new (length: number) => typeof old)(capacity);
      grown.set(old as never);
      (this as Record<typeof key, typeof old>)[key] = grown;
    }
    this.capacity = capacity;
  }
}

export class IngestReplica {
  private readonly followers = new FollowerColumns();
  private readonly checkedKinds = new Set<string>();
  private readonly calendar;
  private events: Row[] = [];
  private periods: Row[] = [];
  private currentDay = "";
  private dayCounts = new Map<number, RollupDelta>();
  private hourCounts = new Map<string, RollupDelta>();
  private scannerDays = new Set<number>();
  private pendingDays: { day: string; rollupDay: Row[]; rollupHour: Row[]; scannerDay: Row[] }[] = [];
  userCount = 0;
  eventCount = 0;
  periodCount = 0;

  constructor(
    private readonly accountId: string,
    private readonly originalId: string,
    timeZone: string,
    /** "" first, then every other scene; an event's scene is an index into it. */
    private readonly scenes: string[],
    private readonly channelIdByScene: Map<string, string>,
    private readonly openidOf: (user: number) => string,
  ) {
    this.calendar = zoneCalendar(timeZone);
  }

  apply(history: HistoryEvent): void {
    const { user, at } = history;
    const openid = this.openidOf(user);
    const rawScene = this.scenes[history.scene]!;
    const eventKey =
      history.kind === "subscribe" ? (rawScene ? `qrscene_${rawScene}` : "") : history.kind === "scan" ? rawScene : "";
    const event = this.normalize(openid, at, history.kind, eventKey);
    const f = this.followers;
    f.ensure(user);
    this.userCount = Math.max(this.userCount, user + 1);
    const follower = this.followerState(user);
    const scene = sceneCountedFor(follower, event);
    // The event's own scene, or (an unfollow) the follower's current one, or "" (index 0).
    const sceneIndex = scene === "" ? 0 : scene === rawScene ? history.scene : f.currentScene[user]!;
    this.events.push([
      this.accountId,
      openid,
      event.type,
      event.name,
      scene,
      this.channelIdByScene.get(scene) ?? null,
      at,
      at,
      event.dedupeKey,
    ]);
    this.eventCount++;
    this.applyToFollower(user, openid, follower, event, history.scene, at);
    this.addToRollups(sceneIndex, user, event, at);
  }

  /**
   * normalizeEvent's result for the push WeChat would send. The first event of each kind goes
   * through normalizeEvent itself and the shortcut is checked against it, so a change of the
   * dedupe key's format stops the seed instead of seeding keys ingest would not produce.
   */
  private normalize(openid: string, at: number, kind: HistoryEvent["kind"], eventKey: string): NormalizedEvent {
    const name = kind;
    const scene =
      kind === "unsubscribe"
        ? ""
        : kind === "subscribe"
          ? eventKey.startsWith("qrscene_")
            ? eventKey.slice(8)
            : ""
          : eventKey;
    const createTime = at / 1000;
    const event: NormalizedEvent = {
      toUserName: this.originalId,
      openid,
      createTime,
      occurredAt: new Date(at),
      type: kind,
      name,
      scene,
      ticket: null,
      dedupeKey: `${openid}|${createTime}|${name}|${eventKey}`,
    };
    if (!this.checkedKinds.has(kind)) {
      const fields = {
        ToUserName: this.originalId,
        FromUserName: openid,
        CreateTime: String(createTime),
        MsgType: "event",
        Event: wechatEventNames[kind],
        EventKey: eventKey,
      };
      const expected = normalizeEvent(fields);
      const keys = Object.keys(expected) as (keyof NormalizedEvent)[];
      if (keys.some((key) => String(expected[key]) !== String(event[key])))
        throw new Error(
          `The seed's ${kind} events no longer match normalizeEvent: update scripts/seed/ingest-replica.ts`,
        );
      this.checkedKinds.add(kind);
    }
    return event;
  }

  private followerState(user: number): FollowerState | null {
    const f = this.followers;
    if (f.exists[user] !== 1) return null;
    const firstFollowedAt = f.firstFollowedAt[user]!;
    return {
      isFollowing: f.isFollowing[user] === 1,
      currentScene: this.scenes[f.currentScene[user]!]!,
      firstFollowedAt: Number.isNaN(firstFollowedAt) ? null : new Date(firstFollowedAt),
      stateChangedAt: new Date(f.stateChangedAt[user]!),
    };
  }

  /** The rules of lib/events/rules/follower-rules.ts, written into the typed-array columns. */
  private applyToFollower(
    user: number,
    openid: string,
    follower: FollowerState | null,
    event: NormalizedEvent,
    historyScene: number,
    at: number,
  ): void {
    const f = this.followers;
    const { followerWrite: write, periodChanges } = followerEffectsOf(follower, event);
    const eventSceneIndex = event.scene === "" ? 0 : historyScene;
    const instant = (value: Date | null) => (value ? value.getTime() : Number.NaN);
    if (write?.kind === "create") {
      f.exists[user] = 1;
      f.createdAt[user] = at;
      f.isFollowing[user] = write.isFollowing ? 1 : 0;
      f.currentScene[user] = write.scene === "" ? 0 : eventSceneIndex;
      f.firstScene[user] = f.currentScene[user]!;
      f.followedAt[user] = instant(write.followedAt);
      f.firstFollowedAt[user] = instant(write.followedAt);
      f.unfollowedAt[user] = instant(write.unfollowedAt);
      f.stateChangedAt[user] = write.stateChangedAt.getTime();
      f.periodStartedAt[user] = Number.NaN;
    } else if (write?.kind === "update") {
      f.isFollowing[user] = write.isFollowing ? 1 : 0;
      if (write.currentScene !== undefined) f.currentScene[user] = eventSceneIndex;
      if (write.followedAt) f.followedAt[user] = write.followedAt.getTime();
      if (write.firstFollowedAt) f.firstFollowedAt[user] = write.firstFollowedAt.getTime();
      if (write.unfollowedAt) f.unfollowedAt[user] = write.unfollowedAt.getTime();
      f.stateChangedAt[user] = write.stateChangedAt.getTime();
    }
    if (periodChanges.closeOpenAt) this.closePeriod(user, openid, periodChanges.closeOpenAt.getTime());
    if (periodChanges.open) {
      f.periodStartedAt[user] = periodChanges.open.startedAt.getTime();
      f.periodScene[user] = eventSceneIndex;
    }
  }

  private closePeriod(user: number, openid: string, at: number): void {
    const f = this.followers;
    if (Number.isNaN(f.periodStartedAt[user]!)) return;
    this.periods.push([this.accountId, openid, this.scenes[f.periodScene[user]!]!, f.periodStartedAt[user]!, at]);
    this.periodCount++;
    f.periodStartedAt[user] = Number.NaN;
  }

  private addToRollups(sceneIndex: number, user: number, event: NormalizedEvent, at: number): void {
    const delta = rollupDeltaOf(event);
    if (!delta) return;
    const day = this.calendar.dayOf(at);
    if (day !== this.currentDay) this.closeDay(day);
    let dayCounts = this.dayCounts.get(sceneIndex);
    if (!dayCounts) this.dayCounts.set(sceneIndex, (dayCounts = emptyRollupDelta()));
    const hourKey = `${sceneIndex}|${this.calendar.hourStartOf(at)}`;
    let hourCounts = this.hourCounts.get(hourKey);
    if (!hourCounts) this.hourCounts.set(hourKey, (hourCounts = emptyRollupDelta()));
    addRollupDelta(dayCounts, delta);
    addRollupDelta(hourCounts, delta);
    if (delta.scans > 0) this.scannerDays.add(sceneIndex * 2 ** 32 + user);
  }

  /** Days arrive in order: a new day means the previous one's rollups are final. */
  private closeDay(nextDay: string): void {
    if (this.currentDay) {
      const day = this.currentDay;
      const rollupDay = [...this.dayCounts].map(([scene, counts]) => [
        this.accountId,
        this.scenes[scene]!,
        day,
        ...columnsOf(counts),
      ]);
      const rollupHour = [...this.hourCounts].map(([key, counts]) => {
        const [scene, hourStart] = key.split("|");
        return [this.accountId, this.scenes[Number(scene)]!, Number(hourStart), ...columnsOf(counts)];
      });
      const scannerDay = [...this.scannerDays].map((key) => [
        this.accountId,
        this.scenes[Math.floor(key / 2 ** 32)]!,
        day,
        this.openidOf(key % 2 ** 32),
      ]);
      // In primary-key order, so each insert lands next to the previous one.
      const byKey = (a: Row, b: Row) => compareKeys(a[1], b[1]) || compareKeys(a[2], b[2]) || compareKeys(a[3], b[3]);
      rollupHour.sort(byKey);
      scannerDay.sort(byKey);
      this.pendingDays.push({ day, rollupDay, rollupHour, scannerDay });
    }
    this.currentDay = nextDay;
    this.dayCounts = new Map();
    this.hourCounts = new Map();
    this.scannerDays = new Set();
  }

  takeEvents(): Row[] {
    const taken = this.events;
    this.events = [];
    return taken;
  }

  takeClosedPeriods(): Row[] {
    const taken = this.periods;
    this.periods = [];
    return taken;
  }

  takeClosedDays(): { rollupDay: Row[]; rollupHour: Row[]; scannerDay: Row[] } {
    const days = this.pendingDays;
    this.pendingDays = [];
    return {
      rollupDay: days.flatMap((day) => day.rollupDay),
      rollupHour: days.flatMap((day) => day.rollupHour),
      scannerDay: days.flatMap((day) => day.scannerDay),
    };
  }

  /** Ends the history: the last day's rollups, the periods still open and every follower. */
  finish(): void {
    this.closeDay("");
    const f = this.followers;
    for (let user = 0; user < this.userCount; user++) {
      if (f.exists[user] && !Number.isNaN(f.periodStartedAt[user]!)) {
        this.periods.push([
          this.accountId,
          this.openidOf(user),
          this.scenes[f.periodScene[user]!]!,
          f.periodStartedAt[user]!,
          null,
        ]);
        this.periodCount++;
      }
    }
  }

  /** Follower rows, a slice at a time (there may be millions). */
  *followerRows(batchSize: number): Generator<Row[]> {
    const f = this.followers;
    const orNull = (value: number) => (Number.isNaN(value) ? null : value);
    let batch: Row[] = [];
    for (let user = 0; user < this.userCount; user++) {
      if (!f.exists[user]) continue;
      batch.push([
        this.accountId,
        this.openidOf(user),
        f.isFollowing[user] === 1,
        this.scenes[f.currentScene[user]!]!,
        this.scenes[f.firstScene[user]!]!,
        orNull(f.followedAt[user]!),
        orNull(f.firstFollowedAt[user]!),
        orNull(f.unfollowedAt[user]!),
        f.stateChangedAt[user]!,
        f.createdAt[user]!,
      ]);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
}
