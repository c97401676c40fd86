// qrcode/create bodies for the four action types, and the checks made before any call.
import { describe, expect, it } from "vitest";
import { qrCreateBody, validateQrCodeRequest } from "@/lib/wechat/qrcode-api";
import { WechatRequestInvalidError } from "@/lib/wechat/api-errors";
import { validateTagName } from "@/lib/wechat/tags-api";

describe("qrCreateBody", () => {
  it("builds each action type as PROTOCOL.md §2 shows, with expiry for temporary codes only", () => {
    expect(qrCreateBody({ kind: "temporary", scene: 4_294_967_295, expiresInSeconds: 604800 })).toEqual({
      expire_seconds: 604800,
      action_name: "QR_SCENE",
      action_info: { scene: { scene_id: 4_294_967_295 } },
    });
    expect(qrCreateBody({ kind: "temporary", scene: "poster-a", expiresInSeconds: 60 })).toEqual({
      expire_seconds: 60,
      action_name: "QR_STR_SCENE",
      action_info: { scene: { scene_str: "poster-a" } },
    });
    expect(qrCreateBody({ kind: "permanent", scene: 1000 })).toEqual({
      action_name: "QR_LIMIT_SCENE",
      action_info: { scene: { scene_id: 1000 } },
    });
    expect(qrCreateBody({ kind: "permanent", scene: "x".repeat(64) })).toEqual({
      action_name: "QR_LIMIT_STR_SCENE",
      action_info: { scene: { scene_str: "x".repeat(64) } },
    });
  });

  it.each([
    ["a temporary scene of 0", { kind: "temporary", scene: 0, expiresInSeconds: 60 }, "scene"],
    ["a temporary scene past 32 bits", { kind: "temporary", scene: 4_294_967_296, expiresInSeconds: 60 }, "scene"],
    ["a fractional scene", { kind: "temporary", scene: 1.5, expiresInSeconds: 60 }, "scene"],
    ["a permanent scene of 100001", { kind: "permanent", scene: 100_001 }, "scene"],
    ["an empty string scene", { kind: "permanent", scene: "" }, "scene"],
    ["a string scene of 65 characters", { kind: "temporary", scene: "x".repeat(65), expiresInSeconds: 60 }, "scene"],
    ["a temporary code without expiry", { kind: "temporary", scene: 1 }, "expiresInSeconds"],
    ["an expiry of 59 s", { kind: "temporary", scene: 1, expiresInSeconds: 59 }, "expiresInSeconds"],
    ["an expiry past 30 days", { kind: "temporary", scene: 1, expiresInSeconds: 2_592_001 }, "expiresInSeconds"],
    ["a permanent code with an expiry", { kind: "permanent", scene: 1, expiresInSeconds: 60 }, "expiresInSeconds"],
  ] as const)("refuses %s before calling WeChat", (_name, request, field) => {
    const error = (() => {
      try {
        validateQrCodeRequest(request);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WechatRequestInvalidError);
    expect((error as WechatRequestInvalidError).field).toBe(field);
  });

  it("measures tag names in bytes: 10 Chinese characters fit, 11 do not", () => {
    expect(() => validateTagName("十个汉字正好三十字节")).not.toThrow();
    expect(() => validateTagName("十一个汉字超过三十字节")).toThrow(WechatRequestInvalidError);
    expect(() => validateTagName("")).toThrow(WechatRequestInvalidError);
  });
});
