// The analytics tests' two ends: pushes with chosen CreateTimes, sealed as WeChat seals them and
// POSTed to the webhook over HTTP; and the stats API called through its route handlers (auth, zod,
// error body) with an API key.
import { randomBytes } from "node:crypto";
import { createApiKey } from "@/lib/auth/api-keys";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { sealPush } from "@/lib/wechat/push";
import { buildWechatXml } from "@/lib/wechat/xml";
import { GET as summaryRoute } from "@/app/api/stats/summary/route";
import { GET as timeseriesRoute } from "@/app/api/stats/timeseries/route";
import { GET as channelsRoute } from "@/app/api/stats/channels/route";
import { GET as retentionRoute } from "@/app/api/stats/retention/route";
import type { StreamPush } from "@/tests/support/analytics-truth";

const routes = {
  summary: summaryRoute,
  timeseries: timeseriesRoute,
  channels: channelsRoute,
  retention: retentionRoute,
};

export interface StatsApi {
  get(
    resource: keyof typeof routes,
    params: Record<string, string | undefined>,
  ): Promise<{ status: number; body: unknown }>;
  /** The body of a 200, or a thrown error with the status and body. */
  json<T = Record<string, unknown>>(
    resource: keyof typeof routes,
    params: Record<string, string | undefined>,
  ): Promise<T>;
}

export async function createStatsApi(): Promise<StatsApi> {
  const { key } = await createApiKey({ name: `stats-test-${randomBytes(3).toString("hex")}`, role: "viewer" });
  const get: StatsApi["get"] = async (resource, params) => {
    const query = new URLSearchParams(
      Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const request = new Request(`http://localhost/api/stats/${resource}?${query}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const response = await routes[resource](request, { params: Promise.resolve({}) });
    return { status: response.status, body: await response.json() };
  };
  return {
    get,
    async json(resource, params) {
      const { status, body } = await get(resource, params);
      if (status !== 200) throw new Error(`${resource} answered ${status}: ${JSON.stringify(body)}`);
      return body as never;
    },
  };
}

/** POSTs one push to the account's webhook as WeChat would (signed, and encrypted in safe mode). */
export async function pushToWebhook(serverUrl: string, accountId: string, push: StreamPush): Promise<[number, string]> {
  const credentials = await getAccountCredentials(accountId);
  const xml = buildWechatXml({
    ToUserName: credentials.originalId ?? "gh_unknown",
    FromUserName: push.openid,
    CreateTime: push.createTime,
    MsgType: "event",
    Event: push.event,
    EventKey: push.eventKey,
  });
  const sealed = sealPush({
    xml,
    mode: credentials.mode,
    credentials: { token: credentials.token, appId: credentials.appId, encodingAESKey: credentials.encodingAESKey },
    timestamp: String(Math.floor(Date.now() / 1000)),
    nonce: String(randomBytes(4).readUInt32BE(0)),
    openid: push.openid,
  });
  const response = await fetch(`${serverUrl}/api/wechat/${accountId}?${new URLSearchParams(sealed.query)}`, {
    method: "POST",
    body: sealed.body,
  });
  return [response.status, await response.text()];
}
