// Every before-state of a follower × every kind of event, with the effects written out: what a
// push changes is decided by effectsOf alone (lib/events/rules/effects-of.ts).
import { describe, expect, it } from "vitest";
import { effectsOf, endedPeriodEffectsOf, type BeforeEvent, type EventEffects } from "@/lib/events/rules/effects-of";
import type { FollowerState } from "@/lib/events/rules/follower-rules";
import type { CounterAddition } from "@/lib/events/rules/counter-additions";
import type { NormalizedEvent } from "@/lib/wechat/events";

const account = { id: "a", timezone: "Asia/Shanghai" };
const channelX = { id: "cx", welcomeMessage: "hi", autoTagName: "from-x" };

// 10:00 in Shanghai on 24 November; the follower's last change four days before; a late push
// (CreateTime before that change) on the 19th.
const now = new Date("2026-11-24T02:00:00Z");
const earlier = new Date("2026-11-20T02:00:00Z");
const late = new Date("2026-11-19T02:00:00Z");
const day = "2026-11-24";
const lateDay = "2026-11-19";

const beforeStates = {
  "never seen": null,
  "following via channel X": {
    isFollowing: true,
    currentScene: "x",
    firstFollowedAt: earlier,
    stateChangedAt: earlier,
  },
  "following organically": { isFollowing: true, currentScene: "", firstFollowedAt: earlier, stateChangedAt: earlier },
  unfollowed: { isFollowing: false, currentScene: "x", firstFollowedAt: earlier, stateChangedAt: earlier },
  "following via an unattributed scene": {
    isFollowing: true,
    currentScene: "u",
    firstFollowedAt: earlier,
    stateChangedAt: earlier,
  },
} satisfies Record<string, FollowerState | null>;
type BeforeName = keyof typeof beforeStates;

function eventOf(type: NormalizedEvent["type"], scene: string, at = now): NormalizedEvent {
  const name = type === "scan" ? "scan" : type === "other" ? "click" : type;
  return {
    toUserName: "gh_1",
    openid: "o1",
    createTime: at.getTime() / 1000,
    occurredAt: at,
    type,
    name,
    scene,
    ticket: null,
    dedupeKey: `o1|${at.getTime() / 1000}|${name}|${scene}`,
  };
}

const events = {
  "subscribe via channel X's scene": eventOf("subscribe", "x"),
  "subscribe via an unclaimed scene": eventOf("subscribe", "u"),
  "organic subscribe": eventOf("subscribe", ""),
  "SCAN of channel X's scene": eventOf("scan", "x"),
  "SCAN of an unclaimed scene": eventOf("scan", "u"),
  unsubscribe: eventOf("unsubscribe", ""),
  other: eventOf("other", ""),
  duplicate: eventOf("subscribe", "x"),
  "out-of-order subscribe": eventOf("subscribe", "x", late),
  "out-of-order unsubscribe": eventOf("unsubscribe", "", late),
  "out-of-order SCAN": eventOf("scan", "x", late),
};
type EventName = keyof typeof events;

/** What ingest reads: the channel of the event's scene (of the follow period's scene for an unfollow). */
function beforeOf(follower: FollowerState | null, eventName: EventName): BeforeEvent {
  const event = events[eventName];
  const scene = event.type === "unsubscribe" ? (follower?.isFollowing ? follower.currentScene : "") : event.scene;
  return {
    isStored: eventName === "duplicate",
    follower,
    channel: scene === "x" ? channelX : null,
    knownScannerDays: [],
  };
}

// Counter additions, written out by what they add.
const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
function rollups(
  scene: string,
  delta: { scans: number; follows: number; unfollows: number },
  { cohort = 0, at = now, onDay = day } = {},
): CounterAddition[] {
  return [
    {
      table: "RollupDay",
      key: { accountId: "a", scene, day: onDay },
      counters: { ...delta, cohortFollows: cohort, keptDay1: cohort, keptDay7: cohort, keptDay30: cohort },
    },
    { table: "RollupHour", key: { accountId: "a", scene, hourStart: hourOf(at) }, counters: delta },
  ];
}
/** A first-ever scan in each scope: a new scanner-day, and a first-timer. */
function firstScans(scopes: string[], onDay = day): CounterAddition[] {
  return scopes.map((scene) => ({
    table: "ScannerDayTotal",
    key: { accountId: "a", scene, day: onDay },
    counters: { scanners: 1, firstTimeScanners: 1 },
  }));
}
const scannerDays = (scopes: string[], onDay = day) =>
  scopes.map((scene) => ({ accountId: "a", scene, day: onDay, openid: "o1" }));
