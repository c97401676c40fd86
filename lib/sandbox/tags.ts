// Followers' tags as WeChat keeps them (PROTOCOL.md §5), limits and errcodes included: 100 tags
// per account, names ≤ 30 bytes, ≤ 50 openids per call, ≤ 20 tags per follower.
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { appIdForToken } from "@/lib/sandbox/access-tokens";
import { applyApiFault } from "@/lib/sandbox/faults";
import { SandboxWechatError } from "@/lib/sandbox/wechat-errors";
import { tagLimits } from "@/lib/wechat/tags-api";

// WeChat numbers its own tags 0–2 and the account's from about 100 on.
const firstTagId = 100;
const createAttempts = 5;

interface TagCreateBody {
  tag?: { name?: unknown };
}

interface BatchTaggingBody {
  openid_list?: unknown;
  tagid?: unknown;
}

export async function createSandboxTag(accessToken: string | null, body: TagCreateBody) {
  const appId = await appIdForToken(accessToken);
  await applyApiFault(appId, "tags/create");
  const name = body.tag?.name;
  if (typeof name !== "string" || name.length === 0) throw new SandboxWechatError(47001, "data format error");
  if (Buffer.byteLength(name, "utf8") > tagLimits.maxNameBytes)
    throw new SandboxWechatError(45158, "tag name too long");
  const db = getDb();
  for (let attempt = 0; attempt < createAttempts; attempt++) {
    if (await db.sandboxTag.findUnique({ where: { appId_name: { appId, name } } }))
      throw new SandboxWechatError(45157, "invalid tag name");
    if ((await db.sandboxTag.count({ where: { appId } })) >= tagLimits.maxTagsPerAccount)
      throw new SandboxWechatError(45056, "too many tags");
    const last = await db.sandboxTag.findFirst({ where: { appId }, orderBy: { id: "desc" } });
    try {
      const tag = await db.sandboxTag.create({ data: { appId, id: Math.max(firstTagId, (last?.id ?? 0) + 1), name } });
      return { tag: { id: tag.id, name: tag.name } };
    } catch (error) {
      // The same name or the same next id was taken at this moment: look again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new SandboxWechatError(-1, "system error");
}

export async function listSandboxTags(accessToken: string | null) {
  const appId = await appIdForToken(accessToken);
  await applyApiFault(appId, "tags/get");
  const db = getDb();
  const tags = await db.sandboxTag.findMany({ where: { appId }, orderBy: { id: "asc" } });
  const counts = await db.sandboxTagMember.groupBy({ by: ["tagId"], where: { appId }, _count: { _all: true } });
  const countByTag = new Map(counts.map((row) => [row.tagId, row._count._all]));
  return { tags: tags.map((tag) => ({ id: tag.id, name: tag.name, count: countByTag.get(tag.id) ?? 0 })) };
}

/** All or nothing, like WeChat: one follower at 20 tags (or not following) refuses the whole call. */
export async function batchTagSandboxFollowers(accessToken: string | null, body: BatchTaggingBody) {
  const appId = await appIdForToken(accessToken);
  await applyApiFault(appId, "tags/members/batchtagging");
  const openids = body.openid_list;
  if (
    !Array.isArray(openids) ||
    openids.length === 0 ||
    openids.length > tagLimits.maxOpenidsPerBatch ||
    !openids.every((openid) => typeof openid === "string")
  ) {
    throw new SandboxWechatError(40032, "invalid openid list size");
  }
  const tagId = body.tagid;
  if (typeof tagId !== "number" || !Number.isInteger(tagId)) throw new SandboxWechatError(47001, "data format error");
  const unique = [...new Set(openids as string[])];
  const db = getDb();
  await db.$transaction(async (tx) => {
    if (!(await tx.sandboxTag.findUnique({ where: { appId_id: { appId, id: tagId } } })))
      throw new SandboxWechatError(45159, "invalid tag id");
    const following = await tx.sandboxFollower.findMany({
      where: { appId, openid: { in: unique }, isFollowing: true },
      select: { openid: true },
    });
    if (following.length !== unique.length) throw new SandboxWechatError(40003, "invalid openid");
    const already = new Set(
      (
        await tx.sandboxTagMember.findMany({
          where: { appId, tagId, openid: { in: unique } },
          select: { openid: true },
        })
      ).map((row) => row.openid),
    );
    const toAdd = unique.filter((openid) => !already.has(openid));
    const tagCounts = await tx.sandboxTagMember.groupBy({
      by: ["openid"],
      where: { appId, openid: { in: toAdd } },
      _count: { _all: true },
    });
    if (tagCounts.some((row) => row._count._all >= tagLimits.maxTagsPerFollower))
      throw new SandboxWechatError(45059, "user tag count exceeds limit");
    for (const openid of toAdd) await tx.sandboxTagMember.create({ data: { appId, tagId, openid } });
  });
  return { errcode: 0, errmsg: "ok" };
}
