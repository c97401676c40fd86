// The emulator is wire-compatible with WeChat (PROTOCOL.md §1, §2, §5): same paths, same JSON,
// same errcodes and limits, spoken to over raw HTTP as any WeChat SDK would.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { simulateScan } from "@/lib/sandbox/simulate";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await app.close();
});

type Json = Record<string, unknown>;

async function newApp() {
  const input = sandboxAccountInput(app.server);
  const account = await createAccount(input);
  return { accountId: account.id, appid: input.appId, secret: input.appSecret };
}

async function call(path: string, body?: unknown): Promise<Json> {
  const response = await fetch(
    `${app.server.url}/sandbox/cgi-bin/${path}`,
    body === undefined ? undefined : { method: "POST", body: JSON.stringify(body) },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

const classicToken = (appid: string, secret: string) =>
  call(`token?grant_type=client_credential&appid=${appid}&secret=${secret}`);
const stableToken = (appid: string, secret: string, forceRefresh = false) =>
  call("stable_token", { grant_type: "client_credential", appid, secret, force_refresh: forceRefresh });

async function tokenOf(appid: string, secret: string): Promise<string> {
  return String((await stableToken(appid, secret)).access_token);
}

describe("access tokens", () => {
  it("stable_token: the same token until its last 5 minutes, a new one on force_refresh", async () => {
    const { appid, secret } = await newApp();
    const first = await stableToken(appid, secret);
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 });
    expect(String(first.access_token).length).toBeGreaterThan(150);
    expect((await stableToken(appid, secret)).access_token).toBe(first.access_token);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + (7200 - 299) * 1000 });
    const renewed = await stableToken(appid, secret);
    expect(renewed.access_token).not.toBe(first.access_token);
    expect(renewed.expires_in).toBe(7200);
    vi.useRealTimers();
    expect((await stableToken(appid, secret, true)).access_token).not.toBe(renewed.access_token);
  });

  it("classic token: a new fetch ends the old token after a 5-minute overlap (40001), expiry says 42001", async () => {
    const { appid, secret } = await newApp();
    const old = String((await classicToken(appid, secret)).access_token);
    const current = String((await classicToken(appid, secret)).access_token);
    expect(current).not.toBe(old);
    const start = Date.now();
    const list = (token: string) => call(`tags/get?access_token=${encodeURIComponent(token)}`);
    expect(await list(old)).toEqual({ tags: [] });
    vi.useFakeTimers({ toFake: ["Date"], now: start + 4 * 60_000 });
    expect(await list(old)).toEqual({ tags: [] });
    vi.setSystemTime(start + 6 * 60_000);
    expect((await list(old)).errcode).toBe(40001);
    expect(await list(current)).toEqual({ tags: [] });
    vi.setSystemTime(start + 7201_000);
    expect((await list(current)).errcode).toBe(42001);
  });

  it("answers WeChat's errcodes for bad credentials", async () => {
    const { appid, secret } = await newApp();
    expect((await classicToken(appid, "wrong")).errcode).toBe(40125);
    expect((await classicToken("wx0000000000000000", secret)).errcode).toBe(40013);
    expect((await call(`token?grant_type=password&appid=${appid}&secret=${secret}`)).errcode).toBe(40002);
    expect((await call("stable_token", { grant_type: "client_credential", appid })).errcode).toBe(41004);
    expect((await call("qrcode/create", { action_name: "QR_LIMIT_SCENE" })).errcode).toBe(41001);
    expect((await call("qrcode/create?access_token=nope", { action_name: "QR_LIMIT_SCENE" })).errcode).toBe(40001);
    expect(String((await call("tags/get?access_token=nope")).errmsg)).toMatch(/ rid: /);
  });
});

