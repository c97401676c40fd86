// A closed-loop HTTP load: `concurrency` keep-alive connections, each sending its next request as
// soon as the last one is answered, for a fixed time. Sustained throughput and latency percentiles.
import http from "node:http";
import { summarize, type LatencySummary } from "@/scripts/bench/percentiles";

export interface LoadResult {
  requestsPerSecond: number;
  completed: number;
  failed: number;
  latency: LatencySummary;
}

export interface LoadRequest {
  path: string;
  body: string;
}

export async function runLoad(options: {
  baseUrl: string;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  next: () => LoadRequest;
}): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const send = (request: LoadRequest) =>
    new Promise<number>((resolve, reject) => {
      const outgoing = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: request.path,
          method: "POST",
          agent,
          headers: { "content-type": "text/xml", "content-length": Buffer.byteLength(request.body) },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on("error", reject);
      outgoing.end(request.body);
    });

  const started = performance.now();
  const measureFrom = started + options.warmupSeconds * 1000;
  const stopAt = measureFrom + options.seconds * 1000;
  const latencies: number[] = [];
  let failed = 0;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const request = options.next();
      const sentAt = performance.now();
      let status = 0;
      try {
        status = await send(request);
      } catch {
        status = 0;
      }
      const doneAt = performance.now();
      if (sentAt < measureFrom || doneAt > stopAt) continue;
      if (status === 200) latencies.push(doneAt - sentAt);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  return {
    requestsPerSecond: latencies.length / options.seconds,
    completed: latencies.length,
    failed,
    latency: summarize(latencies),
  };
}
