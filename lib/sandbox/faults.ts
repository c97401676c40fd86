// Fault injection: the next N calls of an emulator API answer an errcode or come late, and
// pushes can be delayed or dropped. Tests and demos use it to show what Qudao does when WeChat
// misbehaves, without waiting for WeChat to misbehave.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { findAccountRow } from "@/lib/accounts/account-records";
import { findSandboxApp } from "@/lib/sandbox/sandbox-apps";
import { SandboxWechatError } from "@/lib/sandbox/wechat-errors";
import { isEmulatedAppId } from "@/lib/sandbox/emulated-apps";
import type { SandboxFault as SandboxFaultRow } from "@/lib/db/generated/sqlite/client";
import {
  sandboxFaultCreateSchema,
  type SandboxFault,
  type SandboxFaultApi,
  type SandboxFaultCreateInput,
} from "@/lib/schemas/sandbox";

const takeAttempts = 5;

async function sandboxAppIdOf(accountId: string): Promise<string> {
  const account = await findAccountRow(accountId);
  if (!(await findSandboxApp(account.appId)))
    throw new AppError(
      "conflict",
      "This account is connected to the real WeChat: faults can only be injected into the sandbox",
    );
  return account.appId;
}

/** An emulated app's id, as long as no account has taken it (then faults go through the account). */
async function unconnectedEmulatedAppId(appId: string): Promise<string> {
  if (!isEmulatedAppId(appId)) throw new AppError("validation_failed", "Not an app made by the sandbox emulator");
  if (await getDb().account.findUnique({ where: { appId }, select: { id: true } }))
    throw new AppError("conflict", "This app is connected: inject faults through its accountId");
  return appId;
}

function toPublicFault(row: SandboxFaultRow): SandboxFault {
  return {
    id: row.id,
    api: row.api as SandboxFaultApi,
    errcode: row.errcode,
    latencyMs: row.latencyMs,
    dropPush: row.dropPush,
    remaining: row.remaining,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function addSandboxFault(rawInput: SandboxFaultCreateInput): Promise<SandboxFault> {
  const input = sandboxFaultCreateSchema.parse(rawInput);
  const appId = input.accountId ? await sandboxAppIdOf(input.accountId) : await unconnectedEmulatedAppId(input.appId!);
  const row = await getDb().sandboxFault.create({
    data: {
      appId,
      api: input.api,
      errcode: input.errcode ?? null,
      latencyMs: input.latencyMs,
      dropPush: input.dropPush,
      remaining: input.count,
    },
  });
  return toPublicFault(row);
}

export async function listSandboxFaults(accountId: string): Promise<SandboxFault[]> {
  const appId = await sandboxAppIdOf(accountId);
  const rows = await getDb().sandboxFault.findMany({ where: { appId, remaining: { gt: 0 } }, orderBy: { id: "asc" } });
  return rows.map(toPublicFault);
}

/** Clears one fault, or all of the account's when `faultId` is left out; returns how many. */
export async function clearSandboxFaults(accountId: string, faultId?: number): Promise<number> {
  const appId = await sandboxAppIdOf(accountId);
  const { count } = await getDb().sandboxFault.deleteMany({ where: { appId, ...(faultId ? { id: faultId } : {}) } });
  return count;
}

/**
 * Uses up one call of the oldest fault for this API (or "*"), if any. The decrement is
 * conditional on the count read, so concurrent calls never use the same unit twice.
 */
async function takeFault(appId: string, apis: string[]): Promise<SandboxFaultRow | null> {
  const db = getDb();
  for (let attempt = 0; attempt < takeAttempts; attempt++) {
    const fault = await db.sandboxFault.findFirst({
      where: { appId, api: { in: apis }, remaining: { gt: 0 } },
      orderBy: { id: "asc" },
    });
    if (!fault) return null;
    const taken = await db.sandboxFault.updateMany({
      where: { id: fault.id, remaining: fault.remaining },
      data: { remaining: fault.remaining - 1 },
    });
    if (taken.count === 1) {
      if (fault.remaining === 1) await db.sandboxFault.deleteMany({ where: { id: fault.id, remaining: 0 } });
      return fault;
    }
  }
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** WeChat's own wording for the errors a person is shown (the wizard reads the IP from 40164's). */
function errmsgOf(errcode: number, callerIp: string): string {
  if (errcode === 40164) return `invalid ip ${callerIp} ipv6 ::ffff:${callerIp}, not in whitelist`;
  if (errcode === 40013) return "invalid appid";
  if (errcode === 40125) return "invalid appsecret";
  if (errcode === 48001) return "api unauthorized";
  return `injected fault (${errcode})`;
}

/** Called at the start of every emulated API call: waits and/or throws the injected errcode. */
export async function applyApiFault(
  appId: string | null,
  api: Exclude<SandboxFaultApi, "*" | "push">,
  callerIp = "127.0.0.1",
): Promise<void> {
  if (!appId) return;
  const fault = await takeFault(appId, [api, "*"]);
  if (!fault) return;
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.errcode !== null) throw new SandboxWechatError(fault.errcode, errmsgOf(fault.errcode, callerIp));
}

/** Called before a push is sent: waits, and says whether to drop it. */
export async function applyPushFault(appId: string): Promise<{ isDropped: boolean }> {
  const fault = await takeFault(appId, ["push"]);
  if (!fault) return { isDropped: false };
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  return { isDropped: fault.dropPush };
}
