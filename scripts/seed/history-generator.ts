// Realistic push history, generated in time order and deterministic for a seed: more traffic at
// lunch and in the evening (local time), busier weekends, slow growth; channels by a long-tailed
// popularity, some always on (stores, print), some campaigns of a few weeks; new scanners who
// follow, followers who scan again, unfollows, re-follows through another code, organic follows,
// and a few scans of codes made elsewhere.
import { addDays, daysBetweenInclusive, startOfLocalDay } from "@/lib/time/zone";

export type HistoryEventKind = "subscribe" | "scan" | "unsubscribe";

export interface HistoryEvent {
  /** Milliseconds since the epoch (whole seconds, as WeChat's CreateTime). */
  at: number;
  /** Index of the user: openids are derived from it. */
  user: number;
  kind: HistoryEventKind;
  /** Index into HistoryPlan.scenes (0 = no scene); the scene of a subscribe or a scan. */
  scene: number;
}

export interface HistoryPlan {
  events: number;
  /** Local days, oldest first. */
  firstDay: string;
  lastDay: string;
  timeZone: string;
  /** "" first (organic), then the channel scenes, then scenes of codes made elsewhere. */
  scenes: string[];
  channelCount: number;
  seed: number;
  /** Nothing after this instant (now, when the history ends today). */
  notAfter: number;
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

// Share of the traffic per local hour: quiet nights, a lunch peak, the evening busiest.
const hourWeights = [2, 1, 1, 1, 1, 2, 4, 7, 9, 9, 10, 12, 14, 12, 10, 10, 11, 12, 14, 17, 18, 16, 11, 5];

/** A growable pool of user indexes with O(1) add, remove and random pick. */
class UserPool {
  private items = new Int32Array(1 << 16);
  /** Position of each user in items, or -1. */
  private positions = new Int32Array(1 << 16).fill(-1);
  size = 0;

  add(user: number): void {
    if (user >= this.positions.length) {
      const grown = new Int32Array(Math.max(this.positions.length * 2, user + 1)).fill(-1);
      grown.set(this.positions);
      this.positions = grown;
    }
    if (this.positions[user] !== -1) return;
    if (this.size === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.size] = user;
    this.positions[user] = this.size++;
  }

  remove(user: number): void {
    const position = user < this.positions.length ? this.positions[user]! : -1;
    if (position === -1) return;
    const last = this.items[--this.size]!;
    this.items[position] = last;
    this.positions[last] = position;
    this.positions[user] = -1;
  }

  has(user: number): boolean {
    return user >= 0 && user < this.positions.length && this.positions[user] !== -1;
  }

