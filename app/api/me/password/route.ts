// POST /api/me/password — change my password (my other sessions end)
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { changeOwnPassword } from "@/lib/team/own-account";
import { ownPasswordChangeSchema } from "@/lib/schemas/team";

export const POST = route({ role: "viewer", account: "none" }, async (request, { actor }) => {
  const { currentPassword, newPassword } = ownPasswordChangeSchema.parse(await readJson(request));
  await changeOwnPassword(actor!, currentPassword, newPassword);
  return new Response(null, { status: 204 });
});
