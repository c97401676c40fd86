// POST /api/sandbox/unfollow — make the emulator push an unfollow to the account's webhook
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { simulateUnfollow } from "@/lib/sandbox/simulate";
import { sandboxUnfollowSchema } from "@/lib/schemas/sandbox";

export const POST = route({ role: "editor", account: "body", isSandbox: true }, async (request) =>
  Response.json(await simulateUnfollow(sandboxUnfollowSchema.parse(await readJson(request)))),
);
