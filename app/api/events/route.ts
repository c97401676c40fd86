// GET /api/events — raw events, newest first, cursor-paginated
import { route, searchParamsOf } from "@/lib/http/route";
import { listEvents } from "@/lib/events/list-events";
import { eventListQuerySchema } from "@/lib/schemas/events";

export const GET = route({ role: "viewer", account: "query" }, async (request) =>
  Response.json(await listEvents(eventListQuerySchema.parse(searchParamsOf(request)))),
);
