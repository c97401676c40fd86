// Auto-tag by channel through the job queue, against the sandbox's tags API: the reply never
// waits for WeChat, the work survives a dead process, tags are created once and followers
// tagged in batches of ≤ 50, and WeChat's limits end in a clear message, not a loop.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createChannel } from "@/lib/channels/create-channel";
import { simulateScan } from "@/lib/sandbox/simulate";
import { addSandboxFault } from "@/lib/sandbox/faults";
import { listAccountJobs } from "@/lib/jobs/list-jobs";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { startJobWorker, stopJobWorker } from "@/lib/jobs/job-worker";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await stopJobWorker();
});
afterAll(async () => {
  await app.close();
});

const requests = (path: string) => app.server.requestCounts.get(`/sandbox/cgi-bin/${path}`) ?? 0;

async function taggedChannel(autoTagName = "Poster A") {
  const account = await createAccount(sandboxAccountInput(app.server));
  const channel = await createChannel({ accountId: account.id, name: "Poster", autoTagName, welcomeMessage: "Hi" });
  return { account, channel, appId: account.appId };
}

async function jobsOf(accountId: string) {
  return listAccountJobs(accountId, 500);
}

async function membersOf(appId: string, tagName: string): Promise<string[]> {
  const tag = await app.db.sandboxTag.findUniqueOrThrow({ where: { appId_name: { appId, name: tagName } } });
  return (await app.db.sandboxTagMember.findMany({ where: { appId, tagId: tag.id } }))
    .map((member) => member.openid)
    .sort();
}

async function runUntilIdle(workerId = "test"): Promise<void> {
  while ((await runDueJobs({ workerId })) > 0);
}

describe("auto-tag by channel", () => {
  it("answers the push first, then tags the follower; the tag is created once per account", async () => {
    const { account, channel, appId } = await taggedChannel();
    const first = await simulateScan({ channelId: channel.id });
    expect(first.reply).toContain("Hi");
    expect((await jobsOf(account.id)).map((job) => job.status)).toEqual(["pending"]);

    const tagCreates = requests("tags/create");
    await runUntilIdle();
    const second = await simulateScan({ channelId: channel.id });
    await simulateScan({ channelId: channel.id, openid: second.openid }); // a SCAN tags too (already tagged: no harm)
    await runUntilIdle();

    expect(requests("tags/create") - tagCreates).toBe(1);
    expect(await membersOf(appId, "Poster A")).toEqual([first.openid, second.openid].sort());
    const jobs = await jobsOf(account.id);
    expect(jobs.map((job) => [job.status, job.attempts, job.lastError])).toEqual([
      ["done", 1, null],
      ["done", 1, null],
      ["done", 1, null],
    ]);
    expect(await app.db.wechatTag.count({ where: { accountId: account.id, name: "Poster A" } })).toBe(1);
  });

  it("tags 120 followers in batches of at most 50", async () => {
    const { account, channel, appId } = await taggedChannel("Booth");
    const openids: string[] = [];
    for (let round = 0; round < 12; round++) {
      const results = await Promise.all(Array.from({ length: 10 }, () => simulateScan({ channelId: channel.id })));
      openids.push(...results.map((result) => result.openid));
    }
    const batchCalls = requests("tags/members/batchtagging");
    await runUntilIdle();
    expect(requests("tags/members/batchtagging") - batchCalls).toBe(3);
    expect(await membersOf(appId, "Booth")).toEqual(openids.sort());
    expect((await jobsOf(account.id)).every((job) => job.status === "done")).toBe(true);
  });

  it("backs off when WeChat does not know a just-created tag yet (45159), then succeeds", async () => {
    const { account, channel, appId } = await taggedChannel("Fresh");
    await addSandboxFault({ accountId: account.id, api: "tags/members/batchtagging", errcode: 45159, count: 1 });
    const { openid } = await simulateScan({ channelId: channel.id });
    const before = Date.now();
    await runUntilIdle();
    const [waiting] = await jobsOf(account.id);
    expect(waiting).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringContaining("does not know this tag yet"),
    });
    expect(new Date(waiting?.runAt ?? 0).getTime() - before).toBeGreaterThanOrEqual(1_500);
    await app.db.job.updateMany({ where: { id: waiting?.id }, data: { runAt: new Date() } }); // the backoff has passed
    await runUntilIdle();
    expect((await jobsOf(account.id))[0]).toMatchObject({ status: "done", attempts: 2, lastError: null });
    expect(await membersOf(appId, "Fresh")).toEqual([openid]);
  });

  it("gives up with a clear message when the account already has 100 tags", async () => {
    const { account, channel, appId } = await taggedChannel("One too many");
    await app.db.sandboxTag.createMany({
      data: Array.from({ length: 100 }, (_, index) => ({ appId, id: 100 + index, name: `tag ${index}` })),
    });
    await simulateScan({ channelId: channel.id });
    await runUntilIdle();
    const [job] = await jobsOf(account.id);
    expect(job).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringContaining("already has 100 follower tags"),
    });
    expect(requests("tags/create")).toBeGreaterThan(0);
  });

  it("tags the others when one follower already has 20 tags, and says why that one was not", async () => {
    const { account, channel, appId } = await taggedChannel("Twenty-first");
    const full = await simulateScan({ channelId: channel.id });
    const other = await simulateScan({ channelId: channel.id });
    await app.db.sandboxTag.createMany({
      data: Array.from({ length: 20 }, (_, index) => ({ appId, id: 500 + index, name: `full ${index}` })),
    });
    await app.db.sandboxTagMember.createMany({
      data: Array.from({ length: 20 }, (_, index) => ({ appId, tagId: 500 + index, openid: full.openid })),
    });
    await runUntilIdle();
    expect(await membersOf(appId, "Twenty-first")).toEqual([other.openid]);
    const byOpenid = new Map((await jobsOf(account.id)).map((job) => [job.openid, job]));
    expect(byOpenid.get(other.openid)).toMatchObject({ status: "done" });
    expect(byOpenid.get(full.openid)).toMatchObject({
      status: "failed",
      lastError: expect.stringContaining("already has 20 tags"),
    });
  });

  it("waits for the quota to reset on 45009 instead of retrying in a loop", async () => {
    const { account, channel } = await taggedChannel("Quota");
    await addSandboxFault({ accountId: account.id, api: "tags/members/batchtagging", errcode: 45009, count: 5 });
    await simulateScan({ channelId: channel.id });
    const calls = requests("tags/members/batchtagging");
    await runUntilIdle();
    await runUntilIdle();
    expect(requests("tags/members/batchtagging") - calls).toBe(1);
    const [job] = await jobsOf(account.id);
    expect(job).toMatchObject({ status: "pending", lastError: expect.stringContaining("daily API quota") });
    // Midnight in Beijing is 16:00 UTC (+1 minute of margin).
    expect(new Date(job?.runAt ?? 0).toISOString()).toMatch(/T16:01:00\.000Z$/);
  });
});