  pick(random: () => number): number | undefined {
    return this.size === 0 ? undefined : this.items[Math.floor(random() * this.size)];
  }
}

interface ChannelActivity {
  weight: number;
  firstDay: number;
  lastDay: number;
}

function planChannels(plan: HistoryPlan, random: () => number, dayCount: number): ChannelActivity[] {
  return Array.from({ length: plan.channelCount }, (_, index) => {
    const weight = 1 / Math.pow(index + 1, 0.8);
    if (random() < 0.6 || dayCount < 14) return { weight, firstDay: 0, lastDay: dayCount - 1 };
    const length = 7 + Math.floor(random() * 54);
    const firstDay = Math.floor(random() * Math.max(1, dayCount - length));
    return { weight: weight * 3, firstDay, lastDay: Math.min(dayCount - 1, firstDay + length) };
  });
}

/** Yields the history in time order; at most one event per user per second (WeChat's CreateTime). */
export function* generateHistory(plan: HistoryPlan): Generator<HistoryEvent> {
  const random = mulberry32(plan.seed);
  const dayCount = daysBetweenInclusive(plan.firstDay, plan.lastDay);
  const channels = planChannels(plan, random, dayCount);
  const foreignFirst = 1 + plan.channelCount;
  const foreignCount = plan.scenes.length - foreignFirst;
  const dayWeights = Array.from({ length: dayCount }, (_, index) => {
    const weekday = new Date(`${addDays(plan.firstDay, index)}T00:00:00Z`).getUTCDay();
    return (1 + (0.6 * index) / dayCount) * (weekday === 0 || weekday === 6 ? 1.3 : 1) * (0.8 + 0.4 * random());
  });
  const totalWeight = dayWeights.reduce((sum, weight) => sum + weight, 0);
  const hourTotal = hourWeights.reduce((sum, weight) => sum + weight, 0);

  const following = new UserPool();
  const recentFollows = new Int32Array(Math.max(64, Math.min(5_000, Math.floor(plan.events / 400)))).fill(-1);
  let recentCursor = 0;
  const unfollowed = new UserPool();
  let lastSecond = new Uint32Array(1 << 16);
  let currentScene = new Int32Array(1 << 16);
  let userCount = 0;
  const newUser = () => {
    if (userCount === lastSecond.length) {
      const grownSeconds = new Uint32Array(lastSecond.length * 2);
      grownSeconds.set(lastSecond);
      lastSecond = grownSeconds;
      const grownScenes = new Int32Array(currentScene.length * 2);
      grownScenes.set(currentScene);
      currentScene = grownScenes;
    }
    return userCount++;
  };

  let emitted = 0;
  let carry = 0;
  for (let dayIndex = 0; dayIndex < dayCount && emitted < plan.events; dayIndex++) {
    const day = addDays(plan.firstDay, dayIndex);
    const dayStart = startOfLocalDay(day, plan.timeZone).getTime();
    const dayEnd = Math.min(startOfLocalDay(addDays(day, 1), plan.timeZone).getTime(), plan.notAfter + 1);
    if (dayEnd <= dayStart) break;
    const exact = (plan.events * dayWeights[dayIndex]!) / totalWeight + carry;
    const isLastDay = dayIndex === dayCount - 1;
    const count = isLastDay ? plan.events - emitted : Math.min(Math.floor(exact), plan.events - emitted);
    carry = exact - Math.floor(exact);

    // The channels running that day, by popularity.
    const active = channels.flatMap((channel, index) =>
      dayIndex >= channel.firstDay && dayIndex <= channel.lastDay ? [{ scene: index + 1, weight: channel.weight }] : [],
    );
    const cumulative = new Float64Array(active.length);
    active.reduce((sum, channel, index) => (cumulative[index] = sum + channel.weight), 0);
    const activeTotal = cumulative[active.length - 1] ?? 0;
    const pickChannel = (): number => {
      if (foreignCount > 0 && random() < 0.012) return foreignFirst + Math.floor(random() * foreignCount);
      if (active.length === 0) return 1 + Math.floor(random() * plan.channelCount);
      const target = random() * activeTotal;
      let low = 0;
      let high = active.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle]! < target) low = middle + 1;
        else high = middle;
      }
      return active[low]!.scene;
    };

    const times = new Float64Array(count);
    for (let index = 0; index < count; index++) {
      // A time of day by the hourly weights; today, only up to now.
      let at = dayEnd;
      for (let attempt = 0; attempt < 20 && at >= dayEnd; attempt++) {
        let hourPick = random() * hourTotal;
        let hour = 0;
        while (hour < 23 && hourPick >= hourWeights[hour]!) hourPick -= hourWeights[hour++]!;
        at = dayStart + (hour + random()) * 3_600_000;
      }
      if (at >= dayEnd) at = dayStart + random() * (dayEnd - dayStart);
      times[index] = Math.floor(at / 1000) * 1000;
    }
    times.sort();

    for (const at of times) {
      const second = at / 1000;
      const roll = random();
      let event: HistoryEvent;
      const follower = following.pick(random);
      const leaver = unfollowed.pick(random);
      // Most unfollows come soon after the follow: half are among the latest followers.
      const recentFollower = recentFollows[Math.floor(random() * recentFollows.length)];
      const leaving =
        random() < 0.5 && recentFollower !== undefined && following.has(recentFollower) ? recentFollower : follower;
      // One event per user per second: WeChat's CreateTime would make a second one a retry.
      if (roll < 0.38 && follower !== undefined && lastSecond[follower] !== second) {
        // A follower scans again: often the code that brought them, else another one.
        const scene = currentScene[follower]! > 0 && random() < 0.5 ? currentScene[follower]! : pickChannel();
        event = { at, user: follower, kind: "scan", scene };
      } else if (roll < 0.48 && leaving !== undefined && lastSecond[leaving] !== second) {
        following.remove(leaving);
        unfollowed.add(leaving);
        event = { at, user: leaving, kind: "unsubscribe", scene: 0 };
      } else if (roll < 0.55 && leaver !== undefined && lastSecond[leaver] !== second) {
        // Comes back, often through another code.
        unfollowed.remove(leaver);
        following.add(leaver);
        const scene = pickChannel();
        currentScene[leaver] = scene;
        event = { at, user: leaver, kind: "subscribe", scene };
      } else {
        // A new scanner follows through a code, or organically (search, a name card).
        const user = newUser();
        const scene = random() < 0.08 ? 0 : pickChannel();
        currentScene[user] = scene;
        following.add(user);
        recentFollows[recentCursor++ % recentFollows.length] = user;
        event = { at, user, kind: "subscribe", scene };
      }
      lastSecond[event.user] = second;
      emitted++;
      yield event;
    }
  }
}
