// GET /sandbox/cgi-bin/tags/get — the emulator's tags with their follower counts
import { emulatorRoute } from "@/lib/sandbox/sandbox-mode";
import { listSandboxTags } from "@/lib/sandbox/tags";
import { wechatReply } from "@/lib/sandbox/wechat-errors";

export const GET = emulatorRoute(async (request) => {
  return wechatReply(() => listSandboxTags(new URL(request.url).searchParams.get("access_token")));
});
