// Sign-in and first-run setup: both end with a session cookie.
import { AppError } from "@/lib/http/errors";
import { createSession, sessionCookieHeader } from "@/lib/auth/sessions";
import { createFirstAdmin, findUserByCredentials, type PublicUser } from "@/lib/auth/users";
import type { Credentials } from "@/lib/schemas/auth";

export interface SignedIn {
  user: PublicUser;
  setCookie: string;
}

async function startSession(user: PublicUser): Promise<SignedIn> {
  const session = await createSession(user.id);
  return { user, setCookie: sessionCookieHeader(session.token, session.expiresAt) };
}

export async function signIn(credentials: Credentials): Promise<SignedIn> {
  const user = await findUserByCredentials(credentials.email, credentials.password);
  if (!user) throw new AppError("unauthorized", "Wrong email or password");
  return startSession(user);
}

export async function setUpFirstAdmin(credentials: Credentials): Promise<SignedIn> {
  return startSession(await createFirstAdmin(credentials));
}
