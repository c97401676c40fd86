// Creating a channel: reserve the scene (the unique key settles races), ask WeChat for the
// ticket, then claim any past pushes that carried this scene before the channel existed.
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { apiClientForAccount } from "@/lib/accounts/access-token-store";
import { findAccountRow } from "@/lib/accounts/account-records";
import { createQrCode } from "@/lib/wechat/qrcode-api";
import { appErrorFromWechat } from "@/lib/channels/wechat-failure";
import { nextFreeIntegerScene } from "@/lib/channels/scene-allocation";
import { toPublicChannel } from "@/lib/channels/channel-records";
import { countsByScene } from "@/lib/channels/channel-counts";
import { channelCreateSchema, defaultTemporaryExpirySeconds, type Channel, type ChannelCreateInput } from "@/lib/schemas/channels";

const allocationAttempts = 5;

export async function createChannel(rawInput: ChannelCreateInput): Promise<Channel> {
  const input = channelCreateSchema.parse(rawInput);
  await findAccountRow(input.accountId);
  const kind = input.qr?.kind ?? "permanent";
  const expiresInSeconds = kind === "temporary" ? (input.qr?.expiresInSeconds ?? defaultTemporaryExpirySeconds) : undefined;
  const reserved = await reserveScene(input, kind);

  let qr;
  try {
    const client = await apiClientForAccount(input.accountId);
    qr = await createQrCode(client, { kind, scene: reserved.sceneValue, expiresInSeconds });
  } catch (error) {
    await getDb().channel.delete({ where: { id: reserved.id } });
    throw appErrorFromWechat(error);
  }

  const db = getDb();
  const row = await db.channel.update({
    where: { id: reserved.id },
    data: { ticket: qr.ticket, url: qr.url, expiresAt: qr.expiresInSeconds ? new Date(Date.now() + qr.expiresInSeconds * 1000) : null },
    include: { tags: true },
  });
  await db.event.updateMany({ where: { accountId: row.accountId, scene: row.scene, channelId: null }, data: { channelId: row.id } });
  const counts = await countsByScene(row.accountId, [row.scene]);
  return toPublicChannel(row, counts.get(row.scene));
}

async function reserveScene(input: ReturnType<typeof channelCreateSchema.parse>, kind: "permanent" | "temporary") {
  const givenScene = input.qr?.scene;
  for (let attempt = 0; attempt < allocationAttempts; attempt++) {
    const sceneValue = givenScene ?? (await nextFreeIntegerScene(input.accountId));
    try {
      const row = await getDb().channel.create({
        data: {
          accountId: input.accountId,
          name: input.name,
          group: input.group ?? null,
          note: input.note ?? null,
          welcomeMessage: input.welcomeMessage ?? null,
          autoTagName: input.autoTagName ?? null,
          qrKind: kind,
          sceneType: typeof sceneValue === "number" ? "int" : "str",
          scene: String(sceneValue),
          tags: { create: [...new Set(input.tags ?? [])].map((tag) => ({ tag })) },
        },
      });
      return { id: row.id, sceneValue };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (givenScene !== undefined) {
        throw new AppError("conflict", `Scene ${givenScene} already belongs to another channel of this account`, [
          { path: ["qr", "scene"], message: "Already used by another channel" },
        ]);
      }
      // Someone else took the same next integer at the same moment: allocate again.
    }
  }
  throw new AppError("conflict", "Could not allocate a free scene; try again");
}
