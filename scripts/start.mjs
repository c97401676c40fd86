// `npm start`: migrate the database, make sure the sandbox account exists, build if the
// sources changed since the last build, then serve. `npm run dev` does the same with next dev.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const isDev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const distDir = process.env.QUDAO_DIST_DIR ?? ".next";
const env = { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => join(root, "node_modules", ".bin", name);

function runOrExit(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestChange(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

function needsBuild() {
  const buildId = join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = [
    "app",
    "components",
    "lib",
    "public",
    "instrumentation.ts",
    "instrumentation-client.ts",
    "proxy.ts",
    "next.config.js",
    "package-lock.json",
    "tsconfig.json",
    "tsconfig.build.json",
  ];
  return newestChange(sources) > statSync(buildId).mtimeMs;
}

runOrExit(bin("tsx"), ["scripts/cli.ts", "bootstrap"]);
if (!isDev && needsBuild()) {
  console.log("Building Qudao (first start, or the sources changed)…");
  runOrExit(bin("next"), ["build"], { NODE_ENV: "production" });
}
const server = spawn(bin("next"), [isDev ? "dev" : "start", "-p", port], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
