// Followers' tags (PROTOCOL.md §5): create a tag, list them, tag followers in batches of ≤ 50.
import { z } from "zod";
import type { WechatApiClient } from "@/lib/wechat/api-client";
import { WechatRequestInvalidError } from "@/lib/wechat/api-errors";

export const tagLimits = {
  maxNameBytes: 30,
  maxTagsPerAccount: 100,
  maxOpenidsPerBatch: 50,
  maxTagsPerFollower: 20,
} as const;

export interface WechatTagInfo {
  id: number;
  name: string;
  count: number;
}

const createdTagSchema = z.object({ tag: z.object({ id: z.number().int(), name: z.string() }) });
const tagListSchema = z.object({
  tags: z.array(z.object({ id: z.number().int(), name: z.string(), count: z.number().int().default(0) })),
});
const okSchema = z.object({ errcode: z.literal(0).optional() });

export function validateTagName(name: string): void {
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes < 1 || bytes > tagLimits.maxNameBytes) {
    throw new WechatRequestInvalidError(
      "autoTagName",
      `A tag name is 1 to ${tagLimits.maxNameBytes} bytes (10 Chinese characters)`,
    );
  }
}

export async function createTag(client: WechatApiClient, name: string): Promise<{ id: number; name: string }> {
  validateTagName(name);
  return (await client.call("/cgi-bin/tags/create", { tag: { name } }, createdTagSchema)).tag;
}

export async function listTags(client: WechatApiClient): Promise<WechatTagInfo[]> {
  return (await client.call("/cgi-bin/tags/get", undefined, tagListSchema)).tags;
}

export async function tagFollowers(client: WechatApiClient, tagId: number, openids: string[]): Promise<void> {
  if (openids.length < 1 || openids.length > tagLimits.maxOpenidsPerBatch) {
    throw new WechatRequestInvalidError(
      "openid_list",
      `One tagging call takes 1 to ${tagLimits.maxOpenidsPerBatch} followers`,
    );
  }
  await client.call("/cgi-bin/tags/members/batchtagging", { openid_list: openids, tagid: tagId }, okSchema);
}