const tagJob = { kind: "auto-tag", payload: { accountId: "a", channelId: "cx", openid: "o1", tagName: "from-x" } };

const follow = { scans: 0, follows: 1, unfollows: 0 };
const scanAndFollow = { scans: 1, follows: 1, unfollows: 0 };
const scan = { scans: 1, follows: 0, unfollows: 0 };
const unfollow = { scans: 0, follows: 0, unfollows: 1 };

const noPeriods = { closeOpenAt: null, open: null };
const created = (isFollowing: boolean, scene: string, followedAt: Date | null, unfollowedAt: Date | null) =>
  ({ kind: "create", isFollowing, scene, followedAt, unfollowedAt, stateChangedAt: now }) as const;
const resubscribed = (scene: string) =>
  ({
    kind: "update",
    isFollowing: true,
    currentScene: scene,
    followedAt: now,
    firstFollowedAt: earlier,
    stateChangedAt: now,
  }) as const;
const unsubscribed = { kind: "update", isFollowing: false, unfollowedAt: now, stateChangedAt: now } as const;
const followingAgain = { kind: "update", isFollowing: true, stateChangedAt: now } as const;

/** The effects of a subscribe through `scene` (channel X's or unclaimed) or organic (""). */
function subscribeEffects(beforeName: BeforeName, scene: string): EventEffects {
  const follower: FollowerState | null = beforeStates[beforeName];
  const isChannel = scene === "x";
  const scopes = scene === "" ? [] : isChannel ? ["x", ""] : [scene];
  return {
    eventRow: { scene, channelId: isChannel ? "cx" : null },
    followerWrite: follower ? resubscribed(scene) : created(true, scene, now, null),
    // A subscribe while following: the unsubscribe was missed, the period before ends here.
    periodChanges: { closeOpenAt: follower?.isFollowing ? now : null, open: { scene, startedAt: now } },
    counterAdditions: [...rollups(scene, scene ? scanAndFollow : follow, { cohort: 1 }), ...firstScans(scopes)],
    scannerDays: scannerDays(scopes),
    jobs: isChannel ? [tagJob] : [],
  } as EventEffects;
}

function scanEffects(beforeName: BeforeName, scene: string): EventEffects {
  const follower: FollowerState | null = beforeStates[beforeName];
  const scopes = scene === "x" ? ["x", ""] : [scene];
  return {
    eventRow: { scene, channelId: scene === "x" ? "cx" : null },
    // A SCAN comes from a follower: one never seen followed before Qudao; an unfollowed one follows again.
    followerWrite: !follower ? created(true, "", null, null) : follower.isFollowing ? null : followingAgain,
    periodChanges: noPeriods,
    counterAdditions: [...rollups(scene, scan), ...firstScans(scopes)],
    scannerDays: scannerDays(scopes),
    jobs: scene === "x" ? [tagJob] : [],
  } as EventEffects;
}

function unsubscribeEffects(beforeName: BeforeName): EventEffects {
  const follower: FollowerState | null = beforeStates[beforeName];
  // Counted against the scene of the follow period it ends; "" when there is none.
  const scene = follower?.isFollowing ? follower.currentScene : "";
  return {
    eventRow: { scene, channelId: scene === "x" ? "cx" : null },
    followerWrite: follower ? unsubscribed : created(false, "", null, now),
    periodChanges: follower ? { closeOpenAt: now, open: null } : noPeriods,
    counterAdditions: rollups(scene, unfollow),
    scannerDays: [],
    jobs: [],
  };
}

const nothingButTheEvent: EventEffects = {
  eventRow: { scene: "", channelId: null },
  followerWrite: null,
  periodChanges: noPeriods,
  counterAdditions: [],
  scannerDays: [],
  jobs: [],
};

/** A late push is counted on its own day, but does not rewind the follow state. */
function lateEffects(beforeName: BeforeName, eventName: EventName): EventEffects {
  const follower: FollowerState | null = beforeStates[beforeName];
  const event = events[eventName];
  if (!follower) {
    // Never seen: the late push is the first, and applies like any other.
    const onTime = eventName === "out-of-order subscribe" ? subscribeEffects("never seen", "x") : null;
    if (onTime) return lateCopy(onTime);
    if (eventName === "out-of-order SCAN") return lateCopy(scanEffects("never seen", "x"));
    return lateCopy(unsubscribeEffects("never seen"));
  }
  if (event.type === "subscribe")
    return {
      eventRow: { scene: "x", channelId: "cx" },
      followerWrite: null,
      periodChanges: noPeriods,
      counterAdditions: [
        ...rollups("x", scanAndFollow, { at: late, onDay: lateDay }),
        ...firstScans(["x", ""], lateDay),
      ],
      scannerDays: scannerDays(["x", ""], lateDay),
      jobs: [tagJob],
    } as EventEffects;
  if (event.type === "scan")
    return {
      eventRow: { scene: "x", channelId: "cx" },
      followerWrite: null,
      periodChanges: noPeriods,
      counterAdditions: [...rollups("x", scan, { at: late, onDay: lateDay }), ...firstScans(["x", ""], lateDay)],
      scannerDays: scannerDays(["x", ""], lateDay),
      jobs: [tagJob],
    } as EventEffects;
  const scene = follower.isFollowing ? follower.currentScene : "";
  return {
    eventRow: { scene, channelId: scene === "x" ? "cx" : null },
    followerWrite: null,
    periodChanges: noPeriods,
    counterAdditions: rollups(scene, unfollow, { at: late, onDay: lateDay }),
    scannerDays: [],
    jobs: [],
  };
}

