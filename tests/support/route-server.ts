// A real HTTP server in front of the app's route handlers, for integration tests: the sandbox
// and the webhook talk to each other over HTTP exactly as in production, without a Next build.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type RouteContext = { params: Promise<Record<string, string>> };
// Method syntax on purpose: each route declares its own params type, and methods compare bivariantly.
interface RouteModule {
  GET?(request: Request, context: RouteContext): Promise<Response>;
  POST?(request: Request, context: RouteContext): Promise<Response>;
  PATCH?(request: Request, context: RouteContext): Promise<Response>;
  DELETE?(request: Request, context: RouteContext): Promise<Response>;
}

const routes: [RegExp, () => Promise<RouteModule>][] = [
  [/^\/api\/wechat\/(?<accountId>[^/]+)$/, () => import("@/app/api/wechat/[accountId]/route")],
  [/^\/sandbox\/cgi-bin\/token$/, () => import("@/app/sandbox/cgi-bin/token/route")],
  [/^\/sandbox\/cgi-bin\/stable_token$/, () => import("@/app/sandbox/cgi-bin/stable_token/route")],
  [/^\/sandbox\/cgi-bin\/qrcode\/create$/, () => import("@/app/sandbox/cgi-bin/qrcode/create/route")],
  [/^\/sandbox\/cgi-bin\/showqrcode$/, () => import("@/app/sandbox/cgi-bin/showqrcode/route")],
  [/^\/sandbox\/cgi-bin\/tags\/create$/, () => import("@/app/sandbox/cgi-bin/tags/create/route")],
  [/^\/sandbox\/cgi-bin\/tags\/get$/, () => import("@/app/sandbox/cgi-bin/tags/get/route")],
  [
    /^\/sandbox\/cgi-bin\/tags\/members\/batchtagging$/,
    () => import("@/app/sandbox/cgi-bin/tags/members/batchtagging/route"),
  ],
];

// The body is streamed, not buffered, as in Next: a handler that stops reading (the webhook's
// 64 KB limit) really stops reading.
function toRequest(message: IncomingMessage, baseUrl: string): Request {
  const hasBody = message.method !== "GET" && message.method !== "HEAD";
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) if (typeof value === "string") headers.set(name, value);
  const body = hasBody ? (Readable.toWeb(message) as ReadableStream<Uint8Array>) : undefined;
  return new Request(new URL(message.url ?? "/", baseUrl), {
    method: message.method,
    headers,
    body,
    duplex: "half",
  } as RequestInit);
}

export interface RouteServer {
  url: string;
  /** Requests received per path, e.g. to count token fetches at the sandbox. */
  requestCounts: Map<string, number>;
  close(): Promise<void>;
}

export async function startRouteServer(): Promise<RouteServer> {
  let baseUrl = "";
  const requestCounts = new Map<string, number>();
  const server: Server = createServer(async (message, reply) => {
    const path = new URL(message.url ?? "/", "http://localhost").pathname;
    requestCounts.set(path, (requestCounts.get(path) ?? 0) + 1);
    const match = routes
      .map(([pattern, load]) => ({ groups: pattern.exec(path)?.groups ?? (pattern.test(path) ? {} : null), load }))
      .find((route) => route.groups);
    const handler = match ? (await match.load())[message.method as keyof RouteModule] : undefined;
    if (!match || !handler) {
      reply.writeHead(404).end();
      return;
    }
    const response = await handler(toRequest(message, baseUrl), { params: Promise.resolve(match.groups ?? {}) });
    // Answered before the body ended (a 413): close, so the client cannot reuse a connection
    // that still carries the rest of that body.
    const headers = { ...Object.fromEntries(response.headers), ...(message.complete ? {} : { connection: "close" }) };
    reply.writeHead(response.status, headers);
    reply.end(Buffer.from(await response.arrayBuffer()));
  });
  // Idle connections outlive the client's keep-alive: with Node's default 5 s, a busy machine can
  // close a socket just as fetch reuses it, and the test sees "fetch failed" instead of an answer.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: baseUrl, requestCounts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
