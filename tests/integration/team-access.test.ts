// People, invitations, sessions, API keys and the audit log, through the HTTP routes as the
// browser and integrations call them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createApiKey } from "@/lib/auth/api-keys";
import { createChannel } from "@/lib/channels/create-channel";
import { PATCH as patchChannel } from "@/app/api/channels/[id]/route";
import { hashPassword } from "@/lib/auth/passwords";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import type { Role } from "@/lib/auth/roles";
import { GET as listAccounts } from "@/app/api/accounts/route";
import { GET as listAudit } from "@/app/api/audit/route";
import { GET as exportAudit } from "@/app/api/audit/export/route";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { GET as me } from "@/app/api/auth/me/route";
import { GET as describeInviteRoute, POST as acceptInviteRoute } from "@/app/api/invites/accept/route";
import { POST as createInviteRoute } from "@/app/api/invites/route";
import { DELETE as endOthers, GET as listSessions } from "@/app/api/me/sessions/route";
import { POST as changePassword } from "@/app/api/me/password/route";
import { POST as createPersonRoute } from "@/app/api/people/route";
import { DELETE as removePersonRoute, PATCH as patchPerson } from "@/app/api/people/[id]/route";
import { POST as createKeyRoute } from "@/app/api/api-keys/route";
import { DELETE as revokeKeyRoute } from "@/app/api/api-keys/[id]/route";
import { randomAlphanumeric, sandboxAccountInput, startTestApp, type TestApp } from "@/tests/support/test-app";

let app: TestApp;
let ownerCookie: string;
let ownerId: string;
let accountA: string;
let accountB: string;

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

async function call<P = Record<string, never>>(
  handler: Handler<P>,
  path: string,
  options: { cookie?: string; key?: string; method?: string; body?: unknown; params?: P; ip?: string } = {},
): Promise<Response> {
  // As from Qudao's own pages: a cookie-authenticated change needs a same-origin Origin.
  const headers = new Headers({ "user-agent": "vitest", origin: "http://localhost" });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  if (options.ip) headers.set("x-forwarded-for", options.ip);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const method = options.method ?? (options.body !== undefined ? "POST" : "GET");
  // As lib/client/http.ts sends them: every change as JSON, with or without a body.
  if (method !== "GET") headers.set("content-type", "application/json");
  if (body !== undefined) headers.set("content-length", String(Buffer.byteLength(body)));
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body,
  });
  return handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
}

function cookieFrom(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  return header.split(";")[0]!;
}

async function personWithSession(
  role: Role,
  password = "correct horse battery",
): Promise<{ id: string; email: string; cookie: string }> {
  const email = `team-${randomAlphanumeric(8).toLowerCase()}@example.com`;
  const user = await app.db.user.create({ data: { email, passwordHash: await hashPassword(password), role } });
  const { token } = await createSession(user.id);
  return { id: user.id, email, cookie: `${sessionCookieName}=${token}` };
}

beforeAll(async () => {
  // The audit log's IPs come from X-Forwarded-For, trusted here as if one proxy stood in front.
  process.env.QUDAO_TRUSTED_PROXIES = "1";
  app = await startTestApp();
  const owner = await personWithSession("owner");
  ownerCookie = owner.cookie;
  ownerId = owner.id;
  accountA = (await createAccount(sandboxAccountInput(app.server))).id;
  accountB = (await createAccount(sandboxAccountInput(app.server))).id;
});

afterAll(async () => {
  delete process.env.QUDAO_TRUSTED_PROXIES;
  await app.close();
});

