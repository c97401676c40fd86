// Channels on a real database: kinds of code, scene allocation, duplicates, the permanent quota,
// renewing, archiving and restoring, and the list's search, filters, sorting and pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { callRoute } from "@/tests/support/call-route";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createApiKey } from "@/lib/auth/api-keys";
import { createChannel } from "@/lib/channels/create-channel";
import { listChannels } from "@/lib/channels/read-channels";
import { renewChannel } from "@/lib/channels/renew-channel";
import { archiveChannel, updateChannel } from "@/lib/channels/update-channel";
import { getPermanentQuota } from "@/lib/channels/permanent-quota";
import { getChannelFacets } from "@/lib/channels/channel-facets";
import { listUnattributedScenes } from "@/lib/channels/unattributed-scenes";
import { simulateScan } from "@/lib/sandbox/simulate";
import { channelListQuerySchema, type ChannelListQuery } from "@/lib/schemas/channels";
import { POST as postChannel, GET as getChannels } from "@/app/api/channels/route";
import { POST as postRenew } from "@/app/api/channels/[id]/renew/route";
import { POST as postRestore } from "@/app/api/channels/[id]/restore/route";
import { DELETE as deleteChannel } from "@/app/api/channels/[id]/route";
import { GET as getQuota } from "@/app/api/channels/quota/route";
import { GET as getUnattributed } from "@/app/api/channels/unattributed/route";
import { getChannelStats } from "@/lib/analytics/channel-stats";
import { pushToWebhook } from "@/tests/support/stats-api";
import { addDays, todayIn } from "@/lib/time/zone";

let app: TestApp;
let editorKey: string;
beforeAll(async () => {
  app = await startTestApp();
  editorKey = (await createApiKey({ name: "channels-editor", role: "editor" })).key;
});
afterAll(async () => {
  await app.close();
});

const newAccount = () => createAccount(sandboxAccountInput(app.server));
const list = (query: Partial<ChannelListQuery> & { accountId: string }) =>
  listChannels(channelListQuerySchema.parse(query));

