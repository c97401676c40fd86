// Finding 5 of the security review: request bodies were bounded only by their declared length,
// and an XLSX import was unzipped with no cap. Now every route cuts its body at its limit whether
// the limit is declared or streamed (a chunked body declares nothing), and an XLSX is refused
// (413) when its central directory promises too many parts or too many unzipped bytes — checked
// before anything is inflated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { zipSync } from "fflate";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { callRoute } from "@/tests/support/call-route";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createApiKey } from "@/lib/auth/api-keys";
import { defaultMaxBodyBytes } from "@/lib/http/route";
import { maxXlsxEntries, maxXlsxUnzippedBytes } from "@/lib/schemas/channel-import";
import { POST as postSignIn } from "@/app/api/auth/sign-in/route";
import { POST as postChannel } from "@/app/api/channels/route";
import { POST as postImport } from "@/app/api/channels/import/route";

let app: TestApp;
let key: string;
beforeAll(async () => {
  app = await startTestApp();
  key = (await createApiKey({ name: `limits-${randomBytes(3).toString("hex")}`, role: "editor" })).key;
});
afterAll(async () => {
  await app.close();
});

const megabyte = 1024 * 1024;

/** A body of `totalBytes` of JSON-looking text, streamed in 64 KB chunks; counts what was pulled. */
function countedJsonStream(totalBytes: number) {
  const chunk = new TextEncoder().encode(`{"email":"${"a".repeat(64 * 1024 - 12)}`.slice(0, 64 * 1024));
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= totalBytes) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

function post(path: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("JSON bodies", () => {
  it("a 20 MB sign-in declared as such is refused (413) before a byte of it is read", async () => {
    const { stream, counter } = countedJsonStream(20 * megabyte);
    const response = await postSignIn(post("/api/auth/sign-in", stream, { "content-length": String(20 * megabyte) }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("payload_too_large");
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024); // at most what the stream pre-fetched
  });

  it("a 20 MB sign-in sent chunked (no Content-Length) is cut at the limit while it streams", async () => {
    const { stream, counter } = countedJsonStream(20 * megabyte);
    const started = Date.now();
    const response = await postSignIn(post("/api/auth/sign-in", stream, { origin: "http://localhost" }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThan(defaultMaxBodyBytes + 3 * 64 * 1024);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("the same on a signed-in route, and a body under the limit still goes through", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const { stream } = countedJsonStream(2 * megabyte);
    const refused = await postChannel(post("/api/channels", stream, { authorization: `Bearer ${key}` }), {
      params: Promise.resolve({}),
    });
    expect(refused.status).toBe(413);

    const accepted = await callRoute(postChannel, "/api/channels", {
      key,
      body: { accountId: account.id, name: "Fits", note: "n".repeat(1000) },
    });
    expect(accepted.status).toBe(201);
  });
});

describe("XLSX imports", () => {
  async function uploadZip(accountId: string, files: Record<string, Uint8Array>) {
    const form = new FormData();
    form.set("accountId", accountId);
    form.set("dryRun", "1");
    form.set("file", new Blob([zipSync(files, { level: 9 })]), "channels.xlsx");
    return callRoute(postImport, "/api/channels/import", { key, body: form });
  }

  it("refuses (413) a small file whose central directory says it unzips past the cap", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const bomb = { "xl/worksheets/sheet1.xml": new Uint8Array(maxXlsxUnzippedBytes + megabyte) };
    const response = await uploadZip(account.id, bomb);
    expect(response.status).toBe(413);
    const error = await errorOf(response);
    expect(error.message).toContain(`${maxXlsxUnzippedBytes / megabyte} MB`);
  });

  it("refuses (413) a file of more parts than the cap", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const parts = Object.fromEntries(
      Array.from({ length: maxXlsxEntries + 1 }, (_, index) => [`part${index}.xml`, new Uint8Array([60])]),
    );
    const response = await uploadZip(account.id, parts);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).message).toContain(`at most ${maxXlsxEntries}`);
  });

  it("still reads a file that is not a ZIP as a bad file (422), not as too large", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const form = new FormData();
    form.set("accountId", account.id);
    form.set("file", new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]), "broken.xlsx");
    const response = await callRoute(postImport, "/api/channels/import", { key, body: form });
    expect(response.status).toBe(422);
  });
});
