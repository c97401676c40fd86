// WeChat allows 100 000 permanent codes per account, ever: the meter counts what Qudao made.
import { getDb } from "@/lib/db/client";
import { findAccountRow } from "@/lib/accounts/account-records";
import {
  maxPermanentScenes,
  permanentQuotaCriticalShare,
  permanentQuotaWarningShare,
  type PermanentQuota,
} from "@/lib/schemas/channels";

/** Archived channels count: WeChat never gives a permanent code back. */
export function countPermanentCodes(accountId: string): Promise<number> {
  return getDb().channel.count({ where: { accountId, qrKind: "permanent" } });
}

export async function getPermanentQuota(accountId: string): Promise<PermanentQuota> {
  await findAccountRow(accountId);
  const used = await countPermanentCodes(accountId);
  const share = used / maxPermanentScenes;
  const level =
    share >= permanentQuotaCriticalShare ? "critical" : share >= permanentQuotaWarningShare ? "warning" : "ok";
  return { used, limit: maxPermanentScenes, remaining: Math.max(0, maxPermanentScenes - used), level };
}
