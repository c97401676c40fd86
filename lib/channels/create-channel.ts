// Creating a channel: reserve the scene (the unique key settles races), ask WeChat for the
// ticket, then claim any past pushes that carried this scene before the channel existed.
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { apiClientForAccount } from "@/lib/accounts/access-token-store";
import { findAccountRow } from "@/lib/accounts/account-records";
import { createQrCode } from "@/lib/wechat/qrcode-api";
import { appErrorFromWechat } from "@/lib/channels/wechat-failure";
import { nextFreeIntegerScene, nextFreeStringScene } from "@/lib/channels/scene-allocation";
import { toPublicChannel } from "@/lib/channels/channel-records";
import { countsByScene } from "@/lib/channels/channel-counts";
import { countPermanentCodes } from "@/lib/channels/permanent-quota";
import { countClaimedSceneScanners } from "@/lib/jobs/claimed-scene-scanners";
import { kickJobWorker } from "@/lib/jobs/job-worker";
import {
  channelCreateSchema,
  defaultTemporaryExpirySeconds,
  maxPermanentScenes,
  type Channel,
  type ChannelCreateInput,
  type QrKind,
} from "@/lib/schemas/channels";

const allocationAttempts = 5;

type ParsedInput = ReturnType<typeof channelCreateSchema.parse>;

export interface CreateChannelOptions {
  /** Set by a bulk import: the row's key, so the same row imported again finds this channel. */
  importKey?: string;
}

/** Thrown when a channel with the same import key exists: the row was imported before. */
export class ImportKeyTakenError extends AppError {
  constructor() {
    super("conflict", "This row was imported before");
    this.name = "ImportKeyTakenError";
  }
}

export async function createChannel(
  rawInput: ChannelCreateInput,
  options: CreateChannelOptions = {},
): Promise<Channel> {
  const input = channelCreateSchema.parse(rawInput);
  await findAccountRow(input.accountId);
  const kind = input.qr?.kind ?? "permanent";
  if (kind === "permanent" && (await countPermanentCodes(input.accountId)) >= maxPermanentScenes) {
    throw new AppError(
      "conflict",
      `The account has used all ${maxPermanentScenes.toLocaleString("en")} permanent codes WeChat allows: create a temporary code instead`,
    );
  }
  const expiresInSeconds =
    kind === "temporary" ? (input.qr?.expiresInSeconds ?? defaultTemporaryExpirySeconds) : undefined;
  const reserved = await reserveScene(input, kind, options);

  let qr;
  try {
    const client = await apiClientForAccount(input.accountId);
    qr = await createQrCode(client, { kind, scene: reserved.sceneValue, expiresInSeconds });
  } catch (error) {
    await getDb().channel.delete({ where: { id: reserved.id } });
    throw withCause(appErrorFromWechat(error), error);
  }

  const db = getDb();
  const row = await db.channel.update({
    where: { id: reserved.id },
    data: {
      ticket: qr.ticket,
      url: qr.url,
      expiresAt: qr.expiresInSeconds ? new Date(Date.now() + qr.expiresInSeconds * 1000) : null,
    },
    include: { tags: true },
  });
  await db.event.updateMany({
    where: { accountId: row.accountId, scene: row.scene, channelId: null },
    data: { channelId: row.id },
  });
  if (await countClaimedSceneScanners({ accountId: row.accountId, scene: row.scene })) kickJobWorker();
  const counts = await countsByScene(row.accountId, [row.scene]);
  return toPublicChannel(row, counts.get(row.scene));
}

async function allocateScene(input: ParsedInput): Promise<number | string> {
  if (input.qr?.scene !== undefined) return input.qr.scene;
  return input.qr?.sceneType === "str"
    ? nextFreeStringScene(input.accountId, input.name)
    : nextFreeIntegerScene(input.accountId);
}

async function reserveScene(input: ParsedInput, kind: QrKind, options: CreateChannelOptions) {
  const givenScene = input.qr?.scene;
  const db = getDb();
  for (let attempt = 0; attempt < allocationAttempts; attempt++) {
    const sceneValue = await allocateScene(input);
    try {
      const row = await db.channel.create({
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
          importKey: options.importKey ?? null,
          tags: { create: [...new Set(input.tags ?? [])].map((tag) => ({ tag })) },
        },
      });
      return { id: row.id, sceneValue };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (
        options.importKey &&
        (await db.channel.findUnique({
          where: { accountId_importKey: { accountId: input.accountId, importKey: options.importKey } },
        }))
      ) {
        throw new ImportKeyTakenError();
      }
      if (givenScene !== undefined) throw await sceneTakenError(input.accountId, String(givenScene));
      // Someone else took the same scene at the same moment: allocate again.
    }
  }
  throw new AppError("conflict", "Could not allocate a free scene; try again");
}

/** Keeps the WeChat error behind the AppError, so a bulk import can tell a busy platform (retry) from a refusal. */
export function withCause(mapped: unknown, cause: unknown): unknown {
  if (mapped instanceof Error && mapped !== cause) mapped.cause = cause;
  return mapped;
}

export async function sceneTakenError(accountId: string, scene: string): Promise<AppError> {
  const owner = await getDb().channel.findUnique({
    where: { accountId_scene: { accountId, scene } },
    select: { name: true, archivedAt: true },
  });
  const whose = owner
    ? `the channel “${owner.name}”${owner.archivedAt ? " (archived)" : ""}`
    : "another channel of this account";
  const message = `Scene ${scene} is already used by ${whose}`;
  return new AppError("conflict", message, [{ path: ["qr", "scene"], message }]);
}
