// Users: the first owner (first-run page); more from the People page or the command line.
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { hashPassword, isPasswordValid, verifyAgainstDummyHash } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/roles";
import { isSetupTokenValid } from "@/lib/auth/setup-token";

export interface PublicUser {
  id: string;
  email: string;
  role: string;
}

export async function hasAnyUser(): Promise<boolean> {
  return (await getDb().user.count()) > 0;
}

export async function createUser(input: { email: string; password: string; role?: Role }): Promise<PublicUser> {
  try {
    const user = await getDb().user.create({
      data: {
        email: input.email.toLowerCase(),
        passwordHash: await hashPassword(input.password),
        role: input.role ?? "viewer",
      },
    });
    return { id: user.id, email: user.email, role: user.role };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "A user with that email already exists");
    throw error;
  }
}

/**
 * The first-run page: only with a valid setup token, and only while there is no user at all. The
 * user and the FirstOwner singleton row are written in one transaction: of two racing requests,
 * the second breaks the singleton's key and leaves nothing behind.
 */
export async function createFirstOwner(input: {
  email: string;
  password: string;
  setupToken: string;
}): Promise<PublicUser> {
  if (await hasAnyUser()) throw new AppError("conflict", "Qudao is already set up; sign in instead");
  if (!(await isSetupTokenValid(input.setupToken))) {
    throw new AppError("forbidden", "This setup link is not valid or has expired; use the link npm start printed");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await getDb().$transaction(async (transaction) => {
      const created = await transaction.user.create({
        data: { email: input.email.toLowerCase(), passwordHash, role: "owner" },
      });
      await transaction.firstOwner.create({ data: { userId: created.id } });
      await transaction.setupToken.deleteMany({});
      return created;
    });
    return { id: user.id, email: user.email, role: user.role };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "Qudao is already set up; sign in instead");
    throw error;
  }
}

export async function findUserByCredentials(email: string, password: string): Promise<PublicUser | null> {
  const user = await getDb().user.findUnique({ where: { email: email.toLowerCase() } });
  // Every path runs one argon2 verification, so the time taken says nothing about the email.
  const isValid = user ? await isPasswordValid(user.passwordHash, password) : await verifyAgainstDummyHash(password);
  if (!user || user.disabledAt || !isValid) return null;
  return { id: user.id, email: user.email, role: user.role };
}
