// The seed writes straight to the database, so it must store exactly what ingest would have: a
// seeded history is replayed through the real ingest into a second account, and every row —
// events, followers, follow periods, rollups — must match. The rollups are also recomputed from the
// seeded raw events independently.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createChannel } from "@/lib/channels/create-channel";
import { ingestEvent } from "@/lib/events/ingest-event";
import { normalizeEvent } from "@/lib/wechat/events";
import { seedHistory } from "@/scripts/seed/seed-history";
import { zoneDay } from "@/tests/support/analytics-truth";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

// New York: the 40 days up to today include a DST change whenever today is within 40 days after
// one; the rollup comparison holds whatever the date.
const timeZone = "America/New_York";

async function readAccountRows(accountId: string) {
  const db = app.db;
  const channels = await db.channel.findMany({ where: { accountId }, select: { id: true, scene: true } });
  const sceneOf = new Map(channels.map((channel) => [channel.id, channel.scene]));
  const events = await db.event.findMany({ where: { accountId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
  const followers = await db.follower.findMany({ where: { accountId }, orderBy: { openid: "asc" } });
  const periods = await db.followPeriod.findMany({
    where: { accountId },
    orderBy: [{ openid: "asc" }, { startedAt: "asc" }],
  });
  const rollupDays = await db.rollupDay.findMany({ where: { accountId }, orderBy: [{ scene: "asc" }, { day: "asc" }] });
  const rollupHours = await db.rollupHour.findMany({
    where: { accountId },
    orderBy: [{ scene: "asc" }, { hourStart: "asc" }],
  });
  const scannerDays = await db.scannerDay.findMany({
    where: { accountId },
    orderBy: [{ scene: "asc" }, { day: "asc" }, { openid: "asc" }],
  });
  const scannerDayTotals = await db.scannerDayTotal.findMany({
    where: { accountId },
    orderBy: [{ scene: "asc" }, { day: "asc" }],
  });
  const scannerReturns = await db.scannerReturn.findMany({
    where: { accountId },
    orderBy: [{ scene: "asc" }, { day: "asc" }, { previousDay: "asc" }],
  });
  return {
    events: events.map((event) => ({
      openid: event.openid,
      type: event.type,
      name: event.name,
      scene: event.scene,
      channelScene: event.channelId ? sceneOf.get(event.channelId) : null,
      occurredAt: event.occurredAt.toISOString(),
      dedupeKey: event.dedupeKey,
    })),
    followers: followers.map(({ accountId: _accountId, createdAt: _createdAt, ...rest }) => rest),
    periods: periods.map((period) => ({
      openid: period.openid,
      scene: period.scene,
      startedAt: period.startedAt.toISOString(),
      endedAt: period.endedAt?.toISOString() ?? null,
    })),
    rollupDays: rollupDays.map(({ accountId: _accountId, ...rest }) => rest),
    rollupHours: rollupHours.map(({ accountId: _accountId, hourStart, ...rest }) => ({
      ...rest,
      hourStart: hourStart.toISOString(),
    })),
    scannerDays: scannerDays.map(({ accountId: _accountId, ...rest }) => rest),
    scannerDayTotals: scannerDayTotals.map(({ accountId: _accountId, ...rest }) => rest),
    scannerReturns: scannerReturns.map(({ accountId: _accountId, ...rest }) => rest),
  };
}

/** The push WeChat would have sent for a stored event. */
function pushFieldsOf(event: {
  openid: string;
  name: string;
  scene: string;
  occurredAt: string;
}): Record<string, string> {
  const eventKey =
    event.name === "subscribe"
      ? event.scene
        ? `qrscene_${event.scene}`
        : ""
      : event.name === "scan"
        ? event.scene
        : "";
  return {
    ToUserName: "gh_replay",
    FromUserName: event.openid,
    CreateTime: String(Date.parse(event.occurredAt) / 1000),
    MsgType: "event",
    Event: event.name === "scan" ? "SCAN" : event.name,
    EventKey: eventKey,
  };
}

describe("npm run cli -- seed", () => {
  it("stores what ingest would have stored for the same pushes", async () => {
    const seeded = await createAccount(sandboxAccountInput(app.server, { timezone: timeZone }));
    const result = await seedHistory({ accountId: seeded.id, events: 2_500, channels: 6, days: 40, seed: 42 });
    expect(result.events).toBeGreaterThan(2_400);
    expect(result.channelIds).toHaveLength(6);
    const expected = await readAccountRows(seeded.id);
    // A realistic mix, not a trivial one.
    const kinds = new Set(
      expected.events.map(
        (event) => `${event.type}:${event.channelScene ? "channel" : event.scene ? "foreign" : "none"}`,
      ),
    );
    for (const kind of [
      "subscribe:channel",
      "subscribe:none",
      "subscribe:foreign",
      "scan:channel",
      "scan:foreign",
      "unsubscribe:channel",
      "unsubscribe:none",
    ])
      expect(kinds).toContain(kind);

    const replayed = await createAccount(sandboxAccountInput(app.server, { timezone: timeZone }));
    for (const scene of new Set(
      expected.events.map((event) => event.channelScene).filter((scene): scene is string => !!scene),
    )) {
      await createChannel({
        accountId: replayed.id,
        name: `Replay ${scene}`,
        qr: { kind: "permanent", scene: Number(scene) },
      });
    }
    for (const event of expected.events) {
      const result = await ingestEvent(
        { id: replayed.id, timezone: timeZone },
        normalizeEvent(pushFieldsOf(event)),
        null,
      );
      expect(result.isDuplicate).toBe(false);
    }
    expect(await readAccountRows(replayed.id)).toEqual(expected);
  }, 120_000);

  it("keeps every rollup equal to the one recomputed from the seeded raw events", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { timezone: "Asia/Kolkata" }));
    await seedHistory({ accountId: account.id, events: 3_000, channels: 8, days: 20, seed: 7 });
    const rows = await readAccountRows(account.id);
    const days = new Map<string, { scans: number; follows: number; unfollows: number }>();
    const scanners = new Set<string>();
    for (const event of rows.events) {
      const at = Date.parse(event.occurredAt);
      const key = `${event.scene}|${zoneDay(at, "Asia/Kolkata")}`;
      const counts = days.get(key) ?? { scans: 0, follows: 0, unfollows: 0 };
      const isScan = event.type === "scan" || (event.type === "subscribe" && event.scene !== "");
      if (isScan) {
        counts.scans += 1;
        scanners.add(`${key}|${event.openid}`);
      }
      if (event.type === "subscribe") counts.follows += 1;
      if (event.type === "unsubscribe") counts.unfollows += 1;
      days.set(key, counts);
    }
    expect(
      new Map(
        rows.rollupDays.map(({ scene, day, scans, follows, unfollows }) => [
          `${scene}|${day}`,
          { scans, follows, unfollows },
        ]),
      ),
    ).toEqual(days);
    // Per scene; "" holds all channels together.
    const sceneScannerDays = rows.scannerDays.filter((row) => row.scene !== "");
    expect(new Set(sceneScannerDays.map((row) => `${row.scene}|${row.day}|${row.openid}`))).toEqual(scanners);
    // Hours add up to days, each on a Kolkata hour (half past in UTC).
    expect(rows.rollupHours.every((row) => row.hourStart.slice(14, 19) === "30:00")).toBe(true);
    expect(rows.rollupHours.reduce((sum, row) => sum + row.scans, 0)).toBe(
      [...days.values()].reduce((sum, counts) => sum + counts.scans, 0),
    );
  }, 120_000);
});
