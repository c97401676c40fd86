// Sign-in and first-run setup: both end with a new session cookie (a new session on every
// sign-in: a cookie planted before sign-in is never promoted). Every attempt is audited.
import { recordAudit } from "@/lib/audit/audit-log";
import { clientIpOf } from "@/lib/auth/authenticate";
import { createSession, sessionCookieHeader } from "@/lib/auth/sessions";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "@/lib/auth/sign-in-throttle";
import { log } from "@/lib/log";
import { createFirstOwner, findUserByCredentials, type PublicUser } from "@/lib/auth/users";
import { AppError } from "@/lib/http/errors";
import type { Credentials, SetupInput } from "@/lib/schemas/auth";

export interface SignedIn {
  user: PublicUser;
  setCookie: string;
}

/** A new session for the user, recorded with where it came from; returns its Set-Cookie. */
export async function startSessionFor(userId: string, request: Request): Promise<string> {
  const session = await createSession(userId, {
    ip: clientIpOf(request),
    userAgent: request.headers.get("user-agent"),
  });
  return sessionCookieHeader(session.token, session.expiresAt);
}

/**
 * Checks the throttle first (429 while the address or the email must wait, without looking at the
 * password), then the password; a failure is counted, logged and audited.
 */
export async function signIn(credentials: Credentials, request: Request): Promise<SignedIn> {
  const ip = clientIpOf(request);
  const source = { email: credentials.email, ip };
  try {
    await assertSignInAllowed(source);
  } catch (error) {
    log.warn({ ip, reason: "throttled" }, "sign-in refused");
    throw error;
  }
  const user = await findUserByCredentials(credentials.email, credentials.password);
  if (!user) {
    const failures = await recordSignInFailure(source);
    log.warn({ ip, failures }, "sign-in failed");
    await recordAudit({
      action: "auth.sign_in_failed",
      objectType: "user",
      actorOverride: { kind: "anonymous", id: null, label: credentials.email.toLowerCase() },
      detail: { failuresInARow: failures },
      ip,
    });
    throw new AppError("unauthorized", "Wrong email or password");
  }
  await recordSignInSuccess(source);
  const setCookie = await startSessionFor(user.id, request);
  await recordAudit({
    action: "auth.sign_in",
    objectType: "user",
    objectId: user.id,
    actorOverride: { kind: "user", id: user.id, label: user.email },
    ip,
  });
  return { user, setCookie };
}

export async function setUpFirstOwner(credentials: SetupInput, request: Request): Promise<SignedIn> {
  const user = await createFirstOwner(credentials);
  await recordAudit({
    action: "user.create_first_owner",
    objectType: "user",
    objectId: user.id,
    actorOverride: { kind: "user", id: user.id, label: user.email },
    ip: clientIpOf(request),
  });
  return { user, setCookie: await startSessionFor(user.id, request) };
}
