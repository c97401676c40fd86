// Where Qudao may send an account's AppSecret and access tokens: WeChat's own API hosts, over
// https, and nothing else (the built-in sandbox is chosen by the account's isEmulated flag, never
// by a URL). An admin-set base pointing anywhere else would hand the secret to that host.

/** api.weixin.qq.com and the regional hosts WeChat documents for the same API. */
export const wechatApiHosts = [
  "api.weixin.qq.com",
  "api2.weixin.qq.com",
  "sh.api.weixin.qq.com",
  "sz.api.weixin.qq.com",
  "hk.api.weixin.qq.com",
] as const;

/** Whether `apiBaseUrl` is exactly https://<one of WeChat's hosts> (no port, path, credentials or query). */
export function isWechatApiBase(apiBaseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(apiBaseUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === "https:" &&
    (wechatApiHosts as readonly string[]).includes(url.hostname) &&
    url.port === "" &&
    url.username === "" &&
    url.password === "" &&
    (url.pathname === "/" || url.pathname === "") &&
    url.search === "" &&
    url.hash === ""
  );
}

/** The sentence a refused base is answered with: it names every allowed host. */
export function allowedApiBasesMessage(sandboxBaseUrl: string | null): string {
  const hosts = wechatApiHosts.map((host) => `https://${host}`).join(", ");
  return sandboxBaseUrl
    ? `The WeChat API base must be one of ${hosts}, or this server's sandbox ${sandboxBaseUrl}`
    : `The WeChat API base must be one of ${hosts}`;
}
