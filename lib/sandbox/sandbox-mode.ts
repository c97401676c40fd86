// Whether this server runs the built-in WeChat emulator (QUDAO_SANDBOX, on by default), and where.
import { getEnv } from "@/lib/env";

export function isSandboxEnabled(): boolean {
  return getEnv().QUDAO_SANDBOX === "on";
}

/**
 * The emulator's API base on this server, read at run time: a CLI run with another PORT must not
 * re-point a running server's sandbox. Accounts flagged isEmulated always talk to this address,
 * whatever their stored apiBaseUrl says.
 */
export function ownSandboxBaseUrl(): string {
  return `${getEnv().publicUrl}/sandbox`;
}

/** Wraps one of the emulator's WeChat routes (/sandbox/cgi-bin/*): a plain 404 while the sandbox is off. */
export function emulatorRoute(
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => (isSandboxEnabled() ? handler(request) : new Response("Not found", { status: 404 }));
}
