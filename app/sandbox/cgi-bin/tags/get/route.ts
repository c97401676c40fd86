// GET /sandbox/cgi-bin/tags/get — the emulator's tags with their follower counts
import { listSandboxTags } from "@/lib/sandbox/tags";
import { wechatReply } from "@/lib/sandbox/wechat-errors";

export async function GET(request: Request): Promise<Response> {
  return wechatReply(() => listSandboxTags(new URL(request.url).searchParams.get("access_token")));
}
