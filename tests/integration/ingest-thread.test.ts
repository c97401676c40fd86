// The webhook stores pushes on a thread of its own (lib/events/ingest-thread.ts). A push is stored
// exactly once or refused so WeChat retries: also when that thread ends or dies with pushes in flight.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Worker } from "node:worker_threads";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { eventXml, post, randomOpenidForTest, sealForAccount } from "@/tests/support/webhook-client";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { createChannel } from "@/lib/channels/create-channel";
import { getChannel } from "@/lib/channels/read-channels";
import { stopIngestThread } from "@/lib/events/ingest-thread";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

async function accountWithChannel() {
  const account = await createAccount(sandboxAccountInput(app.server, { mode: "safe" }));
  const channel = await createChannel({ accountId: account.id, name: "Poster" });
  return { account, channel, credentials: await getAccountCredentials(account.id) };
}

/** The running ingest thread, as a crash would find it. */
function runningIngestThread(): Worker {
  const thread = (globalThis as { __qudaoIngestThread?: { worker: Worker } }).__qudaoIngestThread;
  if (!thread) throw new Error("No ingest thread is running");
  return thread.worker;
}

describe("the ingest thread", () => {
  it("starts again for the next push after it was stopped", async () => {
    const { account, channel, credentials } = await accountWithChannel();
    const follow = (openid: string) =>
      eventXml(credentials, { FromUserName: openid, Event: "subscribe", EventKey: `qrscene_${channel.scene}` });
    const first = await sealForAccount(app.server.url, account.id, follow(randomOpenidForTest()));
    expect(await post(first.url, first.body)).toEqual([200, "success"]);
    await stopIngestThread();
    const second = await sealForAccount(app.server.url, account.id, follow(randomOpenidForTest()));
    expect(await post(second.url, second.body)).toEqual([200, "success"]);
    expect((await getChannel(channel.id)).counts.newFollows).toBe(2);
  });

  it("refuses the pushes in flight when it dies, and stores each once when WeChat sends them again", async () => {
    const { account, channel, credentials } = await accountWithChannel();
    // Started before the burst, so the burst's pushes are in flight on it when it dies.
    const warmUp = await sealForAccount(
      app.server.url,
      account.id,
      eventXml(credentials, {
        FromUserName: randomOpenidForTest(),
        Event: "subscribe",
        EventKey: `qrscene_${channel.scene}`,
      }),
    );
    expect((await post(warmUp.url, warmUp.body))[0]).toBe(200);

    const sealed = await Promise.all(
      Array.from({ length: 30 }, () =>
        sealForAccount(
          app.server.url,
          account.id,
          eventXml(credentials, {
            FromUserName: randomOpenidForTest(),
            Event: "subscribe",
            EventKey: `qrscene_${channel.scene}`,
          }),
        ),
      ),
    );
    const worker = runningIngestThread();
    const burst = Promise.all(sealed.map((push) => post(push.url, push.body)));
    setTimeout(() => void worker.terminate(), 5);
    const statuses = (await burst).map(([status]) => status);
    // Each push was stored (200) or refused (500): none hangs, none is answered as stored without being so.
    expect(statuses.every((status) => status === 200 || status === 500)).toBe(true);
    const storedBeforeRetries = await app.db.event.count({ where: { accountId: account.id } });
    expect(storedBeforeRetries).toBeGreaterThanOrEqual(1 + statuses.filter((status) => status === 200).length);

    // WeChat retries what was refused; a retry of what was stored stores nothing again.
    const retries = await Promise.all(sealed.map((push) => post(push.url, push.body)));
    expect(retries.every(([status]) => status === 200)).toBe(true);
    expect(await app.db.event.count({ where: { accountId: account.id } })).toBe(31);
    expect((await getChannel(channel.id)).counts.newFollows).toBe(31);
  });
});
