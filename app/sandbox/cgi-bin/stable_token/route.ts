// POST /sandbox/cgi-bin/stable_token — the emulator's stable access token
import { emulatorRoute } from "@/lib/sandbox/sandbox-mode";
import { issueStableToken } from "@/lib/sandbox/access-tokens";
import { callerIpOf, wechatErrorJson, wechatReply } from "@/lib/sandbox/wechat-errors";

export const POST = emulatorRoute(async (request) => {
  const body: unknown = await request.json().catch(() => null);
  if (!body || typeof body !== "object") return wechatErrorJson(47001, "data format error");
  return wechatReply(() => issueStableToken(body, callerIpOf(request)));
});