describe("invitations", () => {
  it("brings in a viewer limited to one account, who sees only that account and cannot edit", async () => {
    const email = `client-${randomAlphanumeric(6).toLowerCase()}@example.com`;
    const created = await call(createInviteRoute, "/api/invites", {
      cookie: ownerCookie,
      body: { email, access: { allAccounts: false, grants: [{ accountId: accountA, role: "viewer" }] } },
    });
    expect(created.status).toBe(201);
    const { link } = (await created.json()) as { link: string };
    const token = link.split("/invite/")[1]!;

    const described = await call(describeInviteRoute, `/api/invites/accept?token=${token}`);
    expect(await described.json()).toMatchObject({ email, role: "viewer" });

    const accepted = await call(acceptInviteRoute, "/api/invites/accept", {
      body: { token, name: "Client", password: "a long enough password" },
    });
    expect(accepted.status).toBe(201);
    const cookie = cookieFrom(accepted);

    const accounts = await (await call(listAccounts, "/api/accounts", { cookie })).json();
    expect(accounts.items.map((item: { id: string }) => item.id)).toEqual([accountA]);
    const who = await (await call(me, "/api/auth/me", { cookie })).json();
    expect(who).toMatchObject({ role: "viewer", allAccounts: false, grants: { [accountA]: "viewer" } });

    // The link is used up: a second use, like an unknown token, is a 404.
    const again = await call(acceptInviteRoute, "/api/invites/accept", {
      body: { token, password: "another long password" },
    });
    expect(again.status).toBe(404);
  });

  it("refuses an admin making an owner, and names the field of an unknown account", async () => {
    const admin = await personWithSession("admin");
    const ownerInvite = await call(createInviteRoute, "/api/invites", {
      cookie: admin.cookie,
      body: { email: "would-be-owner@example.com", access: { allAccounts: true, role: "owner" } },
    });
    expect(ownerInvite.status).toBe(403);
    const unknownAccount = await call(createInviteRoute, "/api/invites", {
      cookie: admin.cookie,
      body: { email: "x@example.com", access: { allAccounts: false, grants: [{ accountId: "nope", role: "viewer" }] } },
    });
    expect(unknownAccount.status).toBe(422);
    expect((await unknownAccount.json()).error.issues[0].path).toEqual(["access", "grants", 0, "accountId"]);
  });
});

describe("request bodies", () => {
  it("refuses an oversized body before reading it, on signed-in and public routes alike", async () => {
    const padding = "x".repeat(300 * 1024);
    const person = await call(createPersonRoute, "/api/people", {
      cookie: ownerCookie,
      body: { email: "big@example.com", temporaryPassword: "temporary-1234", padding },
    });
    expect(person.status).toBe(413);
    const signIn = await call(signInRoute, "/api/auth/sign-in", {
      body: { email: "a@example.com", password: padding },
    });
    expect(signIn.status).toBe(413);
    expect((await signIn.json()).error.code).toBe("payload_too_large");
  });

  it("names the field of a malformed key or audit query", async () => {
    const key = await call(createKeyRoute, "/api/api-keys", { cookie: ownerCookie, body: { name: "", role: "boss" } });
    expect(key.status).toBe(422);
    const fields = (await key.json()).error.issues.map((issue: { path: string[] }) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["name", "role"]));
    const audit = await call(listAudit, "/api/audit?from=yesterday&limit=0", { cookie: ownerCookie });
    expect(audit.status).toBe(422);
  });
});

