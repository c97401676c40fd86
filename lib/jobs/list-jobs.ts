// The work queued after pushes for one account, newest first: what ran, what is waiting, and
// what gave up and why, so a marketer sees that a tag was not added (e.g. the 100-tag limit).
import { getDb } from "@/lib/db/client";
import { findAccountRow } from "@/lib/accounts/account-records";
import type { Job } from "@/lib/db/generated/sqlite/client";
import type { BackgroundJob } from "@/lib/schemas/sandbox";

export async function listAccountJobs(accountId: string, limit: number): Promise<BackgroundJob[]> {
  await findAccountRow(accountId);
  // Auto-tag jobs carry the account in their unique key (lib/jobs/auto-tag.ts).
  const rows = await getDb().job.findMany({
    where: { uniqueKey: { startsWith: `auto-tag:${accountId}:` } },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map(toBackgroundJob);
}

function toBackgroundJob(row: Job): BackgroundJob {
  const payload = readPayload(row.payload);
  return {
    id: row.id,
    kind: row.kind,
    status: row.completedAt ? (row.lastError ? "failed" : "done") : "pending",
    openid: payload.openid ?? null,
    tagName: payload.tagName ?? null,
    channelId: payload.channelId ?? null,
    attempts: row.attempts,
    lastError: row.lastError,
    runAt: row.runAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function readPayload(text: string): { openid?: string; tagName?: string; channelId?: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object") return {};
    const { openid, tagName, channelId } = value as Record<string, unknown>;
    return {
      openid: typeof openid === "string" ? openid : undefined,
      tagName: typeof tagName === "string" ? tagName : undefined,
      channelId: typeof channelId === "string" ? channelId : undefined,
    };
  } catch {
    return {};
  }
}
