// The studio's design, saved per channel (Channel.qrDesign, JSON) and read back by every download.
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { log } from "@/lib/log";
import {
  defaultQrDesign,
  qrDesignSaveSchema,
  qrDesignSchema,
  type ChannelQrDesign,
  type QrDesign,
  type QrDesignSaveInput,
} from "@/lib/schemas/qr-design";

/** A saved design that no longer parses (the schema moved on) falls back to the default instead of breaking downloads. */
export function parseSavedDesign(json: string | null): QrDesign | null {
  if (!json) return null;
  try {
    const parsed = qrDesignSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
    log.warn({ issues: parsed.error.issues }, "saved QR design no longer valid; using the default");
  } catch {
    log.warn("saved QR design is not JSON; using the default");
  }
  return null;
}

export async function getChannelQrDesign(channelId: string): Promise<ChannelQrDesign> {
  const row = await getDb().channel.findUnique({ where: { id: channelId }, select: { qrDesign: true } });
  if (!row) throw notFound("Channel");
  const design = parseSavedDesign(row.qrDesign);
  return { design: design ?? defaultQrDesign, isSaved: design !== null };
}

export async function saveChannelQrDesign(channelId: string, rawInput: QrDesignSaveInput): Promise<ChannelQrDesign> {
  const input = qrDesignSaveSchema.parse(rawInput);
  const db = getDb();
  const row = await db.channel.findUnique({ where: { id: channelId }, select: { accountId: true, group: true } });
  if (!row) throw notFound("Channel");
  const json = JSON.stringify(input.design);
  const where =
    input.applyToGroup && row.group !== null ? { accountId: row.accountId, group: row.group } : { id: channelId };
  const { count } = await db.channel.updateMany({ where, data: { qrDesign: json } });
  return { design: input.design, isSaved: true, appliedTo: count };
}

export async function resetChannelQrDesign(channelId: string): Promise<ChannelQrDesign> {
  const { count } = await getDb().channel.updateMany({ where: { id: channelId }, data: { qrDesign: null } });
  if (count === 0) throw notFound("Channel");
  return { design: defaultQrDesign, isSaved: false };
}
