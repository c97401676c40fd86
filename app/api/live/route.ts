// GET /api/live — server-sent events of an account's new pushes (resumes from Last-Event-ID)
import { route, searchParamsOf } from "@/lib/http/route";
import { LiveCursor, openLiveStream } from "@/lib/analytics/live-feed";
import { liveQuerySchema } from "@/lib/schemas/stats";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const { accountId } = liveQuerySchema.parse(searchParamsOf(request));
  const lastEventId = Number(request.headers.get("last-event-id"));
  const cursor = await LiveCursor.start(
    accountId,
    Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : null,
  );
  return new Response(openLiveStream(cursor, request.signal), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
