// Event streams with known truth for the analytics tests: a seeded generator of what WeChat would
// push (follows through codes, SCANs by followers, organic follows, unfollows, re-follows through
// another channel, scans of codes made elsewhere), and the expected numbers computed from the stream
// alone, with Intl for the zone — none of the app's analytics or time code is used here.

export interface StreamPush {
  openid: string;
  /** WeChat's CreateTime (seconds). */
  createTime: number;
  event: "subscribe" | "SCAN" | "unsubscribe";
  eventKey: string;
}

export interface StreamPlan {
  /** Channel scenes the account owns. */
  scenes: string[];
  /** A scene no channel owns (a code made elsewhere). */
  foreignScene: string;
  /** Instants (ms) the stream must include, e.g. both sides of a local midnight. */
  pinned: number[];
  /** Random instants are drawn from [startMs, endMs). */
  startMs: number;
  endMs: number;
  randomCount: number;
  seed: number;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A plausible stream, in time order, one push per distinct second. Openids "pre-*" followed before
 * Qudao was connected: their first push is a SCAN. The first user follows through scene 0,
 * unfollows and follows again through scene 1 (re-follow through another channel).
 */
export function generateStream(plan: StreamPlan): StreamPush[] {
  const random = mulberry32(plan.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const seconds = new Set<number>();
  for (const at of plan.pinned) seconds.add(Math.floor(at / 1000));
  while (seconds.size < plan.pinned.length + plan.randomCount) {
    seconds.add(Math.floor((plan.startMs + random() * (plan.endMs - plan.startMs)) / 1000));
  }
  const moments = [...seconds].sort((a, b) => a - b);
  const users = [
    ...Array.from({ length: 9 }, (_, index) => `oUser${index}${"x".repeat(20)}`),
    "oPre-1xxxxxxxxxxxxxxxxxxxxxx",
    "oPre-2xxxxxxxxxxxxxxxxxxxxxx",
  ];
  const isFollowing = new Map<string, boolean>(users.map((openid) => [openid, openid.startsWith("oPre")]));
  const pushes: StreamPush[] = [];
  const [scriptedUser, ...others] = users;
  const script: Omit<StreamPush, "createTime">[] = [
    { openid: scriptedUser!, event: "subscribe", eventKey: `qrscene_${plan.scenes[0]}` },
    { openid: scriptedUser!, event: "SCAN", eventKey: plan.scenes[0]! },
    { openid: scriptedUser!, event: "unsubscribe", eventKey: "" },
    { openid: scriptedUser!, event: "subscribe", eventKey: `qrscene_${plan.scenes[1]}` },
    { openid: scriptedUser!, event: "SCAN", eventKey: plan.scenes[0]! },
  ];
  const scriptAt = new Map(script.map((step, index) => [Math.floor((index * moments.length) / script.length), step]));
  moments.forEach((createTime, index) => {
    // The scripted user's steps are spread over the stream; everyone else acts at random.
    const step = scriptAt.get(index);
    if (step) {
      pushes.push({ ...step, createTime });
      return;
    }
    const openid = pick(others);
    const roll = random();
    if (!isFollowing.get(openid)) {
      // A non-follower's scan reaches Qudao only as a follow; some follow by search (no scene).
      const eventKey = roll < 0.75 ? `qrscene_${pick(plan.scenes)}` : roll < 0.88 ? `qrscene_${plan.foreignScene}` : "";
      pushes.push({ openid, createTime, event: "subscribe", eventKey });
      isFollowing.set(openid, true);
    } else if (roll < 0.55) {
      pushes.push({ openid, createTime, event: "SCAN", eventKey: roll < 0.08 ? plan.foreignScene : pick(plan.scenes) });
    } else if (roll < 0.8) {
      pushes.push({ openid, createTime, event: "unsubscribe", eventKey: "" });
      isFollowing.set(openid, false);
    }
  });
  return pushes;
}

// ---- The truth, from the pushes alone.

interface TruthEvent {
  openid: string;
  at: number;
  type: "subscribe" | "scan" | "unsubscribe";
  /** For an unfollow: the scene of the follow period it ends ("" when none is known). */
  scene: string;
}

interface TruthPeriod {
  scene: string;
  startedAt: number;
  endedAt: number | null;
}

export interface Truth {
  timeZone: string;
  ownedScenes: Set<string>;
  events: TruthEvent[];
  periods: TruthPeriod[];
}

export function computeTruth(pushes: StreamPush[], timeZone: string, ownedScenes: string[]): Truth {
  const unique = new Map<string, StreamPush>();
  for (const push of pushes) unique.set(`${push.openid}|${push.createTime}|${push.event}|${push.eventKey}`, push);
  const ordered = [...unique.values()].sort((a, b) => a.createTime - b.createTime);
  const state = new Map<string, { isFollowing: boolean; scene: string; period: TruthPeriod | null }>();
  const events: TruthEvent[] = [];
  const periods: TruthPeriod[] = [];
  for (const push of ordered) {
    const at = push.createTime * 1000;
    const current = state.get(push.openid);
    if (push.event === "subscribe") {
      const scene = push.eventKey.startsWith("qrscene_") ? push.eventKey.slice("qrscene_".length) : "";
      if (current?.period && current.period.endedAt === null) current.period.endedAt = at;
      const period = { scene, startedAt: at, endedAt: null };
      periods.push(period);
      state.set(push.openid, { isFollowing: true, scene, period });
      events.push({ openid: push.openid, at, type: "subscribe", scene });
    } else if (push.event === "SCAN") {
      if (!current) state.set(push.openid, { isFollowing: true, scene: "", period: null });
      events.push({ openid: push.openid, at, type: "scan", scene: push.eventKey });
    } else {
      const scene = current?.isFollowing ? current.scene : "";
      if (current?.period && current.period.endedAt === null) current.period.endedAt = at;
      state.set(push.openid, { isFollowing: false, scene: "", period: null });
      events.push({ openid: push.openid, at, type: "unsubscribe", scene });
    }
  }
  return { timeZone, ownedScenes: new Set(ownedScenes), events, periods };
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
/** The calendar day of an instant in a zone, by Intl. */
export function zoneDay(at: number, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter)
    dayFormatters.set(
      timeZone,
      (formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })),
    );
  return formatter.format(new Date(at));
}

