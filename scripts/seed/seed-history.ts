// `npm run cli -- seed`: bulk-loads realistic history into an account, directly into the database
// (no HTTP), with every derived row — follower state, follow periods, rollups — what ingest would
// have stored for the same pushes.
import { randomBytes } from "node:crypto";
import { getDatabaseConfig, getDb } from "@/lib/db/client";
import { findAccountRow } from "@/lib/accounts/account-records";
import { ensureBuiltInSandboxAccount } from "@/lib/sandbox/built-in-account";
import { addDays, todayIn } from "@/lib/time/zone";
import { generateHistory } from "@/scripts/seed/history-generator";
import { IngestReplica } from "@/scripts/seed/ingest-replica";
import { createBulkWriter } from "@/scripts/seed/bulk-writer";
import { seedChannelSpecs } from "@/scripts/seed/channel-names";
import { rebuildFollowCohorts, rebuildScannerTallies } from "@/lib/events/rebuild-tallies";

export interface SeedOptions {
  events: number;
  channels: number;
  days: number;
  /** The built-in sandbox account when left out. */
  accountId?: string;
  seed?: number;
  /** The history ends now (today, in the account's zone). */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  accountId: string;
  timezone: string;
  channelIds: string[];
  events: number;
  followers: number;
  followPeriods: number;
  firstDay: string;
  lastDay: string;
  seconds: number;
}

const eventBatch = 50_000;
/** From this many events on, the big tables' indexes are dropped during the load and rebuilt after. */
const deferIndexesFrom = 1_000_000;
const foreignScenes = ["poster-from-old-agency", "expo-2023-reprint"];

/** Openids that look like WeChat's (28 characters starting with "o"), stable for (salt, user). */
export function seedOpenid(salt: number, user: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let state = (Math.imul(user + 1, 0x9e3779b1) ^ salt) >>> 0;
  let text = "o";
  for (let index = 0; index < 21; index++) {
    state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
    state = (state ^ (state >>> 12) ^ index) >>> 0;
    text += alphabet[state & 63];
  }
  // The last six characters encode the user through a bijection of 32-bit integers (an odd
  // multiplier), so openids stay distinct whatever the hash above does.
  let unique = (Math.imul(user, 0x2545f491) ^ salt) >>> 0;
  for (let index = 0; index < 6; index++, unique = Math.floor(unique / 64)) text += alphabet[unique % 64];
  return text;
}

export async function seedHistory(options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const db = getDb();
  const account = await findAccountRow(options.accountId ?? (await ensureBuiltInSandboxAccount()).id);
  const seed = options.seed ?? randomBytes(4).readUInt32BE(0);
  const lastDay = todayIn(account.timezone, now);
  const firstDay = addDays(lastDay, 1 - options.days);

  const channels = await createSeedChannels(account, options.channels, seed);
  const scenes = [
    "",
    ...channels.map((channel) => channel.scene),
    ...foreignScenes.filter((scene) => !channels.some((channel) => channel.scene === scene)),
  ];
  const owned = await db.channel.findMany({ where: { accountId: account.id }, select: { id: true, scene: true } });
  const channelIdByScene = new Map(owned.map((channel) => [channel.scene, channel.id]));
  const salt = seed ^ 0x5bd1e995;
  const replica = new IngestReplica(
    account.id,
    account.originalId ?? "gh_seed",
    account.timezone,
    scenes,
    channelIdByScene,
    (user) => seedOpenid(salt, user),
  );

  const writer = createBulkWriter(getDatabaseConfig());
  const rebuildIndexes =
    options.events >= deferIndexesFrom
      ? await writer.deferIndexes(["Event", "FollowPeriod", "Follower", "RollupHour", "ScannerDay"])
      : null;
  try {
    // One batch is written while the next is generated (PostgreSQL works in its own process).
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const events = replica.takeEvents();
      const periods = replica.takeClosedPeriods();
      const days = replica.takeClosedDays();
      await writing;
      writing = (async () => {
        await writer.insert("Event", events);
        await writer.insert("FollowPeriod", periods);
        await writer.insert("RollupDay", days.rollupDay);
        await writer.insert("RollupHour", days.rollupHour);
        await writer.insert("ScannerDay", days.scannerDay);
      })();
      // Handled when awaited at the next flush; not an unhandled rejection meanwhile.
      writing.catch(() => undefined);
    };
    const history = generateHistory({
      events: options.events,
      firstDay,
      lastDay,
      timeZone: account.timezone,
      scenes,
      channelCount: channels.length,
      seed,
      notAfter: now.getTime(),
    });
    for (const event of history) {
      replica.apply(event);
      if (replica.eventCount % eventBatch === 0) {
        await flush();
        options.onProgress?.(replica.eventCount, options.events);
      }
    }
    replica.finish();
    await flush();
    await writing;
    let followers = 0;
    await writer.insertInKeyOrder(
      "Follower",
      (function* () {
        for (const rows of replica.followerRows(eventBatch)) {
          followers += rows.length;
          yield rows;
        }
      })(),
    );
    await rebuildIndexes?.();
    // What ingest keeps current event by event, derived once from the rows just written.
    await rebuildScannerTallies(account.id);
    await rebuildFollowCohorts(account.id, account.timezone);
    await writer.settle();
    return {
      accountId: account.id,
      timezone: account.timezone,
      channelIds: channels.map((channel) => channel.id),
      events: replica.eventCount,
      followers,
      followPeriods: replica.periodCount,
      firstDay,
      lastDay,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    // Never leave the tables without their indexes (and the events without their dedupe key).
    await rebuildIndexes?.().catch(() => undefined);
    throw error;
  } finally {
    await writer.close();
  }
}

/** Channels with the next free integer scenes, named and grouped like a real account's. */
async function createSeedChannels(
  account: { id: string; appId: string; isEmulated: boolean; isBuiltInSandbox: boolean },
  count: number,
  seed: number,
) {
  const db = getDb();
  const [channelScenes, pushedScenes] = await Promise.all([
    db.channel.findMany({ where: { accountId: account.id }, select: { scene: true } }),
    db.rollupDay.groupBy({ by: ["scene"], where: { accountId: account.id, scene: { not: "" } } }),
  ]);
  const used = [...channelScenes, ...pushedScenes].map(({ scene }) => (/^\d+$/.test(scene) ? Number(scene) : 0));
  const firstScene = Math.max(0, ...used) + 1;
  const specs = seedChannelSpecs(count, seed).map((spec, index) => {
    const ticket = `gQ${randomBytes(48).toString("base64")}`;
    const url = `http://weixin.qq.com/q/${randomBytes(16).toString("base64url")}`;
    return { ...spec, scene: String(firstScene + index), ticket, url };
  });
  const created = await db.channel.createManyAndReturn({
    data: specs.map((spec) => ({
      accountId: account.id,
      name: spec.name,
      group: spec.group,
      qrKind: "permanent",
      sceneType: "int",
      scene: spec.scene,
      ticket: spec.ticket,
      url: spec.url,
    })),
    select: { id: true, scene: true },
  });
  // The emulator knows the codes it would have issued, so they render and scan like any other.
  if (account.isEmulated || account.isBuiltInSandbox) {
    await db.sandboxQrCode.createMany({
      data: specs.map((spec) => ({
        ticket: spec.ticket,
        appId: account.appId,
        actionName: "QR_LIMIT_SCENE",
        scene: spec.scene,
        url: spec.url,
      })),
    });
  }
  const byScene = new Map(created.map((channel) => [channel.scene, channel.id]));
  return specs.map((spec) => ({ id: byScene.get(spec.scene)!, scene: spec.scene }));
}
