// qrcode/create (PROTOCOL.md §2): the four action types, checked before the call against the
// platform's limits, and expiry always sent for temporary codes (the default when left out
// is 30 or 60 s depending on the document's age).
import { z } from "zod";
import type { WechatApiClient } from "@/lib/wechat/api-client";
import { WechatRequestInvalidError } from "@/lib/wechat/api-errors";

export type QrActionName = "QR_SCENE" | "QR_STR_SCENE" | "QR_LIMIT_SCENE" | "QR_LIMIT_STR_SCENE";

export interface QrCodeRequest {
  kind: "permanent" | "temporary";
  scene: number | string;
  expiresInSeconds?: number;
}

export interface CreatedQrCode {
  ticket: string;
  url: string;
  expiresInSeconds: number | null;
}

export const qrLimits = {
  maxTemporarySceneId: 4_294_967_295,
  maxPermanentSceneId: 100_000,
  maxSceneStrLength: 64,
  minExpireSeconds: 60,
  maxExpireSeconds: 2_592_000,
} as const;

const qrReplySchema = z.object({
  ticket: z.string().min(1),
  url: z.string().min(1),
  expire_seconds: z.number().int().optional(),
});

export function actionNameFor(kind: QrCodeRequest["kind"], scene: number | string): QrActionName {
  if (kind === "permanent") return typeof scene === "number" ? "QR_LIMIT_SCENE" : "QR_LIMIT_STR_SCENE";
  return typeof scene === "number" ? "QR_SCENE" : "QR_STR_SCENE";
}

/** Throws WechatRequestInvalidError for a request WeChat would refuse (or silently change). */
export function validateQrCodeRequest(request: QrCodeRequest): void {
  const { kind, scene, expiresInSeconds } = request;
  if (typeof scene === "number") {
    const max = kind === "permanent" ? qrLimits.maxPermanentSceneId : qrLimits.maxTemporarySceneId;
    if (!Number.isInteger(scene) || scene < 1 || scene > max) {
      throw new WechatRequestInvalidError(
        "scene",
        `An integer scene of a ${kind} code is a whole number from 1 to ${max}`,
      );
    }
  } else if (scene.length < 1 || scene.length > qrLimits.maxSceneStrLength) {
    throw new WechatRequestInvalidError("scene", `A string scene is 1 to ${qrLimits.maxSceneStrLength} characters`);
  }
  if (kind === "permanent") {
    if (expiresInSeconds !== undefined)
      throw new WechatRequestInvalidError("expiresInSeconds", "Permanent codes do not expire");
    return;
  }
  if (
    expiresInSeconds === undefined ||
    !Number.isInteger(expiresInSeconds) ||
    expiresInSeconds < qrLimits.minExpireSeconds ||
    expiresInSeconds > qrLimits.maxExpireSeconds
  ) {
    throw new WechatRequestInvalidError("expiresInSeconds", "A temporary code expires after 60 seconds to 30 days");
  }
}

export function qrCreateBody(request: QrCodeRequest): Record<string, unknown> {
  validateQrCodeRequest(request);
  const scene = typeof request.scene === "number" ? { scene_id: request.scene } : { scene_str: request.scene };
  return {
    ...(request.kind === "temporary" ? { expire_seconds: request.expiresInSeconds } : {}),
    action_name: actionNameFor(request.kind, request.scene),
    action_info: { scene },
  };
}

export async function createQrCode(client: WechatApiClient, request: QrCodeRequest): Promise<CreatedQrCode> {
  const reply = await client.call("/cgi-bin/qrcode/create", qrCreateBody(request), qrReplySchema);
  return { ticket: reply.ticket, url: reply.url, expiresInSeconds: reply.expire_seconds ?? null };
}
