// What the emulator pushed to an account's webhook and what came back, newest first.
import { getDb } from "@/lib/db/client";
import { findAccountRow } from "@/lib/accounts/account-records";
import type { SandboxPushRecord } from "@/lib/schemas/sandbox";

export async function listSandboxPushes(accountId: string, limit: number): Promise<SandboxPushRecord[]> {
  const account = await findAccountRow(accountId);
  const rows = await getDb().sandboxPush.findMany({
    where: { appId: account.appId },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    openid: row.openid,
    event: row.event,
    eventKey: row.eventKey,
    targetUrl: row.targetUrl,
    attempts: row.attempts,
    replyStatus: row.replyStatus,
    reply: row.replyBody,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
  }));
}
