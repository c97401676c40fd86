// Qudao's command line: `npm run cli -- <command>`. Commands print what they did; a created
// API key is the last line printed, so scripts can take it with `tail -n 1`.
import { parseArgs } from "node:util";
import { migrateDatabase } from "@/lib/db/migrate";
import { getDatabaseConfig, getDb } from "@/lib/db/client";
import { byDatabase } from "@/lib/db/dialect";
import { createUser, hasAnyUser } from "@/lib/auth/users";
import { issueSetupToken } from "@/lib/auth/setup-token";
import { listApiKeys, revokeApiKey } from "@/lib/team/api-key-admin";
import { listPeople } from "@/lib/team/people";
import { createApiKey } from "@/lib/auth/api-keys";
import { roles, type Role } from "@/lib/auth/roles";
import { ensureBuiltInSandboxAccount } from "@/lib/sandbox/built-in-account";
import { isSandboxEnabled } from "@/lib/sandbox/sandbox-mode";
import { rotateSecretKey } from "@/lib/accounts/rotate-key";
import { credentialsSchema } from "@/lib/schemas/auth";
import { seedHistory } from "@/scripts/seed/seed-history";
import { ZodError, prettifyError } from "zod";

const usage = `Usage: npm run cli -- <command>
  migrate                                      apply pending database migrations
  bootstrap                                    migrate, make sure the sandbox account exists, and print a one-time
                                               setup link while there is no user (npm start runs this)
  user create --email E [--password P | --password-stdin] [--role owner|admin|editor|viewer]
                                               the first user is the owner; later ones default to viewer
  user list                                    everyone, with role, accounts and status
  apikey create --name NAME [--role …] [--accounts ID,ID] [--expires YYYY-MM-DD]
                                               a viewer key for every account unless told otherwise
  apikey list                                  the keys (never the keys themselves)
  apikey revoke --id ID                        the key stops working at once
  seed --events N --channels C --days D [--account ID] [--seed S]
                                               bulk-load realistic history (the sandbox account by default)
  secrets rotate-key                           re-seal every stored secret under a new key and replace the key file
                                               (stop the server first; restart it after)`;

function parseRole(value: string | undefined, fallback: Role): Role {
  if (value === undefined) return fallback;
  if (!(roles as readonly string[]).includes(value)) throw new Error(`--role must be one of ${roles.join(", ")}`);
  return value as Role;
}

function parsePositiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer`);
  return number;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function migrate(): Promise<void> {
  const config = getDatabaseConfig();
  const { applied } = await migrateDatabase(config);
  const where = byDatabase(config, {
    sqlite: ({ filePath }) => filePath,
    postgresql: ({ schema }) => `PostgreSQL${schema ? ` (schema ${schema})` : ""}`,
  });
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`
      : `${where} is up to date`,
  );
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      events: { type: "string" },
      channels: { type: "string" },
      days: { type: "string" },
      account: { type: "string" },
      seed: { type: "string" },
      "password-stdin": { type: "boolean" },
      accounts: { type: "string" },
      expires: { type: "string" },
      id: { type: "string" },
    },
  });
  const command = positionals.join(" ");
  switch (command) {
    case "migrate":
      return migrate();
    case "bootstrap": {
      await migrate();
      if (!isSandboxEnabled()) {
        console.log("The sandbox is off (QUDAO_SANDBOX=off): no sandbox account, no emulator routes");
        return;
      }
      const sandbox = await ensureBuiltInSandboxAccount();
      console.log(
        sandbox.isNew ? `Created the sandbox account ${sandbox.id}` : `Sandbox account ${sandbox.id} is ready`,
      );
      if (!(await hasAnyUser())) {
        // Only someone who can read this output may create the first owner (docs/security.md).
        const setup = await issueSetupToken();
        console.log(
          `\nNo user yet. Open this one-time link to create the owner (valid for 1 hour, until the next start):`,
        );
        console.log(`  ${setup.url}\n`);
      }
      return;
    }
    case "user create": {
      // --password-stdin keeps the password out of the shell's history and the process list.
      const password = values["password-stdin"] ? (await readStdin()).replace(/\r?\n$/, "") : values.password;
      const credentials = credentialsSchema.parse({ email: values.email, password });
      const role = parseRole(values.role, (await hasAnyUser()) ? "viewer" : "owner");
      const user = await createUser({ ...credentials, role });
      console.log(`Created ${user.role} ${user.email}`);
      return;
    }
    case "user list": {
      for (const person of await listPeople()) {
        const access = person.allAccounts
          ? "all accounts"
          : person.grants.map((grant) => `${grant.accountId}:${grant.role}`).join(", ");
        console.log(`${person.id}  ${person.email}  ${person.role}  ${access}${person.disabled ? "  (disabled)" : ""}`);
      }
      return;
    }
    case "apikey list": {
      for (const apiKey of await listApiKeys()) {
        const accounts = apiKey.allAccounts ? "all accounts" : apiKey.accountIds.join(",");
        const status = apiKey.revokedAt ? "revoked" : apiKey.expiresAt ? `expires ${apiKey.expiresAt}` : "active";
        console.log(
          `${apiKey.id}  ${apiKey.prefix}…  ${apiKey.name}  ${apiKey.role}  ${accounts}  ${status}  last used ${apiKey.lastUsedAt ?? "never"}`,
        );
      }
      return;
    }
    case "apikey revoke": {
      if (!values.id) throw new Error("--id is required (see apikey list)");
      await revokeApiKey(values.id);
      console.log(`Revoked API key ${values.id}`);
      return;
    }
    case "apikey create": {
      if (!values.name) throw new Error("--name is required");
      const expiresAt = values.expires ? new Date(`${values.expires}T23:59:59Z`) : null;
      if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new Error("--expires must be a date, YYYY-MM-DD");
      const { id, key } = await createApiKey({
        name: values.name,
        role: parseRole(values.role, "viewer"),
        accountIds: values.accounts ? values.accounts.split(",").filter(Boolean) : null,
        expiresAt,
      });
      console.log(
        `Created API key ${id} (${values.name}). Send it as "Authorization: Bearer <key>"; it is shown only once:`,
      );
      console.log(key);
      return;
    }
    case "seed": {
      const count = (name: "events" | "channels" | "days", fallback: number) =>
        parsePositiveInteger(name, values[name], fallback);
      const result = await seedHistory({
        events: count("events", 100_000),
        channels: count("channels", 50),
        days: count("days", 90),
        accountId: values.account,
        seed: values.seed === undefined ? undefined : parsePositiveInteger("seed", values.seed, 1),
        onProgress: (done, total) =>
          process.stdout.write(`\r${done.toLocaleString("en")} / ${total.toLocaleString("en")} events`),
      });
      console.log(
        `\rSeeded ${result.events.toLocaleString("en")} events, ${result.followers.toLocaleString("en")} followers, ${result.channelIds.length} channels (${result.firstDay} … ${result.lastDay}, ${result.timezone}) into account ${result.accountId} in ${result.seconds.toFixed(1)} s`,
      );
      return;
    }
    case "secrets rotate-key": {
      const rotation = await rotateSecretKey();
      console.log(
        `Re-sealed the secrets of ${rotation.accounts} accounts and ${rotation.accessTokens} access tokens; the new key is in ${rotation.keyFile}. Restart the server.`,
      );
      return;
    }
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

run(process.argv.slice(2))
  .catch((error: unknown) => {
    console.error(error instanceof ZodError ? prettifyError(error) : error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => getDb().$disconnect());
