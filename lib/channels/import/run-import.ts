// A bulk import: preview every row, or create the ready ones one after another, paced so a
// thousand rows do not hammer WeChat, retrying what failed for a passing reason, and reporting
// each row. Running the same rows again creates nothing twice (Channel.importKey).
import { findAccountRow } from "@/lib/accounts/account-records";
import { createChannel, ImportKeyTakenError } from "@/lib/channels/create-channel";
import { prepareImportRows, type PreparedRow } from "@/lib/channels/import/prepare-import-rows";
import { AppError } from "@/lib/http/errors";
import { busyErrcode, WechatApiError, WechatUnavailableError } from "@/lib/wechat/api-errors";
import {
  importRowStatuses,
  type ImportReport,
  type ImportRow,
  type ImportRowResult,
} from "@/lib/schemas/channel-import";
import type { SceneType } from "@/lib/schemas/channels";

export interface ImportRun {
  accountId: string;
  sceneType: SceneType;
  dryRun: boolean;
  rows: ImportRow[];
  /** Headers of an uploaded file that matched no column. */
  ignoredHeaders?: string[];
}

/** At most one code request per account every this many ms, across concurrent imports in this process. */
export const importPaceMs = 50;
const retryDelaysMs = [500, 2000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextSlotByAccount = new Map<string, number>();

/** Waits for the account's next free slot; slots are handed out at once, so concurrent imports queue behind each other. */
async function waitForSlot(accountId: string): Promise<void> {
  const now = Date.now();
  const slot = Math.max(now, nextSlotByAccount.get(accountId) ?? 0);
  nextSlotByAccount.set(accountId, slot + importPaceMs);
  if (slot > now) await sleep(slot - now);
}

/** WeChat busy or unreachable: worth another try. Quotas and refusals are not. */
function isPassingFailure(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof WechatUnavailableError || (cause instanceof WechatApiError && cause.errcode === busyErrcode);
}

function isQuotaFailure(error: unknown): boolean {
  return error instanceof AppError && error.code === "rate_limited";
}

async function createRow(
  row: PreparedRow,
  accountId: string,
): Promise<{ outcome: Partial<ImportRowResult>; stop?: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      await waitForSlot(accountId);
      const channel = await createChannel(row.input!, { importKey: row.key });
      return {
        outcome: {
          status: "created",
          channel: { id: channel.id, name: channel.name, scene: channel.scene },
          attempts: attempt,
        },
      };
    } catch (error) {
      if (error instanceof ImportKeyTakenError) return { outcome: { status: "skipped", attempts: attempt } };
      if (isPassingFailure(error) && attempt <= retryDelaysMs.length) {
        await sleep(retryDelaysMs[attempt - 1]!);
        continue;
      }
      if (!(error instanceof AppError)) throw error;
      const failed = {
        status: "failed" as const,
        attempts: attempt,
        issues: [
          ...row.issues,
          { column: error.issues?.[0]?.path.includes("scene") ? ("scene" as const) : null, message: error.message },
        ],
      };
      // A used-up quota fails every following row the same way: stop calling WeChat.
      return { outcome: failed, stop: isQuotaFailure(error) ? error.message : undefined };
    }
  }
}

export async function runImport(run: ImportRun): Promise<ImportReport> {
  const account = await findAccountRow(run.accountId);
  const rows = await prepareImportRows(run.rows, {
    accountId: account.id,
    timezone: account.timezone,
    sceneType: run.sceneType,
  });
  if (!run.dryRun) {
    let stopReason: string | undefined;
    for (const row of rows) {
      if (row.status === "exists") row.status = "skipped";
      if (row.status !== "ready") continue;
      if (stopReason) {
        Object.assign(row, { status: "failed", issues: [{ column: null, message: `Not attempted: ${stopReason}` }] });
        continue;
      }
      const { outcome, stop } = await createRow(row, account.id);
      Object.assign(row, outcome);
      stopReason = stop;
    }
  }
  const counts = Object.fromEntries(importRowStatuses.map((status) => [status, 0])) as ImportReport["counts"];
  for (const row of rows) counts[row.status]++;
  return {
    dryRun: run.dryRun,
    rows: rows.map(({ input: _input, ...result }) => result),
    counts,
    ignoredHeaders: run.ignoredHeaders ?? [],
  };
}