function zoneMinuteSecond(at: number, timeZone: string): [number, number] {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, minute: "2-digit", second: "2-digit" }).formatToParts(
    new Date(at),
  );
  return [
    Number(parts.find((part) => part.type === "minute")!.value),
    Number(parts.find((part) => part.type === "second")!.value),
  ];
}

function plusDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = plusDays(day, 1)) days.push(day);
  return days;
}

export interface Counts {
  scans: number;
  uniqueScanners: number;
  newFollows: number;
  unfollows: number;
  netFollows: number;
}

function countsOf(events: TruthEvent[], scenes: Set<string>): Counts {
  const scans = events.filter(
    (event) => (event.type === "scan" || (event.type === "subscribe" && event.scene !== "")) && scenes.has(event.scene),
  );
  const newFollows = events.filter((event) => event.type === "subscribe" && scenes.has(event.scene)).length;
  const unfollows = events.filter((event) => event.type === "unsubscribe" && scenes.has(event.scene)).length;
  return {
    scans: scans.length,
    uniqueScanners: new Set(scans.map((event) => event.openid)).size,
    newFollows,
    unfollows,
    netFollows: newFollows - unfollows,
  };
}

function eventsInDays(truth: Truth, from: string, to: string): TruthEvent[] {
  return truth.events.filter((event) => {
    const day = zoneDay(event.at, truth.timeZone);
    return day >= from && day <= to;
  });
}

