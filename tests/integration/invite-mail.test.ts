// With an SMTP server configured, an invitation is mailed (here to a real SMTP server on localhost,
// smtp-server, that keeps what it receives); without one, only the link is returned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { resetEnvForTests } from "@/lib/env";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import { POST as createInviteRoute } from "@/app/api/invites/route";
import { randomAlphanumeric, startTestApp, type TestApp } from "@/tests/support/test-app";

let app: TestApp;
let ownerCookie: string;
let smtp: SMTPServer;
const received: { to: string[]; body: string }[] = [];

beforeAll(async () => {
  app = await startTestApp();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const owner = await app.db.user.create({
    data: { email: `mail-owner-${randomAlphanumeric(6).toLowerCase()}@example.com`, passwordHash: "x", role: "owner" },
  });
  ownerCookie = `${sessionCookieName}=${(await createSession(owner.id)).token}`;
});

afterAll(async () => {
  delete process.env.QUDAO_SMTP_URL;
  resetEnvForTests();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await app.close();
});

function invite(email: string): Promise<Response> {
  return createInviteRoute(
    new Request("http://localhost/api/invites", {
      method: "POST",
      headers: { cookie: ownerCookie, origin: "http://localhost", "content-type": "application/json" },
      body: JSON.stringify({ email, access: { allAccounts: true, role: "viewer" } }),
    }),
    { params: Promise.resolve({}) },
  );
}

describe("invitation mail", () => {
  it("only returns the link when no SMTP server is configured", async () => {
    const response = await invite(`no-mail-${randomAlphanumeric(6).toLowerCase()}@example.com`);
    expect(response.status).toBe(201);
    expect((await response.json()).mailed).toBe(false);
    expect(received).toHaveLength(0);
  });

  it("mails the one-time link through the configured SMTP server", async () => {
    process.env.QUDAO_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    resetEnvForTests();
    const email = `mailed-${randomAlphanumeric(6).toLowerCase()}@example.com`;
    const response = await invite(email);
    expect(response.status).toBe(201);
    const { link, mailed } = (await response.json()) as { link: string; mailed: boolean };
    expect(mailed).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([email]);
    // Quoted-printable may wrap long lines: compare without soft line breaks.
    expect(received[0]!.body.replace(/=\r?\n/g, "")).toContain(link.replace(/=/g, "=3D"));
  });
});