describe("people", () => {
  it("disabling someone ends their sessions and their keys at once", async () => {
    const editor = await personWithSession("editor");
    const { key } = await createApiKey({ name: "editor's key", role: "viewer", userId: editor.id });
    expect((await call(me, "/api/auth/me", { cookie: editor.cookie })).status).toBe(200);
    expect((await call(me, "/api/auth/me", { key })).status).toBe(200);

    const disabled = await call(patchPerson, `/api/people/${editor.id}`, {
      cookie: ownerCookie,
      method: "PATCH",
      body: { disabled: true },
      params: { id: editor.id },
    });
    expect(disabled.status).toBe(200);
    expect((await call(me, "/api/auth/me", { cookie: editor.cookie })).status).toBe(401);
    expect((await call(me, "/api/auth/me", { key })).status).toBe(401);
    const signIn = await call(signInRoute, "/api/auth/sign-in", {
      body: { email: editor.email, password: "correct horse battery" },
    });
    expect(signIn.status).toBe(401);
  });

  it("lets only owners change owners, and never leaves Qudao without one", async () => {
    const admin = await personWithSession("admin");
    const demoteByAdmin = await call(patchPerson, `/api/people/${ownerId}`, {
      cookie: admin.cookie,
      method: "PATCH",
      body: { access: { allAccounts: true, role: "viewer" } },
      params: { id: ownerId },
    });
    expect(demoteByAdmin.status).toBe(403);
    const demoteSelf = await call(patchPerson, `/api/people/${ownerId}`, {
      cookie: ownerCookie,
      method: "PATCH",
      body: { access: { allAccounts: true, role: "admin" } },
      params: { id: ownerId },
    });
    expect(demoteSelf.status).toBe(409);
    const secondOwner = await personWithSession("owner");
    const demoteOther = await call(patchPerson, `/api/people/${secondOwner.id}`, {
      cookie: ownerCookie,
      method: "PATCH",
      body: { access: { allAccounts: true, role: "admin" } },
      params: { id: secondOwner.id },
    });
    expect(demoteOther.status).toBe(200);
    // A change of role ends their sessions: they sign in again with the new role.
    expect((await call(me, "/api/auth/me", { cookie: secondOwner.cookie })).status).toBe(401);
    const removeSelf = await call(removePersonRoute, `/api/people/${ownerId}`, {
      cookie: ownerCookie,
      method: "DELETE",
      params: { id: ownerId },
    });
    expect(removeSelf.status).toBe(409);
    const removed = await call(removePersonRoute, `/api/people/${secondOwner.id}`, {
      cookie: ownerCookie,
      method: "DELETE",
      params: { id: secondOwner.id },
    });
    expect(removed.status).toBe(204);
    expect(await app.db.user.findUnique({ where: { id: secondOwner.id } })).toBeNull();
  });

  it("creates someone with a temporary password, who must change it", async () => {
    const email = `temp-${randomAlphanumeric(6).toLowerCase()}@example.com`;
    const created = await call(createPersonRoute, "/api/people", {
      cookie: ownerCookie,
      body: { email, temporaryPassword: "temporary-1234", access: { allAccounts: true, role: "editor" } },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ email, role: "editor", mustChangePassword: true });
    const signedIn = await call(signInRoute, "/api/auth/sign-in", { body: { email, password: "temporary-1234" } });
    expect(signedIn.status).toBe(200);
    const cookie = cookieFrom(signedIn);
    const wrong = await call(changePassword, "/api/me/password", {
      cookie,
      body: { currentPassword: "not it", newPassword: "a brand new password" },
    });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.issues[0].path).toEqual(["currentPassword"]);
    const changed = await call(changePassword, "/api/me/password", {
      cookie,
      body: { currentPassword: "temporary-1234", newPassword: "a brand new password" },
    });
    expect(changed.status).toBe(204);
    expect(await app.db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ mustChangePassword: false });
  });
});

describe("sessions", () => {
  it("lists my sessions and signs out everywhere else", async () => {
    const person = await personWithSession("viewer");
    const { token: other } = await createSession(person.id, { ip: "203.0.113.9", userAgent: "Phone" });
    const sessions = (await (await call(listSessions, "/api/me/sessions", { cookie: person.cookie })).json()).items;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session: { current: boolean }) => session.current)).toHaveLength(1);
    const ended = await call(endOthers, "/api/me/sessions", { cookie: person.cookie, method: "DELETE" });
    expect(await ended.json()).toEqual({ ended: 1 });
    expect((await call(me, "/api/auth/me", { cookie: `${sessionCookieName}=${other}` })).status).toBe(401);
    expect((await call(me, "/api/auth/me", { cookie: person.cookie })).status).toBe(200);
  });

  it("ends a session left idle longer than the limit", async () => {
    const person = await personWithSession("viewer");
    await app.db.session.updateMany({
      where: { userId: person.id },
      data: { lastSeenAt: new Date(Date.now() - 73 * 3600 * 1000) },
    });
    expect((await call(me, "/api/auth/me", { cookie: person.cookie })).status).toBe(401);
    expect(await app.db.session.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe("API keys", () => {
  it("are viewers of every account unless told otherwise, limited keys see only theirs, revoked keys stop", async () => {
    const created = await call(createKeyRoute, "/api/api-keys", {
      cookie: ownerCookie,
      body: { name: "BI export", accountIds: [accountB] },
    });
    expect(created.status).toBe(201);
    const { id, key } = (await created.json()) as { id: string; key: string };
    const row = await app.db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ role: "viewer", allAccounts: false });
    expect(row.keyHash).not.toContain(key);

    const listed = await (await call(listAccounts, "/api/accounts", { key, ip: "198.51.100.7" })).json();
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([accountB]);
    expect(await app.db.apiKey.findUniqueOrThrow({ where: { id } })).toMatchObject({ lastUsedIp: "198.51.100.7" });

    const revoked = await call(revokeKeyRoute, `/api/api-keys/${id}`, {
      cookie: ownerCookie,
      method: "DELETE",
      params: { id },
    });
    expect(revoked.status).toBe(204);
    expect((await call(listAccounts, "/api/accounts", { key })).status).toBe(401);
  });

  it("refuses a key past its expiry", async () => {
    const { id, key } = await createApiKey({ name: "short-lived", expiresAt: new Date(Date.now() + 60_000) });
    expect((await call(listAccounts, "/api/accounts", { key })).status).toBe(200);
    await app.db.apiKey.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(listAccounts, "/api/accounts", { key })).status).toBe(401);
  });
});

