// POST /sandbox/cgi-bin/tags/create — the emulator's follower tags (100 per account, names ≤ 30 bytes)
import { emulatorRoute } from "@/lib/sandbox/sandbox-mode";
import { createSandboxTag } from "@/lib/sandbox/tags";
import { wechatErrorJson, wechatReply } from "@/lib/sandbox/wechat-errors";

export const POST = emulatorRoute(async (request) => {
  const body: unknown = await request.json().catch(() => null);
  if (!body || typeof body !== "object") return wechatErrorJson(47001, "data format error");
  return wechatReply(() => createSandboxTag(new URL(request.url).searchParams.get("access_token"), body));
});
