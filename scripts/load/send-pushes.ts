// Sends pushes as WeChat does: POST with a 5 s deadline (WeChat gives up after 5 s and retries),
// keep-alive connections, and ~10 % of pushes delivered again — at once, concurrently, or a moment
// later — byte for byte the same. A push counts as acknowledged when any delivery got a 2xx in time.
import http from "node:http";
import type { SealedLoadPush } from "@/scripts/load/push-stream";

export const wechatDeadlineMs = 5_000;

export interface SendOptions {
  baseUrl: string;
  /** Pushes per second, or "max" for as many as `concurrency` connections carry. */
  rate: number | "max";
  seconds: number;
  concurrency: number;
  retryShare: number;
  next: () => SealedLoadPush;
  onAcknowledged: (push: SealedLoadPush) => void;
}

export interface SendOutcome {
  pushes: number;
  deliveries: number;
  acknowledged: number;
  /** Pushes none of whose deliveries got a 2xx in time (WeChat would retry them later). */
  unacknowledged: number;
  statusCounts: Record<string, number>;
  /** Latency of every delivery that got a 2xx in time, in ms. */
  latenciesMs: number[];
  elapsedSeconds: number;
}

export async function sendPushes(options: SendOptions): Promise<SendOutcome> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const outcome: SendOutcome = {
    pushes: 0,
    deliveries: 0,
    acknowledged: 0,
    unacknowledged: 0,
    statusCounts: {},
    latenciesMs: [],
    elapsedSeconds: 0,
  };

  const deliver = async (push: SealedLoadPush): Promise<boolean> => {
    outcome.deliveries++;
    const sentAt = performance.now();
    const status = await post(url, agent, push);
    const elapsedMs = performance.now() - sentAt;
    const label = status === 0 ? "network error or timeout" : String(status);
    outcome.statusCounts[label] = (outcome.statusCounts[label] ?? 0) + 1;
    const isAcknowledged = status >= 200 && status < 300 && elapsedMs <= wechatDeadlineMs;
    if (isAcknowledged) outcome.latenciesMs.push(elapsedMs);
    return isAcknowledged;
  };

  const sendOne = async (push: SealedLoadPush): Promise<void> => {
    outcome.pushes++;
    const deliveries = [deliver(push)];
    if (Math.random() < options.retryShare) deliveries.push(retryLater(push, deliver));
    const results = await Promise.all(deliveries);
    if (results.some(Boolean)) {
      outcome.acknowledged++;
      options.onAcknowledged(push);
    } else outcome.unacknowledged++;
  };

  const started = performance.now();
  const stopAt = started + options.seconds * 1000;
  if (options.rate === "max") await closedLoop(options, stopAt, sendOne);
  else await openLoop(options.rate, options.concurrency, stopAt, options.next, sendOne);
  outcome.elapsedSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  return outcome;
}

/** A WeChat-style second delivery: concurrent with the first, or up to a second after it. */
async function retryLater(push: SealedLoadPush, deliver: (push: SealedLoadPush) => Promise<boolean>) {
  const delayMs = Math.random() < 0.5 ? 0 : Math.random() * 1_000;
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  return deliver(push);
}

async function closedLoop(options: SendOptions, stopAt: number, sendOne: (push: SealedLoadPush) => Promise<void>) {
  const worker = async () => {
    while (performance.now() < stopAt) await sendOne(options.next());
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}

/** Starts pushes on a fixed schedule whatever the server's speed, up to `concurrency` in flight. */
async function openLoop(
  rate: number,
  concurrency: number,
  stopAt: number,
  next: () => SealedLoadPush,
  sendOne: (push: SealedLoadPush) => Promise<void>,
) {
  const intervalMs = 1000 / rate;
  const inFlight = new Set<Promise<void>>();
  let dueAt = performance.now();
  while (dueAt < stopAt) {
    const waitMs = dueAt - performance.now();
    if (waitMs > 1) await new Promise((resolve) => setTimeout(resolve, waitMs));
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
    const sending = sendOne(next()).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    dueAt += intervalMs;
  }
  await Promise.all(inFlight);
}

function post(url: URL, agent: http.Agent, push: SealedLoadPush): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: push.path,
        method: "POST",
        agent,
        timeout: wechatDeadlineMs,
        headers: { "content-type": "text/xml", "content-length": Buffer.byteLength(push.body) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", () => resolve(0));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("timeout")));
    outgoing.on("error", () => resolve(0));
    outgoing.end(push.body);
  });
}