/** The same effects at the late push's instant and day. */
function lateCopy(effects: EventEffects): EventEffects {
  return JSON.parse(
    JSON.stringify(effects)
      .replaceAll(now.toISOString(), late.toISOString())
      .replaceAll(hourOf(now).toISOString(), hourOf(late).toISOString())
      .replaceAll(day, lateDay),
    (key, value) => (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value) : value),
  );
}

function expectedEffects(beforeName: BeforeName, eventName: EventName): EventEffects | null {
  switch (eventName) {
    case "subscribe via channel X's scene":
      return subscribeEffects(beforeName, "x");
    case "subscribe via an unclaimed scene":
      return subscribeEffects(beforeName, "u");
    case "organic subscribe":
      return subscribeEffects(beforeName, "");
    case "SCAN of channel X's scene":
      return scanEffects(beforeName, "x");
    case "SCAN of an unclaimed scene":
      return scanEffects(beforeName, "u");
    case "unsubscribe":
      return unsubscribeEffects(beforeName);
    case "other":
      return nothingButTheEvent;
    case "duplicate":
      return null;
    default:
      return lateEffects(beforeName, eventName);
  }
}

describe("effectsOf", () => {
  const cases = Object.keys(beforeStates).flatMap((beforeName) =>
    Object.keys(events).map((eventName) => [beforeName, eventName] as [BeforeName, EventName]),
  );

  it.each(cases)("%s, then %s", (beforeName, eventName) => {
    const before = beforeOf(beforeStates[beforeName], eventName);
    expect(effectsOf(account, before, events[eventName])).toEqual(expectedEffects(beforeName, eventName));
  });

  // Spot checks written in full, independent of the helpers above.
  it("a follower of channel X who subscribes through X again: the old period ends, a new one joins today's cohort", () => {
    const effects = effectsOf(
      account,
      beforeOf(beforeStates["following via channel X"]!, "subscribe via channel X's scene"),
      events["subscribe via channel X's scene"],
    );
    expect(effects).toEqual({
      eventRow: { scene: "x", channelId: "cx" },
      followerWrite: {
        kind: "update",
        isFollowing: true,
        currentScene: "x",
        followedAt: now,
        firstFollowedAt: earlier,
        stateChangedAt: now,
      },
      periodChanges: { closeOpenAt: now, open: { scene: "x", startedAt: now } },
      counterAdditions: [
        {
          table: "RollupDay",
          key: { accountId: "a", scene: "x", day: "2026-11-24" },
          counters: { scans: 1, follows: 1, unfollows: 0, cohortFollows: 1, keptDay1: 1, keptDay7: 1, keptDay30: 1 },
        },
        {
          table: "RollupHour",
          key: { accountId: "a", scene: "x", hourStart: new Date("2026-11-24T02:00:00Z") },
          counters: { scans: 1, follows: 1, unfollows: 0 },
        },
        {
          table: "ScannerDayTotal",
          key: { accountId: "a", scene: "x", day: "2026-11-24" },
          counters: { scanners: 1, firstTimeScanners: 1 },
        },
        {
          table: "ScannerDayTotal",
          key: { accountId: "a", scene: "", day: "2026-11-24" },
          counters: { scanners: 1, firstTimeScanners: 1 },
        },
      ],
      scannerDays: [
        { accountId: "a", scene: "x", day: "2026-11-24", openid: "o1" },
        { accountId: "a", scene: "", day: "2026-11-24", openid: "o1" },
      ],
      jobs: [{ kind: "auto-tag", payload: { accountId: "a", channelId: "cx", openid: "o1", tagName: "from-x" } }],
    });
  });

  it("an unfollow of a follower of channel X counts against X and closes the period", () => {
    const effects = effectsOf(
      account,
      beforeOf(beforeStates["following via channel X"]!, "unsubscribe"),
      events.unsubscribe,
    );
    expect(effects?.eventRow).toEqual({ scene: "x", channelId: "cx" });
    expect(effects?.counterAdditions[0]).toEqual({
      table: "RollupDay",
      key: { accountId: "a", scene: "x", day: "2026-11-24" },
      counters: { scans: 0, follows: 0, unfollows: 1, cohortFollows: 0, keptDay1: 0, keptDay7: 0, keptDay30: 0 },
    });
    expect(effects?.periodChanges).toEqual({ closeOpenAt: now, open: null });
  });
});

