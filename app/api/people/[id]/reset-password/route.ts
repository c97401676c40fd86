// POST /api/people/{id}/reset-password — an owner sets a temporary password; their sessions end
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { resetPassword } from "@/lib/team/people";
import { passwordResetSchema } from "@/lib/schemas/team";

export const POST = route<{ id: string }>({ role: "owner", account: "none" }, async (request, { params }) => {
  const { temporaryPassword } = passwordResetSchema.parse(await readJson(request));
  await resetPassword(params.id, temporaryPassword);
  return new Response(null, { status: 204 });
});
