// POST /api/accounts/{id}/sandbox-verification — the emulator verifies the server URL as WeChat would
import { route } from "@/lib/http/route";
import { sendSandboxVerification } from "@/lib/sandbox/verify-server-url";

export const POST = route<{ id: string }>(
  { role: "admin", account: { param: "id" }, isSandbox: true },
  async (_request, { params }) => Response.json(await sendSandboxVerification(params.id)),
);