describe("effectsOf and the scanner's known days", () => {
  const scanX = events["SCAN of channel X's scene"];
  const following = beforeStates["following via channel X"]!;
  const tallies = (knownScannerDays: BeforeEvent["knownScannerDays"]) =>
    effectsOf(account, { isStored: false, follower: following, channel: channelX, knownScannerDays }, scanX)!;

  it("a second scan the same day adds no scanner-day", () => {
    const effects = tallies([
      { scene: "x", seen: 1, previous: null, next: null },
      { scene: "", seen: 1, previous: null, next: null },
    ]);
    expect(effects.scannerDays).toEqual([]);
    expect(effects.counterAdditions.map((addition) => addition.table)).toEqual(["RollupDay", "RollupHour"]);
  });

  it("a returning scanner is counted as a return from its previous day", () => {
    const effects = tallies([{ scene: "x", seen: 0, previous: "2026-11-20", next: null }]);
    expect(effects.scannerDays).toEqual(scannerDays(["x", ""]));
    expect(effects.counterAdditions.slice(2)).toEqual([
      {
        table: "ScannerDayTotal",
        key: { accountId: "a", scene: "x", day },
        counters: { scanners: 1, firstTimeScanners: 0 },
      },
      {
        table: "ScannerReturn",
        key: { accountId: "a", scene: "x", day, previousDay: "2026-11-20" },
        counters: { scanners: 1 },
      },
      {
        table: "ScannerDayTotal",
        key: { accountId: "a", scene: "", day },
        counters: { scanners: 1, firstTimeScanners: 1 },
      },
    ]);
  });

  it("a late scan moves the next day's link to its own day", () => {
    const effects = tallies([
      { scene: "x", seen: 0, previous: null, next: "2026-11-26" },
      { scene: "", seen: 0, previous: "2026-11-20", next: "2026-11-26" },
    ]);
    expect(effects.counterAdditions.slice(2)).toEqual([
      {
        table: "ScannerDayTotal",
        key: { accountId: "a", scene: "x", day },
        counters: { scanners: 1, firstTimeScanners: 1 },
      },
      {
        table: "ScannerDayTotal",
        key: { accountId: "a", scene: "", day },
        counters: { scanners: 1, firstTimeScanners: 0 },
      },
      {
        table: "ScannerReturn",
        key: { accountId: "a", scene: "", day, previousDay: "2026-11-20" },
        counters: { scanners: 1 },
      },
      // x: the 26th was a first scan, now a return from the 24th.
      {
        table: "ScannerDayTotal",
        key: { accountId: "a", scene: "x", day: "2026-11-26" },
        counters: { firstTimeScanners: -1 },
      },
      {
        table: "ScannerReturn",
        key: { accountId: "a", scene: "x", day: "2026-11-26", previousDay: day },
        counters: { scanners: 1 },
      },
      // All channels: the 26th returned from the 20th, now from the 24th.
      {
        table: "ScannerReturn",
        key: { accountId: "a", scene: "", day: "2026-11-26", previousDay: "2026-11-20" },
        counters: { scanners: -1 },
      },
      {
        table: "ScannerReturn",
        key: { accountId: "a", scene: "", day: "2026-11-26", previousDay: day },
        counters: { scanners: 1 },
      },
    ]);
  });
});

describe("endedPeriodEffectsOf", () => {
  it("a period that ends leaves the keptDayN it did not reach", () => {
    const startedAt = new Date("2026-11-20T02:00:00Z");
    expect(endedPeriodEffectsOf(account, [{ scene: "x", startedAt }], now)).toEqual([
      {
        table: "RollupDay",
        key: { accountId: "a", scene: "x", day: "2026-11-20" },
        counters: { keptDay7: -1, keptDay30: -1 },
      },
    ]);
  });

  it("a period kept 30 days or more loses nothing", () => {
    const startedAt = new Date("2026-10-20T02:00:00Z");
    expect(endedPeriodEffectsOf(account, [{ scene: "x", startedAt }], now)).toEqual([]);
  });
});
