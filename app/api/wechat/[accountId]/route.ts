// GET|POST /api/wechat/{accountId} — WeChat's server URL: URL verification and event pushes
import { after } from "next/server";
import { route, searchParamsOf } from "@/lib/http/route";
import { readTextWithLimit } from "@/lib/http/read-body";
import { answerVerification, maxPushBytes, receivePush } from "@/lib/events/receive-push";
import { kickJobWorker } from "@/lib/jobs/job-worker";

type Params = { accountId: string };

export const GET = route<Params>(
  { auth: "public", why: "WeChat's server URL: every request is authenticated by its signature" },
  async (request, { params }) => {
    const echo = await answerVerification(params.accountId, searchParamsOf(request));
    return new Response(echo, { headers: { "content-type": "text/plain; charset=utf-8" } });
  },
);

export const POST = route<Params>(
  { auth: "public", why: "WeChat's server URL: every request is authenticated by its signature" },
  async (request, { params }) => {
    const body = await readTextWithLimit(request, maxPushBytes);
    const reply = await receivePush(params.accountId, searchParamsOf(request), body);
    // The reply is already decided; the queued work (auto-tagging) runs once it is sent.
    if (reply.hasQueuedWork) kickJobWorkerAfterResponse();
    return new Response(reply.body, { headers: { "content-type": reply.contentType } });
  },
);

/** Once the response is on its way, so the push's answer never waits for the kick. */
function kickJobWorkerAfterResponse(): void {
  try {
    after(kickJobWorker);
  } catch {
    // Outside a Next request (the integration tests' route server): no request to wait for.
    setImmediate(kickJobWorker);
  }
}
