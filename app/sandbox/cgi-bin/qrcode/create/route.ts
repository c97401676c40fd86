// POST /sandbox/cgi-bin/qrcode/create — the emulator's parametric QR codes, WeChat's limits included
import { emulatorRoute } from "@/lib/sandbox/sandbox-mode";
import { createSandboxQrCode } from "@/lib/sandbox/qr-codes";
import { wechatErrorJson, wechatReply } from "@/lib/sandbox/wechat-errors";

export const POST = emulatorRoute(async (request) => {
  const body: unknown = await request.json().catch(() => null);
  if (!body || typeof body !== "object") return wechatErrorJson(47001, "data format error");
  return wechatReply(() => createSandboxQrCode(new URL(request.url).searchParams.get("access_token"), body));
});