export function expectedSummaryCounts(truth: Truth, scenes: Set<string>, from: string, to: string) {
  const events = eventsInDays(truth, from, to);
  return {
    ...countsOf(events, scenes),
    organicFollows: events.filter((event) => event.type === "subscribe" && event.scene === "").length,
    unattributedScans: events.filter(
      (event) => event.type !== "unsubscribe" && event.scene !== "" && !truth.ownedScenes.has(event.scene),
    ).length,
  };
}

/** The summary of from..to against `compared` (the previous period of equal length unless given). */
export function expectedSummary(
  truth: Truth,
  scenes: Set<string>,
  from: string,
  to: string,
  compared?: { from: string; to: string },
) {
  const length = daysFrom(from, to).length;
  const previousRange = compared ?? { from: plusDays(from, -length), to: plusDays(from, -1) };
  return {
    ...expectedSummaryCounts(truth, scenes, from, to),
    previous: expectedSummaryCounts(truth, scenes, previousRange.from, previousRange.to),
    previousRange,
  };
}

/** Day, week (Monday first) and month buckets, clipped to the range. */
export function expectedSeries(
  truth: Truth,
  scenes: Set<string>,
  from: string,
  to: string,
  interval: "day" | "week" | "month",
) {
  const keyOf = (day: string) => {
    if (interval === "day") return day;
    if (interval === "month") return day.slice(0, 7);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return plusDays(day, -((weekday + 6) % 7));
  };
  const buckets = new Map<string, string[]>();
  for (const day of daysFrom(from, to)) buckets.set(keyOf(day), [...(buckets.get(keyOf(day)) ?? []), day]);
  return [...buckets.values()].map((days) => {
    const start = days[0]!;
    const end = days.at(-1)!;
    return { start, end, ...countsOf(eventsInDays(truth, start, end), scenes) };
  });
}

/** Hour buckets: every instant on a quarter hour whose local minute and second are 0, within the days. */
export function expectedHourlySeries(truth: Truth, scenes: Set<string>, from: string, to: string) {
  const starts: number[] = [];
  const first = Date.parse(`${from}T00:00:00Z`) - 2 * 86_400_000;
  const last = Date.parse(`${to}T00:00:00Z`) + 3 * 86_400_000;
  for (let at = first; at < last; at += 900_000) {
    const day = zoneDay(at, truth.timeZone);
    const [minute, second] = zoneMinuteSecond(at, truth.timeZone);
    if (day >= from && day <= to && minute === 0 && second === 0) starts.push(at);
  }
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? Number.POSITIVE_INFINITY;
    const events = truth.events.filter(
      (event) => event.at >= start && event.at < end && zoneDay(event.at, truth.timeZone) <= to,
    );
    return { start: new Date(start).toISOString(), ...countsOf(events, scenes) };
  });
}

/** d1/d7/d30 of one scene: follows begun in the range, N local days old by `today`, not ended before day + N. */
export function expectedRetention(truth: Truth, scene: string, from: string, to: string, today: string) {
  const cohort = truth.periods.filter((period) => {
    const day = zoneDay(period.startedAt, truth.timeZone);
    return period.scene === scene && day >= from && day <= to;
  });
  const rate = (days: number) => {
    const eligible = cohort.filter((period) => plusDays(zoneDay(period.startedAt, truth.timeZone), days) <= today);
    if (eligible.length === 0) return null;
    const kept = eligible.filter(
      (period) =>
        period.endedAt === null ||
        zoneDay(period.endedAt, truth.timeZone) >= plusDays(zoneDay(period.startedAt, truth.timeZone), days),
    );
    return kept.length / eligible.length;
  };
  return { d1: rate(1), d7: rate(7), d30: rate(30) };
}

export function expectedChannelRow(truth: Truth, scene: string, from: string, to: string, today: string) {
  return {
    ...countsOf(eventsInDays(truth, from, to), new Set([scene])),
    retention: expectedRetention(truth, scene, from, to, today),
  };
}
