// qrcode/create (PROTOCOL.md §2): the four action types, expiry always sent for temporary codes.
import { z } from "zod";
import type { WechatApiClient } from "@/lib/wechat/api-client";

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

const qrReplySchema = z.object({ ticket: z.string().min(1), url: z.string().min(1), expire_seconds: z.number().int().optional() });

export function actionNameFor(kind: QrCodeRequest["kind"], scene: number | string): QrActionName {
  if (kind === "permanent") return typeof scene === "number" ? "QR_LIMIT_SCENE" : "QR_LIMIT_STR_SCENE";
  return typeof scene === "number" ? "QR_SCENE" : "QR_STR_SCENE";
}

export function qrCreateBody(request: QrCodeRequest): Record<string, unknown> {
  const actionName = actionNameFor(request.kind, request.scene);
  const scene = typeof request.scene === "number" ? { scene_id: request.scene } : { scene_str: request.scene };
  return {
    ...(request.kind === "temporary" ? { expire_seconds: request.expiresInSeconds } : {}),
    action_name: actionName,
    action_info: { scene },
  };
}

export async function createQrCode(client: WechatApiClient, request: QrCodeRequest): Promise<CreatedQrCode> {
  const reply = await client.call("/cgi-bin/qrcode/create", qrCreateBody(request), qrReplySchema);
  return { ticket: reply.ticket, url: reply.url, expiresInSeconds: reply.expire_seconds ?? null };
}
