// POST /api/bench/bare/{accountId} — a bare route handler (reads the body, answers "success"),
// only with QUDAO_BENCH=1: `npm run bench` compares the webhook's throughput with it on the same
// server. The same route shape as the webhook (a dynamic segment), so the ratio is the webhook's
// own work: protocol, ingest, reply.
import { getEnv } from "@/lib/env";

export async function POST(request: Request, context: { params: Promise<{ accountId: string }> }): Promise<Response> {
  if (!getEnv().QUDAO_BENCH) return new Response(null, { status: 404 });
  await context.params;
  await request.text();
  return new Response("success", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
