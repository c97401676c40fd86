// Deleting an account with everything recorded for it. Events, followers, channels, grants and the
// access token go by the database's cascade; the tallies keyed by accountId alone (rollups,
// scanner days, follow periods, tags) and the account's queued jobs are deleted here, in the
// same transaction. The audit log keeps its rows: it is history.
import { recordAudit } from "@/lib/audit/audit-log";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { findAccountRow, forgetRecentAccountCredentials } from "@/lib/accounts/account-records";
import { forgetHealthWrites } from "@/lib/accounts/account-health";
import type { AccountDeleteInput } from "@/lib/schemas/accounts";

export async function deleteAccount(accountId: string, input: AccountDeleteInput): Promise<{ deletedEvents: number }> {
  const account = await findAccountRow(accountId);
  if (input.confirmName.trim() !== account.name.trim()) {
    throw new AppError("validation_failed", "Type the account's name exactly to delete it", [
      { path: ["confirmName"], message: "Does not match the account's name" },
    ]);
  }
  if (account.isBuiltInSandbox) {
    throw new AppError("conflict", "The built-in sandbox account cannot be deleted; disable it instead");
  }

  const db = getDb();
  const where = { accountId };
  const deletedEvents = await db.event.count({ where });
  await db.$transaction([
    db.rollupHour.deleteMany({ where }),
    db.rollupDay.deleteMany({ where }),
    db.scannerDay.deleteMany({ where }),
    db.scannerDayTotal.deleteMany({ where }),
    db.scannerReturn.deleteMany({ where }),
    db.followPeriod.deleteMany({ where }),
    db.wechatTag.deleteMany({ where }),
    db.job.deleteMany({ where: { completedAt: null, payload: { contains: `"accountId":"${accountId}"` } } }),
    db.account.delete({ where: { id: accountId } }),
  ]);

  forgetRecentAccountCredentials(accountId);
  forgetHealthWrites(accountId);
  await recordAudit({
    action: "account.delete",
    objectType: "account",
    objectId: accountId,
    accountId,
    detail: { name: account.name, appId: account.appId, deletedEvents },
  });
  return { deletedEvents };
}