describe("qrcode/create", () => {
  it("creates all four action types with WeChat's reply shapes, and serves the image by URL-encoded ticket", async () => {
    const { appid, secret } = await newApp();
    const token = await tokenOf(appid, secret);
    const create = (body: Json) => call(`qrcode/create?access_token=${token}`, body);
    const temporary = await create({
      expire_seconds: 604800,
      action_name: "QR_SCENE",
      action_info: { scene: { scene_id: 4_294_967_295 } },
    });
    expect(temporary).toEqual({
      ticket: expect.stringMatching(/^gQ/),
      expire_seconds: 604800,
      url: expect.stringMatching(/^http:\/\/weixin\.qq\.com\/q\//),
    });
    expect(
      Object.keys(
        await create({
          expire_seconds: 60,
          action_name: "QR_STR_SCENE",
          action_info: { scene: { scene_str: "poster-a" } },
        }),
      ).sort(),
    ).toEqual(["expire_seconds", "ticket", "url"]);
    const permanent = await create({ action_name: "QR_LIMIT_SCENE", action_info: { scene: { scene_id: 100_000 } } });
    expect(Object.keys(permanent).sort()).toEqual(["ticket", "url"]);
    expect(
      Object.keys(
        await create({ action_name: "QR_LIMIT_STR_SCENE", action_info: { scene: { scene_str: "x".repeat(64) } } }),
      ).sort(),
    ).toEqual(["ticket", "url"]);
    // A permanent scene has one code forever.
    expect(
      (await create({ action_name: "QR_LIMIT_SCENE", action_info: { scene: { scene_id: 100_000 } } })).ticket,
    ).toBe(permanent.ticket);

    const image = await fetch(
      `${app.server.url}/sandbox/cgi-bin/showqrcode?ticket=${encodeURIComponent(String(temporary.ticket))}`,
    );
    expect([image.status, image.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect((await fetch(`${app.server.url}/sandbox/cgi-bin/showqrcode?ticket=gQunknown`)).status).toBe(404);
  });

  it.each([
    [
      "a temporary scene_id of 0",
      { expire_seconds: 60, action_name: "QR_SCENE", action_info: { scene: { scene_id: 0 } } },
      40053,
    ],
    [
      "a temporary scene_id past 32 bits",
      { expire_seconds: 60, action_name: "QR_SCENE", action_info: { scene: { scene_id: 4_294_967_296 } } },
      40053,
    ],
    [
      "a permanent scene_id of 100001",
      { action_name: "QR_LIMIT_SCENE", action_info: { scene: { scene_id: 100_001 } } },
      40053,
    ],
    [
      "a scene_str of 65 characters",
      { action_name: "QR_LIMIT_STR_SCENE", action_info: { scene: { scene_str: "x".repeat(65) } } },
      40053,
    ],
    [
      "an empty scene_str",
      { expire_seconds: 60, action_name: "QR_STR_SCENE", action_info: { scene: { scene_str: "" } } },
      40053,
    ],
    ["an unknown action", { action_name: "QR_FOREVER", action_info: { scene: { scene_id: 1 } } }, 40052],
  ])("refuses %s", async (_name, body, errcode) => {
    const { appid, secret } = await newApp();
    expect((await call(`qrcode/create?access_token=${await tokenOf(appid, secret)}`, body)).errcode).toBe(errcode);
  });
});

describe("tags", () => {
  it("creates, lists and refuses tags as WeChat does: 45157 duplicate, 45158 over 30 bytes, 45056 past 100", async () => {
    const { appid, secret } = await newApp();
    const token = await tokenOf(appid, secret);
    const create = (name: unknown) => call(`tags/create?access_token=${token}`, { tag: { name } });
    const created = await create("广东");
    expect(created).toEqual({ tag: { id: expect.any(Number), name: "广东" } });
    expect((await create("广东")).errcode).toBe(45157);
    expect((await create("十个汉字正好三十字节")).tag).toBeDefined(); // 30 bytes
    expect((await create("十一个汉字超过三十字节")).errcode).toBe(45158); // 33 bytes
    for (let index = 2; index < 100; index++) expect((await create(`t${index}`)).tag).toBeDefined();
    expect((await create("one too many")).errcode).toBe(45056);
    const listed = (await call(`tags/get?access_token=${token}`)).tags as Json[];
    expect(listed).toHaveLength(100);
    expect(listed[0]).toEqual({ id: (created.tag as Json).id, name: "广东", count: 0 });
  });

  it("tags followers all or nothing: ≤ 50 per call (40032), known tag (45159), followers only (40003), ≤ 20 tags each (45059)", async () => {
    const { accountId, appid, secret } = await newApp();
    const token = await tokenOf(appid, secret);
    const tagIds: number[] = [];
    for (let index = 0; index < 21; index++)
      tagIds.push(
        Number(((await call(`tags/create?access_token=${token}`, { tag: { name: `tag ${index}` } })).tag as Json).id),
      );
    const [first, second] = [
      await simulateScan({ accountId, scene: "a" }),
      await simulateScan({ accountId, scene: "b" }),
    ];
    const tag = (tagid: unknown, openidList: unknown) =>
      call(`tags/members/batchtagging?access_token=${token}`, { openid_list: openidList, tagid });

    expect(await tag(tagIds[0], [first.openid, second.openid])).toEqual({ errcode: 0, errmsg: "ok" });
    expect(await tag(tagIds[0], [first.openid])).toEqual({ errcode: 0, errmsg: "ok" }); // again: no harm
    expect(
      (
        await tag(
          tagIds[0],
          Array.from({ length: 51 }, (_, index) => `o${index}`),
        )
      ).errcode,
    ).toBe(40032);
    expect((await tag(tagIds[0], [])).errcode).toBe(40032);
    expect((await tag(99_999, [first.openid])).errcode).toBe(45159);
    expect((await tag(tagIds[1], [first.openid, "oNotAFollower"])).errcode).toBe(40003);
    for (const tagId of tagIds.slice(1, 20)) expect((await tag(tagId, [first.openid])).errcode).toBe(0);
    // first now has 20 tags: the 21st is refused for the whole call, second included.
    expect((await tag(tagIds[20], [second.openid, first.openid])).errcode).toBe(45059);
    const tags = (await call(`tags/get?access_token=${token}`)).tags as Json[];
    expect(tags.find((entry) => entry.id === tagIds[0])?.count).toBe(2);
    expect(tags.find((entry) => entry.id === tagIds[20])?.count).toBe(0);
  });
});
