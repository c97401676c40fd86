// When a channel claims a scene that was scanned before the channel existed, the scene's past
// scanners join the all-channels tallies (lib/events/scanner-tallies.ts). Scanner-days are added
// through the same code as ingest, a page per transaction, and adding one twice changes nothing:
// a job run again after a crash simply finishes the work.
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { allChannelsScope, recordScannerDay } from "@/lib/events/scanner-tallies";
import { inIngestTransaction } from "@/lib/db/ingest/connection";
import type { JobHandler } from "@/lib/jobs/job-types";

const payloadSchema = z.object({ accountId: z.string(), scene: z.string().min(1) });
type ClaimedScenePayload = z.infer<typeof payloadSchema>;

const scannerDaysPerTransaction = 200;

/** Up to this many scanner-days are added while the claim is answered; more go to a job. */
const inlineScannerDays = 2_000;

/**
 * Adds the scene's past scanners to the all-channels tallies: at once when they are few (the
 * marketer sees the numbers as soon as the channel exists), else in a job. Returns whether a job
 * was queued.
 */
export async function countClaimedSceneScanners(payload: ClaimedScenePayload): Promise<boolean> {
  const db = getDb();
  const scannerDays = await db.scannerDay.count({
    where: { accountId: payload.accountId, scene: payload.scene },
    take: inlineScannerDays + 1,
  });
  if (scannerDays === 0) return false;
  if (scannerDays <= inlineScannerDays) {
    await addClaimedSceneScanners(payload);
    return false;
  }
  await inIngestTransaction((sql) => enqueueJob(sql, { kind: "claimed-scene-scanners", payload }));
  return true;
}

export async function addClaimedSceneScanners({ accountId, scene }: ClaimedScenePayload): Promise<number> {
  const db = getDb();
  let added = 0;
  let after: { openid: string; day: string } | null = null;
  for (;;) {
    const cursor: { openid: string; day: string } | null = after;
    const page: { openid: string; day: string }[] = await db.scannerDay.findMany({
      where: {
        accountId,
        scene,
        ...(cursor
          ? { OR: [{ openid: { gt: cursor.openid } }, { openid: cursor.openid, day: { gt: cursor.day } }] }
          : {}),
      },
      orderBy: [{ openid: "asc" }, { day: "asc" }],
      take: scannerDaysPerTransaction,
      select: { openid: true, day: true },
    });
    if (page.length === 0) return added;
    await inIngestTransaction(async (sql) => {
      for (const { openid, day } of page)
        await recordScannerDay(sql, { accountId, scopes: [allChannelsScope], openid, day });
    });
    added += page.length;
    after = page.at(-1)!;
  }
}

export const claimedSceneScannersHandler: JobHandler<ClaimedScenePayload> = {
  payloadSchema,
  batchKeyOf: (payload) => JSON.stringify([payload.accountId, payload.scene]),
  maxBatchSize: 1,
  async run(payloads) {
    for (const payload of payloads) await addClaimedSceneScanners(payload);
    return payloads.map(() => ({ status: "done" as const }));
  },
};
