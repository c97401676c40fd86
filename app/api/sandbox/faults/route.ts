// GET|POST|DELETE /api/sandbox/faults — list, inject and clear the emulator's faults for an account
import { route, searchParamsOf } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { addSandboxFault, clearSandboxFaults, listSandboxFaults } from "@/lib/sandbox/faults";
import {
  sandboxAccountQuerySchema,
  sandboxFaultCreateSchema,
  sandboxFaultDeleteQuerySchema,
} from "@/lib/schemas/sandbox";

export const GET = route({ role: "viewer", account: "query", isSandbox: true }, async (request) => {
  const { accountId } = sandboxAccountQuerySchema.parse(searchParamsOf(request));
  return Response.json({ items: await listSandboxFaults(accountId) });
});

export const POST = route({ role: "editor", account: "body", isSandbox: true }, async (request) => {
  const input = sandboxFaultCreateSchema.parse(await readJson(request));
  return Response.json(await addSandboxFault(input), { status: 201 });
});

export const DELETE = route({ role: "editor", account: "query", isSandbox: true }, async (request) => {
  const { accountId, id } = sandboxFaultDeleteQuerySchema.parse(searchParamsOf(request));
  return Response.json({ cleared: await clearSandboxFaults(accountId, id) });
});
