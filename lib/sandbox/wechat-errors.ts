// The emulator answers errors exactly as WeChat does: HTTP 200 with {"errcode","errmsg"}.
export class SandboxWechatError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(errmsg);
  }
}

export function wechatErrorJson(errcode: number, errmsg: string): Response {
  return Response.json({ errcode, errmsg: `${errmsg} rid: sandbox` });
}

export function wechatReply(work: () => Promise<unknown>): Promise<Response> {
  return work().then(
    (body) => Response.json(body),
    (error: unknown) => {
      if (error instanceof SandboxWechatError) return wechatErrorJson(error.errcode, error.errmsg);
      throw error;
    },
  );
}

/**
 * The address a call to the emulator came from, as WeChat would see it (behind a proxy: its
 * header). An IPv4 address reaches Node as "::ffff:1.2.3.4"; WeChat names it "1.2.3.4".
 */
export function callerIpOf(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || request.headers.get("x-real-ip") || "127.0.0.1";
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}