describe("kinds of code", () => {
  it("creates permanent and temporary codes with integer and string scenes, each with its own ticket", async () => {
    const account = await newAccount();
    const permanentInt = await createChannel({
      accountId: account.id,
      name: "Poster",
      qr: { kind: "permanent", scene: 7 },
    });
    const permanentStr = await createChannel({
      accountId: account.id,
      name: "Booth",
      qr: { kind: "permanent", scene: "booth-a" },
    });
    const temporaryInt = await createChannel({
      accountId: account.id,
      name: "Flyer",
      qr: { kind: "temporary", scene: 500_000, expiresInSeconds: 86_400 },
    });
    const temporaryStr = await createChannel({
      accountId: account.id,
      name: "KOL",
      qr: { kind: "temporary", scene: "kol-lily", expiresInSeconds: 7 * 86_400 },
    });

    expect(
      [permanentInt, permanentStr, temporaryInt, temporaryStr].map((channel) => [
        channel.qr.kind,
        channel.sceneType,
        channel.scene,
      ]),
    ).toEqual([
      ["permanent", "int", "7"],
      ["permanent", "str", "booth-a"],
      ["temporary", "int", "500000"],
      ["temporary", "str", "kol-lily"],
    ]);
    expect(
      new Set([permanentInt, permanentStr, temporaryInt, temporaryStr].map((channel) => channel.qr.url)).size,
    ).toBe(4);
    expect(permanentInt.qr.expiresAt).toBeNull();
    const expiresIn = Date.parse(temporaryStr.qr.expiresAt!) - Date.now();
    expect(expiresIn).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 86_400_000);
    const codes = await app.db.sandboxQrCode.findMany({
      where: { url: { in: [temporaryInt.qr.url!, permanentStr.qr.url!] } },
      orderBy: { actionName: "asc" },
    });
    expect(codes.map((code) => [code.actionName, code.scene])).toEqual([
      ["QR_LIMIT_STR_SCENE", "booth-a"],
      ["QR_SCENE", "500000"],
    ]);
  });

  it("allocates the next free integer, and readable unique slugs of names for string scenes", async () => {
    const account = await newAccount();
    await createChannel({ accountId: account.id, name: "Given", qr: { kind: "permanent", scene: 41 } });
    const next = await createChannel({ accountId: account.id, name: "Next" });
    expect(next.scene).toBe("42");

    const slug = (name: string) =>
      createChannel({
        accountId: account.id,
        name,
        qr: { kind: "temporary", sceneType: "str", expiresInSeconds: 3600 },
      }).then((channel) => channel.scene);
    expect(await slug("Store 12 — Café Été")).toBe("store-12-cafe-ete");
    expect(await slug("Store 12 — Cafe Ete")).toBe("store-12-cafe-ete-2");
    expect(await slug("北京三里屯店")).toBe("channel-1");
    expect(await slug("上海静安店")).toBe("channel-2");
    expect(await slug("门店 12 号")).toBe("channel-12");
  });

  it("does not allocate a scene already seen in pushes that no channel owns", async () => {
    const account = await newAccount();
    await simulateScan({ accountId: account.id, scene: 3 });
    await simulateScan({ accountId: account.id, scene: "shop" });
    expect((await createChannel({ accountId: account.id, name: "First" })).scene).toBe("4");
    expect(
      (await createChannel({ accountId: account.id, name: "Shop", qr: { kind: "permanent", sceneType: "str" } })).scene,
    ).toBe("shop-2");
  });

  it("refuses a scene another channel uses with 409, naming that channel, and creates nothing", async () => {
    const account = await newAccount();
    await createChannel({
      accountId: account.id,
      name: "Store 12 poster",
      qr: { kind: "permanent", scene: "store-12" },
    });
    const response = await callRoute(postChannel, "/api/channels", {
      key: editorKey,
      body: {
        accountId: account.id,
        name: "Copy",
        qr: { kind: "temporary", scene: "store-12", expiresInSeconds: 3600 },
      },
    });
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.error.message).toBe("Scene store-12 is already used by the channel “Store 12 poster”");
    expect(body.error.issues).toEqual([{ path: ["qr", "scene"], message: body.error.message }]);
    expect(await app.db.channel.count({ where: { accountId: account.id } })).toBe(1);
  });
});

/** `count` permanent channels in one statement (createMany of 100 000 rows takes minutes on SQLite). */
async function seedPermanentChannels(accountId: string, count: number, prefix: string) {
  const template = await createChannel({
    accountId,
    name: `${prefix} template`,
    qr: { kind: "permanent", scene: `${prefix}-template` },
  });
  await app.db.$executeRaw`
    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${count - 1})
    INSERT INTO "Channel" ("id", "accountId", "name", "qrKind", "sceneType", "scene", "createdAt", "updatedAt")
    SELECT ${prefix} || '-' || n, t."accountId", ${prefix} || ' ' || n, 'permanent', 'str', ${prefix} || '-' || n, t."createdAt", t."updatedAt"
    FROM seq, (SELECT "accountId", "createdAt", "updatedAt" FROM "Channel" WHERE "id" = ${template.id}) t`;
}

