// First run for integration tests: a setup token as `npm start` would print it, and an empty
// user table (the run's database is shared by the test files, which run one after another).
import { getDb } from "@/lib/db/client";
import { issueSetupToken as issueToken } from "@/lib/auth/setup-token";

export async function issueSetupToken(): Promise<string> {
  return (await issueToken()).token;
}

/** Back to a fresh install: no user, no first owner. Only for tests about the first run. */
export async function forgetAllUsers(): Promise<void> {
  await getDb().$transaction([getDb().firstOwner.deleteMany({}), getDb().user.deleteMany({})]);
}
