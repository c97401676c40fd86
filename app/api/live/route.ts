// GET /api/live — server-sent events of an account's new pushes (resumes from Last-Event-ID)
import { route, searchParamsOf } from "@/lib/http/route";
import { LiveCursor, openLiveStream } from "@/lib/analytics/live-feed";
import { liveQuerySchema } from "@/lib/schemas/stats";

export const dynamic = "force-dynamic";

/** What a new viewer sees at once: as many as the feed keeps on screen. */
const recentLiveEventCount = 50;

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const { accountId } = liveQuerySchema.parse(searchParamsOf(request));
  const lastEventId = Number(request.headers.get("last-event-id"));
  // A reconnecting browser resumes after the last push it saw; a new viewer first sees the latest ones.
  const { cursor, recent } =
    Number.isSafeInteger(lastEventId) && lastEventId > 0
      ? { cursor: await LiveCursor.start(accountId, lastEventId), recent: [] }
      : await LiveCursor.startWithRecent(accountId, recentLiveEventCount);
  return new Response(openLiveStream(cursor, request.signal, { recent }), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