describe("the audit log", () => {
  it("records sign-ins, failures and changes, with who, what and the IP, and exports them", async () => {
    const person = await personWithSession("viewer", "the right password");
    await call(signInRoute, "/api/auth/sign-in", {
      body: { email: person.email, password: "the wrong password" },
      ip: "192.0.2.44",
    });
    await call(signInRoute, "/api/auth/sign-in", {
      body: { email: person.email, password: "the right password" },
      ip: "192.0.2.44",
    });
    await call(patchPerson, `/api/people/${person.id}`, {
      cookie: ownerCookie,
      method: "PATCH",
      body: { name: "Renamed", access: { allAccounts: false, grants: [{ accountId: accountA, role: "viewer" }] } },
      params: { id: person.id },
    });
    const failed = await (
      await call(listAudit, "/api/audit?action=auth.sign_in_failed", { cookie: ownerCookie })
    ).json();
    expect(failed.items[0]).toMatchObject({ actorKind: "anonymous", actor: person.email, ip: "192.0.2.44" });
    const signIns = await (await call(listAudit, `/api/audit?actorId=${person.id}`, { cookie: ownerCookie })).json();
    expect(signIns.items.map((item: { action: string }) => item.action)).toContain("auth.sign_in");
    const update = await (
      await call(listAudit, `/api/audit?objectId=${person.id}&action=user.update`, { cookie: ownerCookie })
    ).json();
    expect(update.items[0].detail).toMatchObject({ name: [null, "Renamed"], allAccounts: [true, false] });

    const bytes = new Uint8Array(
      await (await call(exportAudit, "/api/audit/export?action=auth.", { cookie: ownerCookie })).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain("auth.sign_in_failed");
    expect(csv).toContain("192.0.2.44");
  });

  it("records a change made through any route, even one without its own audit entry", async () => {
    const channel = await createChannel({ accountId: accountA, name: "Audited poster" });
    const editor = await personWithSession("editor");
    const patched = await call(patchChannel, `/api/channels/${channel.id}`, {
      cookie: editor.cookie,
      method: "PATCH",
      body: { note: "moved to the east entrance" },
      params: { id: channel.id },
    });
    expect(patched.status).toBe(200);
    const row = await app.db.auditLog.findFirstOrThrow({ where: { actorId: editor.id }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({
      action: `patch /api/channels/${channel.id}`,
      objectType: "channels",
      target: channel.id,
      accountId: accountA,
      actor: editor.email,
    });
  });

  it("never writes a key or a password into the log", async () => {
    const created = await call(createKeyRoute, "/api/api-keys", { cookie: ownerCookie, body: { name: "audited" } });
    const { key } = (await created.json()) as { key: string };
    const rows = await app.db.auditLog.findMany();
    for (const row of rows) {
      expect(row.detail ?? "").not.toContain(key);
      expect(row.detail ?? "").not.toContain("correct horse battery");
    }
  });
});
