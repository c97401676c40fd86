// POST /api/bench/bare — a bare route handler (reads the body, answers "success"), only with
// QUDAO_BENCH=1: `npm run bench` compares the webhook's throughput with it on the same server.
import { getEnv } from "@/lib/env";

export async function POST(request: Request): Promise<Response> {
  if (!getEnv().QUDAO_BENCH) return new Response(null, { status: 404 });
  await request.text();
  return new Response("success", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
