// POST /api/accounts/sandbox-app — a new AppID + AppSecret from the sandbox emulator, to rehearse connecting
import { route } from "@/lib/http/route";
import { getEnv } from "@/lib/env";
import { createEmulatedApp } from "@/lib/sandbox/emulated-apps";

export const POST = route({ role: "admin", account: "none", isSandbox: true }, async () =>
  Response.json({ ...createEmulatedApp(), apiBaseUrl: `${getEnv().publicUrl}/sandbox` }, { status: 201 }),
);
