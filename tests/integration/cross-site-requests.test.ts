// Cross-site request forgery (issue 17, finding 3): a PATCH with the session cookie, sent by
// another site as text/plain, was applied. Now a cookie-authenticated change needs Qudao's own
// Origin and a JSON (or, for uploads, multipart) body; API keys are not affected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createApiKey } from "@/lib/auth/api-keys";
import { hashPassword } from "@/lib/auth/passwords";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import { createChannel } from "@/lib/channels/create-channel";
import { resetEnvForTests } from "@/lib/env";
import { PATCH as patchChannel } from "@/app/api/channels/[id]/route";
import { POST as importChannels } from "@/app/api/channels/import/route";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { randomAlphanumeric, sandboxAccountInput, startTestApp, type TestApp } from "@/tests/support/test-app";

let app: TestApp;
let cookie: string;
let apiKey: string;
let accountId: string;
let channelId: string;

beforeAll(async () => {
  app = await startTestApp();
  const user = await app.db.user.create({
    data: { email: `csrf-${randomAlphanumeric(8).toLowerCase()}@example.com`, passwordHash: "x", role: "owner" },
  });
  cookie = `${sessionCookieName}=${(await createSession(user.id)).token}`;
  apiKey = (await createApiKey({ name: "csrf test", role: "editor" })).key;
  accountId = (await createAccount(sandboxAccountInput(app.server))).id;
  channelId = (await createChannel({ accountId, name: "Poster" })).id;
});

afterAll(async () => {
  await app.close();
});

function patchNote(note: string, headers: Record<string, string>): Promise<Response> {
  const request = new Request(`http://localhost/api/channels/${channelId}`, {
    method: "PATCH",
    headers,
    body: JSON.stringify({ note }),
  });
  return patchChannel(request, { params: Promise.resolve({ id: channelId }) });
}

async function currentNote(): Promise<string | null> {
  return (await app.db.channel.findUniqueOrThrow({ where: { id: channelId } })).note;
}

describe("a cookie-authenticated change", () => {
  it("from another site as text/plain is refused and changes nothing (the finding)", async () => {
    const response = await patchNote("forged", { cookie, origin: "http://evil.example", "content-type": "text/plain" });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
    expect(await currentNote()).not.toBe("forged");
  });

  it("is refused from a foreign origin even as JSON, and without any Origin", async () => {
    const json = { cookie, "content-type": "application/json" };
    expect((await patchNote("forged", { ...json, origin: "http://evil.example" })).status).toBe(403);
    expect((await patchNote("forged", { ...json, origin: "null" })).status).toBe(403);
    expect((await patchNote("forged", { ...json, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await patchNote("forged", json)).status).toBe(403);
    expect(await currentNote()).not.toBe("forged");
  });

  it("is refused from Qudao's own origin when the body is not JSON", async () => {
    const sameOrigin = { cookie, origin: "http://localhost" };
    expect((await patchNote("forged", { ...sameOrigin, "content-type": "text/plain" })).status).toBe(403);
    expect(
      (await patchNote("forged", { ...sameOrigin, "content-type": "application/x-www-form-urlencoded" })).status,
    ).toBe(403);
    expect((await patchNote("forged", sameOrigin)).status).toBe(403);
    expect(await currentNote()).not.toBe("forged");
  });

  it("is applied from Qudao's own origin as JSON (Origin, or Sec-Fetch-Site alone)", async () => {
    const json = { cookie, "content-type": "application/json; charset=utf-8" };
    expect((await patchNote("by origin", { ...json, origin: "http://localhost" })).status).toBe(200);
    expect(await currentNote()).toBe("by origin");
    expect((await patchNote("by fetch metadata", { ...json, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect(await currentNote()).toBe("by fetch metadata");
  });

  it("is applied from QUDAO_PUBLIC_URL's origin (behind a proxy that rewrites the Host)", async () => {
    const publicOrigin = new URL(app.server.url).origin;
    const response = await patchNote("via public url", {
      cookie,
      origin: publicOrigin,
      "content-type": "application/json",
    });
    expect(response.status).toBe(200);
    expect(await currentNote()).toBe("via public url");
  });

  it("takes multipart only on a route that accepts files", async () => {
    const form = new FormData();
    form.set("accountId", accountId);
    form.set("dryRun", "true");
    form.set("file", new Blob(["name\nFrom a file\n"], { type: "text/csv" }), "channels.csv");
    const upload = await importChannels(
      new Request("http://localhost/api/channels/import", {
        method: "POST",
        headers: { cookie, origin: "http://localhost" },
        body: form,
      }),
      { params: Promise.resolve({}) },
    );
    expect(upload.status).toBe(200);
    const patch = new Request(`http://localhost/api/channels/${channelId}`, {
      method: "PATCH",
      headers: { cookie, origin: "http://localhost" },
      body: form,
    });
    expect((await patchChannel(patch, { params: Promise.resolve({ id: channelId }) })).status).toBe(403);
  });
});

describe("an API-key change", () => {
  it("needs no Origin: browsers never send the key on their own", async () => {
    const response = await patchNote("by key", {
      authorization: `Bearer ${apiKey}`,
      "content-type": "application/json",
    });
    expect(response.status).toBe(200);
    expect(await currentNote()).toBe("by key");
  });
});

describe("signing in (login CSRF)", () => {
  async function signIn(headers: Record<string, string>): Promise<Response> {
    const email = `signin-csrf-${randomAlphanumeric(8).toLowerCase()}@example.com`;
    await app.db.user.create({ data: { email, passwordHash: await hashPassword("correct horse battery") } });
    const body = JSON.stringify({ email, password: "correct horse battery" });
    return signInRoute(new Request("http://localhost/api/auth/sign-in", { method: "POST", headers, body }), {
      params: Promise.resolve({}),
    });
  }

  it("is refused from another site, or as a form, and works from Qudao's own page", async () => {
    const foreign = await signIn({ origin: "http://evil.example", "content-type": "application/json" });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
    expect((await signIn({ origin: "http://localhost", "content-type": "text/plain" })).status).toBe(403);
    expect((await signIn({ origin: "http://localhost", "content-type": "application/json" })).status).toBe(200);
  });

  it("accepts QUDAO_PUBLIC_URL's origin and no other", async () => {
    process.env.QUDAO_PUBLIC_URL = "https://qudao.example.com";
    resetEnvForTests();
    try {
      const json = { "content-type": "application/json" };
      expect((await signIn({ ...json, origin: "https://qudao.example.com" })).status).toBe(200);
      expect((await signIn({ ...json, origin: "https://qudao.example.com.evil.example" })).status).toBe(403);
    } finally {
      process.env.QUDAO_PUBLIC_URL = app.server.url;
      resetEnvForTests();
    }
  });
});