describe("the permanent quota", () => {
  it("counts permanent codes (archived too) and warns from 80 %", async () => {
    const account = await newAccount();
    const poster = await createChannel({ accountId: account.id, name: "Poster" });
    await createChannel({ accountId: account.id, name: "Temp", qr: { kind: "temporary", expiresInSeconds: 3600 } });
    await archiveChannel(poster.id);
    expect(await getPermanentQuota(account.id)).toEqual({ used: 1, limit: 100_000, remaining: 99_999, level: "ok" });

    const response = await callRoute(getQuota, `/api/channels/quota?accountId=${account.id}`, { key: editorKey });
    expect(await response.json()).toEqual({ used: 1, limit: 100_000, remaining: 99_999, level: "ok" });

    await seedPermanentChannels(account.id, 79_999, `w${account.id}`);
    expect(await getPermanentQuota(account.id)).toMatchObject({ used: 80_000, remaining: 20_000, level: "warning" });
  });

  it("refuses a permanent code once 100 000 are used, before asking WeChat", async () => {
    const account = await newAccount();
    await seedPermanentChannels(account.id, 100_000, `f${account.id}`);
    expect(await getPermanentQuota(account.id)).toMatchObject({ used: 100_000, remaining: 0, level: "critical" });
    const calls = app.server.requestCounts.get("/sandbox/cgi-bin/qrcode/create") ?? 0;
    await expect(createChannel({ accountId: account.id, name: "One more" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(app.server.requestCounts.get("/sandbox/cgi-bin/qrcode/create") ?? 0).toBe(calls);
    const temporary = await createChannel({
      accountId: account.id,
      name: "Temporary still works",
      qr: { kind: "temporary", scene: "t-1", expiresInSeconds: 3600 },
    });
    expect(temporary.qr.url).toBeTruthy();
  }, 60_000);
});

describe("renewing a temporary code", () => {
  it("gives a new ticket and expiry for the same scene, keeps the counts, and logs the old ticket", async () => {
    const account = await newAccount();
    const channel = await createChannel({
      accountId: account.id,
      name: "Flyer",
      qr: { kind: "temporary", expiresInSeconds: 3600 },
    });
    await simulateScan({ channelId: channel.id });

    const response = await callRoute(postRenew, `/api/channels/${channel.id}/renew`, {
      key: editorKey,
      body: { expiresInSeconds: 30 * 86_400 },
      params: { id: channel.id },
    });
    expect(response.status).toBe(200);
    const renewed = await response.json();
    expect(renewed.scene).toBe(channel.scene);
    expect(renewed.qr.ticket).not.toBe(channel.qr.ticket);
    expect(renewed.qr.url).not.toBe(channel.qr.url);
    expect(Date.parse(renewed.qr.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(renewed.counts).toMatchObject({ scans: 1, newFollows: 1 });
    const audit = await app.db.auditLog.findFirstOrThrow({ where: { action: "channel.renew", target: channel.id } });
    expect(JSON.parse(audit.detail!)).toMatchObject({ previousTicket: channel.qr.ticket, previousUrl: channel.qr.url });
    expect(audit.actor).toBe("channels-editor");
  });

  it("brings an expired code back to active", async () => {
    const account = await newAccount();
    const channel = await createChannel({
      accountId: account.id,
      name: "Old flyer",
      qr: { kind: "temporary", expiresInSeconds: 60 },
    });
    await app.db.channel.update({ where: { id: channel.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await list({ accountId: account.id, status: "expired" })).items.map((item) => item.id)).toEqual([
      channel.id,
    ]);
    expect((await renewChannel(channel.id, {})).status).toBe("active");
    expect((await list({ accountId: account.id, status: "expired" })).total).toBe(0);
  });

  it("refuses permanent and archived codes", async () => {
    const account = await newAccount();
    const permanent = await createChannel({ accountId: account.id, name: "Poster" });
    await expect(renewChannel(permanent.id, {})).rejects.toMatchObject({ code: "conflict" });
    const temporary = await createChannel({
      accountId: account.id,
      name: "Flyer",
      qr: { kind: "temporary", expiresInSeconds: 3600 },
    });
    await archiveChannel(temporary.id);
    await expect(renewChannel(temporary.id, {})).rejects.toMatchObject({
      code: "conflict",
      message: "Restore the channel before renewing its code",
    });
  });
});

describe("archive and restore", () => {
  it("archives without losing events, and restores the channel as it was", async () => {
    const account = await newAccount();
    const channel = await createChannel({ accountId: account.id, name: "Booth", group: "Fair", tags: ["event"] });
    await simulateScan({ channelId: channel.id });

    const archived = await (
      await callRoute(deleteChannel, `/api/channels/${channel.id}`, {
        key: editorKey,
        method: "DELETE",
        params: { id: channel.id },
      })
    ).json();
    expect(archived.status).toBe("archived");
    expect((await list({ accountId: account.id, status: "active" })).total).toBe(0);
    expect(await app.db.event.count({ where: { channelId: channel.id } })).toBe(1);
    // Pushes for an archived channel's scene still land on it.
    await simulateScan({ channelId: channel.id });

    const restored = await (
      await callRoute(postRestore, `/api/channels/${channel.id}/restore`, {
        key: editorKey,
        params: { id: channel.id },
      })
    ).json();
    expect(restored).toMatchObject({
      status: "active",
      archivedAt: null,
      scene: channel.scene,
      group: "Fair",
      tags: ["event"],
      counts: { scans: 2 },
    });
  });

  it("edits name, group, tags, welcome message and auto-tag, never the scene", async () => {
    const account = await newAccount();
    const channel = await createChannel({ accountId: account.id, name: "Old" });
    const updated = await updateChannel(channel.id, {
      name: "New",
      group: "G",
      tags: ["a", "b"],
      welcomeMessage: "你好",
      autoTagName: "VIP",
    });
    expect(updated).toMatchObject({
      name: "New",
      group: "G",
      tags: ["a", "b"],
      welcomeMessage: "你好",
      autoTagName: "VIP",
      scene: channel.scene,
    });
  });
});

describe("the list", () => {
  async function seedList() {
    const account = await newAccount();
    const rows = [
      { name: "Store 1 poster", group: "Stores", tags: ["poster"], scans: 5 },
      { name: "Store 2 poster", group: "Stores", tags: ["poster", "north"], scans: 12 },
      { name: "北京 KOL", group: "KOL", tags: ["kol"], scans: 0 },
      { name: "Booth", group: null, tags: [], scans: 30 },
    ];
    for (const row of rows) {
      const channel = await createChannel({ accountId: account.id, name: row.name, group: row.group, tags: row.tags });
      // Counts come from the rollups; seeded directly, as the webhook would have written them.
      if (row.scans)
        await app.db.rollupDay.create({
          data: {
            accountId: account.id,
            scene: channel.scene,
            day: "2025-01-01",
            scans: row.scans,
            follows: Math.floor(row.scans / 2),
            unfollows: 1,
          },
        });
    }
    const temporary = await createChannel({
      accountId: account.id,
      name: "Flyer store",
      group: "Stores",
      qr: { kind: "temporary", expiresInSeconds: 3600 },
    });
    return { account, temporary };
  }

  it("searches names, scenes and groups without regard to case", async () => {
    const { account } = await seedList();
    expect((await list({ accountId: account.id, q: "store" })).items.map((item) => item.name).sort()).toEqual([
      "Flyer store",
      "Store 1 poster",
      "Store 2 poster",
    ]);
    expect((await list({ accountId: account.id, q: "北京" })).items.map((item) => item.name)).toEqual(["北京 KOL"]);
    expect((await list({ accountId: account.id, q: "kol" })).total).toBe(1);
  });

  it("filters by group, tag, kind and status", async () => {
    const { account, temporary } = await seedList();
    expect((await list({ accountId: account.id, group: "Stores" })).total).toBe(3);
    expect((await list({ accountId: account.id, tag: "poster" })).total).toBe(2);
    expect(
      (await list({ accountId: account.id, tag: "north", group: "Stores" })).items.map((item) => item.name),
    ).toEqual(["Store 2 poster"]);
    expect((await list({ accountId: account.id, kind: "temporary" })).items.map((item) => item.id)).toEqual([
      temporary.id,
    ]);
    await archiveChannel(temporary.id);
    expect((await list({ accountId: account.id, status: "archived" })).items.map((item) => item.id)).toEqual([
      temporary.id,
    ]);
    expect((await list({ accountId: account.id, status: "active" })).total).toBe(4);
  });

  it("sorts by any count and by name, both ways, and pages through with the cursor", async () => {
    const { account } = await seedList();
    const names = async (query: Partial<ChannelListQuery>) =>
      (await list({ accountId: account.id, ...query })).items.map((item) => item.name);
    expect(await names({ sort: "scans", order: "desc" })).toEqual([
      "Booth",
      "Store 2 poster",
      "Store 1 poster",
      "Flyer store",
      "北京 KOL",
    ]);
    expect((await names({ sort: "scans", order: "asc" })).slice(2)).toEqual([
      "Store 1 poster",
      "Store 2 poster",
      "Booth",
    ]);
    expect((await names({ sort: "newFollows", order: "desc" })).slice(0, 3)).toEqual([
      "Booth",
      "Store 2 poster",
      "Store 1 poster",
    ]);
    expect((await names({ sort: "netFollows", order: "desc" })).slice(0, 2)).toEqual(["Booth", "Store 2 poster"]);
    expect(await names({ sort: "name", order: "asc" })).toEqual([
      "Booth",
      "Flyer store",
      "Store 1 poster",
      "Store 2 poster",
      "北京 KOL",
    ]);

    const first = await list({ accountId: account.id, sort: "scans", limit: 2 });
    expect([first.total, first.nextCursor, first.items.map((item) => item.name)]).toEqual([
      5,
      "2",
      ["Booth", "Store 2 poster"],
    ]);
    expect(first.items[0]!.counts).toMatchObject({ scans: 30, newFollows: 15, unfollows: 1, netFollows: 14 });
    const response = await callRoute(
      getChannels,
      `/api/channels?accountId=${account.id}&sort=scans&limit=2&cursor=${first.nextCursor}`,
      { key: editorKey },
    );
    const second = await response.json();
    expect(second.items.map((item: { name: string }) => item.name)).toEqual(["Store 1 poster", "Flyer store"]);
    expect(second.nextCursor).toBe("4");
    const last = await list({ accountId: account.id, sort: "scans", limit: 2, offset: 4 });
    expect([last.items.length, last.nextCursor]).toEqual([1, null]);
  });

  it("counts and sorts over a range, retention included, with the stats API's numbers", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }));
    // One after the other: equal values keep the newest first.
    const channels = [];
    for (const name of ["Half kept", "All kept", "Too new", "Old only"])
      channels.push(await createChannel({ accountId: account.id, name }));
    const [halfKept, allKept, tooNew, oldOnly] = channels;
    const daysAgo = (days: number) => Math.floor(Date.now() / 1000) - days * 86_400;
    const follow = (openid: string, scene: string, days: number) =>
      pushToWebhook(app.server.url, account.id, {
        openid,
        createTime: daysAgo(days),
        event: "subscribe",
        eventKey: `qrscene_${scene}`,
      });
    await follow("oHalfKept000000000000000001", halfKept!.scene, 40);
    await follow("oHalfKept000000000000000002", halfKept!.scene, 40);
    await pushToWebhook(app.server.url, account.id, {
      openid: "oHalfKept000000000000000002",
      createTime: daysAgo(35),
      event: "unsubscribe",
      eventKey: "",
    });
    await follow("oAllKept0000000000000000001", allKept!.scene, 40);
    await follow("oTooNew00000000000000000001", tooNew!.scene, 2);
    // All-time only: a busy day long before the range.
    await app.db.rollupDay.create({
      data: { accountId: account.id, scene: oldOnly!.scene, day: "2020-01-01", scans: 100, follows: 0, unfollows: 0 },
    });
    const to = todayIn(account.timezone);
    const range = { from: addDays(to, -59), to };
    const names = async (query: Partial<ChannelListQuery>) =>
      (await list({ accountId: account.id, ...range, ...query })).items.map((item) => item.name);

    // No cohort 30 days old sorts last both ways.
    expect(await names({ sort: "retentionD30", order: "desc" })).toEqual([
      "All kept",
      "Half kept",
      "Old only",
      "Too new",
    ]);
    expect((await names({ sort: "retentionD30", order: "asc" })).slice(0, 2)).toEqual(["Half kept", "All kept"]);
    expect((await names({ sort: "scans", order: "desc" })).at(-1)).toBe("Old only");
    expect((await list({ accountId: account.id, sort: "scans" })).items[0]!.name).toBe("Old only");

    const listed = await list({ accountId: account.id, ...range, limit: 10 });
    const stats = await getChannelStats({ accountId: account.id, ...range });
    for (const row of stats.rows) {
      const { channelId, name, group, scene, isArchived, ...inRange } = row;
      void [name, group, scene, isArchived];
      expect(listed.items.find((item) => item.id === channelId)!.inRange, name).toEqual(inRange);
    }
    expect(listed.items.find((item) => item.name === "Half kept")!.inRange!.retention.d30).toBe(0.5);
    expect((await list({ accountId: account.id })).items[0]!.inRange).toBeUndefined();

    for (const [query, field] of [
      ["sort=retentionD30", "sort"],
      [`from=${range.from}`, "to"],
      [`from=${range.to}&to=${range.from}`, "from"],
    ] as const) {
      const response = await callRoute(getChannels, `/api/channels?accountId=${account.id}&${query}`, {
        key: editorKey,
      });
      expect(response.status, query).toBe(422);
      const body = await response.json();
      expect(
        body.error.issues.map((issue: { path: string[] }) => issue.path[0]),
        query,
      ).toContain(field);
    }
  });

  it("lists the groups and tags in use with their counts", async () => {
    const { account } = await seedList();
    expect(await getChannelFacets(account.id)).toEqual({
      groups: [
        { name: "KOL", count: 1 },
        { name: "Stores", count: 3 },
      ],
      tags: [
        { name: "kol", count: 1 },
        { name: "north", count: 1 },
        { name: "poster", count: 2 },
      ],
    });
  });
});

describe("unattributed scenes", () => {
  it("lists scenes no channel owns with counts and last seen, and a channel created with one claims its events", async () => {
    const account = await newAccount();
    await createChannel({ accountId: account.id, name: "Owned", qr: { kind: "permanent", scene: 1 } });
    await simulateScan({ accountId: account.id, scene: 1 });
    const first = await simulateScan({ accountId: account.id, scene: "made-elsewhere" });
    await simulateScan({ accountId: account.id, scene: "made-elsewhere", openid: first.openid });
    await simulateScan({ accountId: account.id, scene: 200_000 });

    const response = await callRoute(getUnattributed, `/api/channels/unattributed?accountId=${account.id}`, {
      key: editorKey,
    });
    const { items } = await response.json();
    // The most scanned first, though 200000 was seen last.
    expect(items.map((item: { scene: string }) => item.scene)).toEqual(["made-elsewhere", "200000"]);
    const elsewhere = items.find((item: { scene: string }) => item.scene === "made-elsewhere");
    expect(elsewhere).toMatchObject({
      sceneType: "str",
      scans: 2,
      follows: 1,
      claimableAs: ["permanent", "temporary"],
    });
    expect(Date.now() - Date.parse(elsewhere.lastSeenAt)).toBeLessThan(60_000);
    expect(items.find((item: { scene: string }) => item.scene === "200000").claimableAs).toEqual(["temporary"]);

    const claimed = await createChannel({
      accountId: account.id,
      name: "Claimed",
      qr: { kind: "permanent", scene: "made-elsewhere" },
    });
    expect(claimed.counts).toMatchObject({ scans: 2, newFollows: 1, uniqueScanners: 1 });
    expect(await app.db.event.count({ where: { channelId: claimed.id } })).toBe(2);
    expect((await listUnattributedScenes(account.id)).map((item) => item.scene)).toEqual(["200000"]);
  });
});
