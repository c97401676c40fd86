// Writes one Prisma schema per database from prisma/models.prisma and generates both clients.
// Offline-safe: `prisma generate` needs no schema engine, but the CLI insists on locating one,
// so we point it at a stub (see docs/database.md).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdirSync, chmodSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const providers = ["sqlite", "postgresql"];

export function schemaFor(provider) {
  const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
  const header = `// GENERATED from prisma/models.prisma by scripts/prisma-generate.mjs — do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../lib/db/generated/${provider}"
  moduleFormat = "esm"
}

datasource db {
  provider = "${provider}"
}
`;
  return `${header}\n${models}`;
}

function stubSchemaEngine() {
  const stub = join(root, "node_modules/.cache/qudao/schema-engine-stub");
  if (!existsSync(stub)) {
    mkdirSync(dirname(stub), { recursive: true });
    writeFileSync(stub, "#!/bin/sh\necho 'schema engine not available offline; use npm run db:migrate' >&2\nexit 1\n");
    chmodSync(stub, 0o755);
  }
  return stub;
}

function main() {
  const checkOnly = process.argv.includes("--check");
  for (const provider of providers) {
    const schemaPath = join(root, `prisma/${provider}/schema.prisma`);
    const wanted = schemaFor(provider);
    const current = existsSync(schemaPath) ? readFileSync(schemaPath, "utf8") : "";
    if (current !== wanted) {
      if (checkOnly) {
        console.error(`${schemaPath} is out of date: run node scripts/prisma-generate.mjs`);
        process.exit(1);
      }
      mkdirSync(dirname(schemaPath), { recursive: true });
      writeFileSync(schemaPath, wanted);
    }
  }
  if (checkOnly) return;
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stubSchemaEngine(),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
  for (const provider of providers) {
    execFileSync(
      process.execPath,
      [join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", `prisma/${provider}/schema.prisma`],
      { cwd: root, env, stdio: "inherit" },
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
