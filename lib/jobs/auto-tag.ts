// Auto-tag by channel: a follower who subscribes or scans through a channel with an auto-tag
// gets that WeChat tag. Jobs for the same account and tag run together, so a burst of scans
// becomes one members/batchtagging call per 50 followers instead of one call each.
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { apiClientForAccount } from "@/lib/accounts/access-token-store";
import type { WechatApiClient } from "@/lib/wechat/api-client";
import { tagErrcodes, WechatApiError } from "@/lib/wechat/api-errors";
import { createTag, listTags, tagFollowers, tagLimits } from "@/lib/wechat/tags-api";
import type { JobHandler, JobOutcome } from "@/lib/jobs/job-types";
import { isPerFollowerError, outcomeOfError } from "@/lib/jobs/wechat-outcome";

const autoTagPayloadSchema = z.object({
  accountId: z.string(),
  channelId: z.string(),
  openid: z.string(),
  tagName: z.string(),
});
export type AutoTagPayload = z.infer<typeof autoTagPayloadSchema>;

// A tag WeChat still calls unknown this long after we cached it was deleted in the WeChat
// admin: forget it and create it again. Younger, it is WeChat's delay after tags/create.
const tagPropagationMs = 60_000;

/** The job's unique key: one job per event, and findable by account or channel (prefix). */
export function autoTagJobKey(payload: Pick<AutoTagPayload, "accountId" | "channelId">, eventId: number): string {
  return `auto-tag:${payload.accountId}:${payload.channelId}:${eventId}`;
}

export const autoTagHandler: JobHandler<AutoTagPayload> = {
  payloadSchema: autoTagPayloadSchema,
  batchKeyOf: (payload) => JSON.stringify([payload.accountId, payload.tagName]),
  maxBatchSize: tagLimits.maxOpenidsPerBatch,
  async run(payloads) {
    const first = payloads[0];
    if (!first) return [];
    const openids = [...new Set(payloads.map((payload) => payload.openid))];
    let outcomeByOpenid: Map<string, JobOutcome>;
    try {
      const client = await apiClientForAccount(first.accountId);
      const tag = await ensureTag(client, first.accountId, first.tagName);
      outcomeByOpenid = await tagInBatch(client, tag, openids);
    } catch (error) {
      const outcome = outcomeOfError(error);
      outcomeByOpenid = new Map(openids.map((openid) => [openid, outcome]));
    }
    return payloads.map((payload) => outcomeByOpenid.get(payload.openid) ?? { status: "retry", error: "No outcome" });
  },
};

interface CachedTag {
  tagId: number;
  createdAt: Date;
  accountId: string;
  name: string;
}

async function tagInBatch(
  client: WechatApiClient,
  tag: CachedTag,
  openids: string[],
): Promise<Map<string, JobOutcome>> {
  try {
    await tagFollowers(client, tag.tagId, openids);
    return new Map(openids.map((openid) => [openid, { status: "done" }]));
  } catch (error) {
    if (
      error instanceof WechatApiError &&
      error.errcode === tagErrcodes.invalidTagId &&
      Date.now() - tag.createdAt.getTime() > tagPropagationMs
    ) {
      await getDb().wechatTag.deleteMany({ where: { accountId: tag.accountId, name: tag.name, tagId: tag.tagId } });
    }
    if (!isPerFollowerError(error) || openids.length === 1) {
      const outcome = outcomeOfError(error);
      return new Map(openids.map((openid) => [openid, outcome]));
    }
    // WeChat refuses the whole call for one follower at 20 tags (or one who left): find them
    // by tagging one at a time, so the others still get the tag.
    const outcomes = new Map<string, JobOutcome>();
    for (const openid of openids) {
      try {
        await tagFollowers(client, tag.tagId, [openid]);
        outcomes.set(openid, { status: "done" });
      } catch (single) {
        outcomes.set(openid, outcomeOfError(single));
      }
    }
    return outcomes;
  }
}

/** The tag's WeChat id: cached per account, created once, found by name when it already exists. */
async function ensureTag(client: WechatApiClient, accountId: string, name: string): Promise<CachedTag> {
  const db = getDb();
  const cached = await db.wechatTag.findUnique({ where: { accountId_name: { accountId, name } } });
  if (cached) return cached;
  let tagId: number;
  try {
    tagId = (await createTag(client, name)).id;
  } catch (error) {
    if (!(error instanceof WechatApiError && error.errcode === tagErrcodes.duplicateName)) throw error;
    // Made in the WeChat admin, or by another instance a moment ago.
    const existing = (await listTags(client)).find((tag) => tag.name === name);
    if (!existing) throw error;
    tagId = existing.id;
  }
  return db.wechatTag.upsert({
    where: { accountId_name: { accountId, name } },
    create: { accountId, name, tagId },
    update: { tagId },
  });
}
