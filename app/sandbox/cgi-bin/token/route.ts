// GET /sandbox/cgi-bin/token — the emulator's classic access token (WeChat's paths and JSON)
import { emulatorRoute } from "@/lib/sandbox/sandbox-mode";
import { issueClassicToken } from "@/lib/sandbox/access-tokens";
import { callerIpOf, wechatErrorJson, wechatReply } from "@/lib/sandbox/wechat-errors";

export const GET = emulatorRoute(async (request) => {
  const query = new URL(request.url).searchParams;
  if (query.get("grant_type") !== "client_credential") return wechatErrorJson(40002, "invalid grant_type");
  return wechatReply(() => issueClassicToken(query.get("appid"), query.get("secret"), callerIpOf(request)));
});
