// GET /api/me/sessions — where I am signed in; DELETE — sign out everywhere else
import { route } from "@/lib/http/route";
import { endOtherSessions, listOwnSessions } from "@/lib/team/own-account";

export const GET = route({ role: "viewer", account: "none" }, async (_request, { actor }) =>
  Response.json({ items: await listOwnSessions(actor!) }),
);

export const DELETE = route({ role: "viewer", account: "none" }, async (_request, { actor }) =>
  Response.json({ ended: await endOtherSessions(actor!) }),
);
