// Fault injection: the next N calls of an emulator API answer an errcode or come late, and
// pushes can be delayed or dropped. Tests and demos use it to show what Qudao does when WeChat
// misbehaves, without waiting for WeChat to misbehave.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { findAccountRow } from "@/lib/accounts/account-records";
import { findSandboxApp } from "@/lib/sandbox/sandbox-apps";
import { SandboxWechatError } from "@/lib/sandbox/wechat-errors";
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
  const appId = await sandboxAppIdOf(input.accountId);
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

/** Called at the start of every emulated API call: waits and/or throws the injected errcode. */
export async function applyApiFault(appId: string | null, api: Exclude<SandboxFaultApi, "*" | "push">): Promise<void> {
  if (!appId) return;
  const fault = await takeFault(appId, [api, "*"]);
  if (!fault) return;
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.errcode !== null) throw new SandboxWechatError(fault.errcode, `injected fault (${fault.errcode})`);
}

/** Called before a push is sent: waits, and says whether to drop it. */
export async function applyPushFault(appId: string): Promise<{ isDropped: boolean }> {
  const fault = await takeFault(appId, ["push"]);
  if (!fault) return { isDropped: false };
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  return { isDropped: fault.dropPush };
}
