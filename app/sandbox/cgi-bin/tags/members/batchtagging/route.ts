// POST /sandbox/cgi-bin/tags/members/batchtagging — tag up to 50 followers (20 tags each at most)
import { emulatorRoute } from "@/lib/sandbox/sandbox-mode";
import { batchTagSandboxFollowers } from "@/lib/sandbox/tags";
import { wechatErrorJson, wechatReply } from "@/lib/sandbox/wechat-errors";

export const POST = emulatorRoute(async (request) => {
  const body: unknown = await request.json().catch(() => null);
  if (!body || typeof body !== "object") return wechatErrorJson(47001, "data format error");
  return wechatReply(() => batchTagSandboxFollowers(new URL(request.url).searchParams.get("access_token"), body));
});
