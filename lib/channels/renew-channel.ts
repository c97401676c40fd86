// Renewing a temporary code: WeChat issues a new ticket for the same scene, so the channel keeps
// its events and counts. The ticket it replaces is written to the audit log.
import { recordAudit } from "@/lib/audit/audit-log";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { apiClientForAccount } from "@/lib/accounts/access-token-store";
import { createQrCode } from "@/lib/wechat/qrcode-api";
import { appErrorFromWechat } from "@/lib/channels/wechat-failure";
import { getChannel } from "@/lib/channels/read-channels";
import {
  channelRenewSchema,
  defaultTemporaryExpirySeconds,
  type Channel,
  type ChannelRenewInput,
} from "@/lib/schemas/channels";

export async function renewChannel(channelId: string, rawInput: ChannelRenewInput): Promise<Channel> {
  const input = channelRenewSchema.parse(rawInput);
  const db = getDb();
  const row = await db.channel.findUnique({ where: { id: channelId } });
  if (!row) throw notFound("Channel");
  if (row.qrKind !== "temporary")
    throw new AppError("conflict", "Permanent codes never expire: there is nothing to renew");
  if (row.archivedAt) throw new AppError("conflict", "Restore the channel before renewing its code");

  const scene = row.sceneType === "int" ? Number(row.scene) : row.scene;
  let qr;
  try {
    const client = await apiClientForAccount(row.accountId);
    qr = await createQrCode(client, {
      kind: "temporary",
      scene,
      expiresInSeconds: input.expiresInSeconds ?? defaultTemporaryExpirySeconds,
    });
  } catch (error) {
    throw appErrorFromWechat(error);
  }
  const expiresAt = new Date(
    Date.now() + (qr.expiresInSeconds ?? input.expiresInSeconds ?? defaultTemporaryExpirySeconds) * 1000,
  );
  await db.channel.update({ where: { id: channelId }, data: { ticket: qr.ticket, url: qr.url, expiresAt } });
  await recordAudit({
    action: "channel.renew",
    objectType: "channel",
    objectId: channelId,
    accountId: row.accountId,
    detail: {
      previousTicket: row.ticket,
      previousUrl: row.url,
      previousExpiresAt: row.expiresAt?.toISOString() ?? null,
    },
  });
  return getChannel(channelId);
}
