// The route-permission matrix: every route file under app/ that answers requests is found on disk,
// must declare its rule (lib/http/route.ts), and is called with every method as anonymous, viewer,
// editor, admin and owner, and as people limited to account A — on A and on B. A route without a
// rule, a new public route nobody reviewed, or a route that lets someone reach an account outside
// theirs fails here, so a new route cannot ship open.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import type { Role } from "@/lib/auth/roles";
import { createChannel } from "@/lib/channels/create-channel";
import type { RouteRule } from "@/lib/http/route";
import { randomAlphanumeric, sandboxAccountInput, startTestApp, type TestApp } from "@/tests/support/test-app";

/** Route files that are not behind route(), each with why that is safe. */
const unwrappedRoutes: Record<string, string> = {
  "app/api/bench/bare/[accountId]/route.ts": "answers 404 unless QUDAO_BENCH=1 (npm run bench); touches no data",
  "app/sandbox/cgi-bin/qrcode/create/route.ts": "the WeChat emulator: needs the sandbox app's access token",
  "app/sandbox/cgi-bin/showqrcode/route.ts": "the WeChat emulator: a QR image by its unguessable ticket",
  "app/sandbox/cgi-bin/stable_token/route.ts": "the WeChat emulator: needs the sandbox app's AppSecret",
  "app/sandbox/cgi-bin/token/route.ts": "the WeChat emulator: needs the sandbox app's AppSecret",
  "app/sandbox/cgi-bin/tags/create/route.ts": "the WeChat emulator: needs the sandbox app's access token",
  "app/sandbox/cgi-bin/tags/get/route.ts": "the WeChat emulator: needs the sandbox app's access token",
  "app/sandbox/cgi-bin/tags/members/batchtagging/route.ts": "the WeChat emulator: needs the sandbox app's access token",
};

/** The reviewed public routes: adding one means adding it here, on purpose. */
const publicRoutes = new Set([
  "GET app/api/health/route.ts",
  "POST app/api/auth/setup/route.ts",
  "POST app/api/auth/sign-in/route.ts",
  "POST app/api/auth/sign-out/route.ts",
  "GET app/api/wechat/[accountId]/route.ts",
  "POST app/api/wechat/[accountId]/route.ts",
  "GET app/api/invites/accept/route.ts",
  "POST app/api/invites/accept/route.ts",
]);

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  rule?: RouteRule;
};

interface RouteCase {
  file: string;
  method: (typeof methods)[number];
  handler: Handler;
}

function routeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [relative(process.cwd(), path).split(sep).join("/")] : [];
  });
}

async function loadRouteCases(): Promise<RouteCase[]> {
  const cases: RouteCase[] = [];
  for (const file of routeFiles(join(process.cwd(), "app"))) {
    if (file in unwrappedRoutes) continue;
    const routeModule = (await import(/* @vite-ignore */ join(process.cwd(), file))) as Partial<
      Record<(typeof methods)[number], Handler>
    >;
    for (const method of methods) {
      const handler = routeModule[method];
      if (handler) cases.push({ file, method, handler });
    }
  }
  return cases;
}

interface Caller {
  name: string;
  cookie: string | null;
  /** The role the caller holds on account A (null: anonymous). */
  roleOnA: Role | null;
  /** Whether the caller may see account B at all. */
  seesB: boolean;
}

let app: TestApp;
let cases: RouteCase[];
let callers: Caller[];
const ids = { accountA: "", accountB: "", channelA: "", channelB: "" };

async function userWithSession(
  role: Role,
  access: { allAccounts: true } | { allAccounts: false; grants: { accountId: string; role: Role }[] },
): Promise<string> {
  const user = await app.db.user.create({
    data: {
      email: `matrix-${randomAlphanumeric(8).toLowerCase()}@example.com`,
      passwordHash: "not-used",
      role,
      allAccounts: access.allAccounts,
      grants: access.allAccounts ? undefined : { create: access.grants },
    },
  });
  const { token } = await createSession(user.id);
  return `${sessionCookieName}=${token}`;
}

beforeAll(async () => {
  app = await startTestApp();
  cases = await loadRouteCases();
  const accountA = await createAccount(sandboxAccountInput(app.server));
  const accountB = await createAccount(sandboxAccountInput(app.server));
  const channelA = await createChannel({ accountId: accountA.id, name: "A's poster" });
  const channelB = await createChannel({ accountId: accountB.id, name: "B's poster" });
  Object.assign(ids, { accountA: accountA.id, accountB: accountB.id, channelA: channelA.id, channelB: channelB.id });
  const everyAccount = { allAccounts: true } as const;
  callers = [
    { name: "anonymous", cookie: null, roleOnA: null, seesB: false },
    { name: "viewer", cookie: await userWithSession("viewer", everyAccount), roleOnA: "viewer", seesB: true },
    { name: "editor", cookie: await userWithSession("editor", everyAccount), roleOnA: "editor", seesB: true },
    { name: "admin", cookie: await userWithSession("admin", everyAccount), roleOnA: "admin", seesB: true },
    { name: "owner", cookie: await userWithSession("owner", everyAccount), roleOnA: "owner", seesB: true },
    {
      name: "viewer of A only",
      cookie: await userWithSession("viewer", {
        allAccounts: false,
        grants: [{ accountId: accountA.id, role: "viewer" }],
      }),
      roleOnA: "viewer",
      seesB: false,
    },
    {
      name: "editor of A only",
      cookie: await userWithSession("editor", {
        allAccounts: false,
        grants: [{ accountId: accountA.id, role: "editor" }],
      }),
      roleOnA: "editor",
      seesB: false,
    },
  ];
}, 120_000);