describe("the job worker", () => {
  it("leaves a job alone while another worker's lease runs, and takes it over when the lease ends", async () => {
    const { account, channel, appId } = await taggedChannel("Lease");
    const { openid } = await simulateScan({ channelId: channel.id });
    const [job] = await jobsOf(account.id);
    // A worker claimed it and died: its lease has a minute to run.
    await app.db.job.update({
      where: { id: job?.id },
      data: { lockedBy: "dead-worker/1", lockedUntil: new Date(Date.now() + 60_000), attempts: 1 },
    });
    await runUntilIdle();
    expect((await jobsOf(account.id))[0]).toMatchObject({ status: "pending" });
    await app.db.job.update({ where: { id: job?.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
    await runUntilIdle();
    expect((await jobsOf(account.id))[0]).toMatchObject({ status: "done", attempts: 2 });
    expect(await membersOf(appId, "Lease")).toEqual([openid]);
  });

  it("does on start the work a process queued before it died, and runs a new push's work at once", async () => {
    const { account, channel, appId } = await taggedChannel("Restart");
    // Answered, then the process "died": the worker never ran.
    const before = await simulateScan({ channelId: channel.id });
    expect((await jobsOf(account.id))[0]?.status).toBe("pending");

    startJobWorker();
    await expect.poll(async () => (await jobsOf(account.id))[0]?.status, { timeout: 5_000 }).toBe("done");
    // With the worker running, the push kicks it: done well before the next 3 s poll.
    const after = await simulateScan({ channelId: channel.id });
    await expect
      .poll(async () => (await jobsOf(account.id)).filter((job) => job.status === "done").length, {
        timeout: 2_000,
        interval: 50,
      })
      .toBe(2);
    expect(await membersOf(appId, "Restart")).toEqual([before.openid, after.openid].sort());
  });

  it("never gives one job to two workers running at the same time", async () => {
    // Jobs earlier tests left waiting (backoffs, quotas) may fall due meanwhile: not this test's.
    await app.db.job.deleteMany({ where: { completedAt: null } });
    const { account, channel } = await taggedChannel("Concurrent");
    for (let index = 0; index < 30; index++) await simulateScan({ channelId: channel.id });
    const counts = await Promise.all(["worker-a", "worker-b", "worker-c"].map((workerId) => runDueJobs({ workerId })));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(30);
    const jobs = await jobsOf(account.id);
    expect(jobs.every((job) => job.status === "done" && job.attempts === 1)).toBe(true);
  });
});
