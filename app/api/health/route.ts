// GET /api/health — liveness and which database is in use
import { route } from "@/lib/http/route";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "public", why: "liveness for load balancers and monitors" }, async () =>
  Response.json(await checkHealth()),
);