afterAll(async () => {
  await app.close();
});

const roleOrder: Role[] = ["viewer", "editor", "admin", "owner"];
const atLeast = (role: Role | null, needed: Role) =>
  role !== null && roleOrder.indexOf(role) >= roleOrder.indexOf(needed);

/** The request for a route aimed at account A or B, with the account where the rule looks for it. */
function requestFor(routeCase: RouteCase, target: "A" | "B", cookie: string | null) {
  const rule = routeCase.handler.rule!;
  const accountId = target === "A" ? ids.accountA : ids.accountB;
  const channelId = target === "A" ? ids.channelA : ids.channelB;
  const account = "auth" in rule ? "none" : rule.account;
  const params: Record<string, string> = {};
  const path = routeCase.file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[(\w+)\]/g, (_match, name: string) => {
      const value =
        typeof account === "object" && "param" in account && account.param === name
          ? accountId
          : typeof account === "object" && "channelParam" in account && account.channelParam === name
            ? channelId
            : "no-such-id";
      params[name] = value;
      return value;
    });
  const url = new URL(`http://localhost${path}`);
  if (account === "query") url.searchParams.set("accountId", accountId);
  // As from Qudao's own pages: a cookie-authenticated change needs a same-origin Origin.
  const headers = new Headers({ origin: url.origin });
  if (cookie) headers.set("cookie", cookie);
  let body: string | undefined;
  if (routeCase.method !== "GET") {
    headers.set("content-type", "application/json");
    body = JSON.stringify(account === "body" ? { accountId } : {});
  }
  return { request: new Request(url, { method: routeCase.method, headers, body }), params };
}

async function call(routeCase: RouteCase, target: "A" | "B", caller: Caller) {
  const { request, params } = requestFor(routeCase, target, caller.cookie);
  const response = await routeCase.handler(request, { params: Promise.resolve(params) });
  return { status: response.status, text: await startOfBody(response) };
}

/** The first chunk is enough to judge an answer; live feeds and downloads are cancelled after it. */
async function startOfBody(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const first = await reader.read();
  await reader.cancel();
  return first.value ? new TextDecoder().decode(first.value) : "";
}

describe("every route declares who may call it", () => {
  it("finds the routes on disk", () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it("has a rule on every handler, and only the reviewed routes are public", () => {
    const missing = cases.filter((routeCase) => !routeCase.handler.rule).map((c) => `${c.method} ${c.file}`);
    expect(missing, "route handlers without route(rule, …)").toEqual([]);
    const open = cases
      .filter((routeCase) => routeCase.handler.rule && "auth" in routeCase.handler.rule)
      .map((routeCase) => `${routeCase.method} ${routeCase.file}`);
    expect(
      open.filter((name) => !publicRoutes.has(name)),
      "public routes nobody reviewed",
    ).toEqual([]);
  });
});

describe("the permission matrix", () => {
  it("answers each caller as their role and accounts allow, and never 5xx", async () => {
    const failures: string[] = [];
    for (const routeCase of cases) {
      const rule = routeCase.handler.rule!;
      if ("auth" in rule) continue;
      const name = `${routeCase.method} ${routeCase.file}`;
      for (const caller of callers) {
        for (const target of ["A", "B"] as const) {
          const { status, text } = await call(routeCase, target, caller);
          const where = `${name} as ${caller.name} on ${target}: ${status} ${text.slice(0, 160)}`;
          if (status >= 500) failures.push(`5xx — ${where}`);
          const roleOnTarget = target === "A" ? caller.roleOnA : caller.seesB ? caller.roleOnA : null;
          if (!caller.cookie) {
            if (status !== 401) failures.push(`expected 401 — ${where}`);
            continue;
          }
          const aboutAnAccount = rule.account !== "none";
          const isScopeNotFound = status === 404 && /"(Account|Channel) not found"/.test(text);
          if (aboutAnAccount && roleOnTarget === null) {
            // Outside their accounts: exactly as if it did not exist (or refused for role first).
            if (!isScopeNotFound && status !== 403) failures.push(`expected 404 — ${where}`);
            continue;
          }
          const globalRole = caller.roleOnA;
          const allowed = atLeast(aboutAnAccount ? roleOnTarget : globalRole, rule.role);
          if (!allowed && status !== 403) failures.push(`expected 403 — ${where}`);
          if (allowed && (status === 401 || status === 403 || isScopeNotFound))
            failures.push(`expected access — ${where}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("lists only the caller's accounts", async () => {
    const listAccounts = cases.find((c) => c.method === "GET" && c.file === "app/api/accounts/route.ts")!;
    const limited = callers.find((caller) => caller.name === "viewer of A only")!;
    const { status, text } = await call(listAccounts, "A", limited);
    expect(status).toBe(200);
    const listed = (JSON.parse(text) as { items: { id: string }[] }).items.map((item) => item.id);
    expect(listed).toEqual([ids.accountA]);
  });
});
