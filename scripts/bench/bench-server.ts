// The production server a benchmark talks to: built once into .next-bench (not the dev build's
// .next), started with `next start` on a database of the bench's choosing, stopped afterwards.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
export const benchDistDir = ".next-bench";

export function buildBenchServer({ force = false }: { force?: boolean } = {}): void {
  if (!force && existsSync(join(root, benchDistDir, "BUILD_ID"))) return;
  console.log(`Building the app into ${benchDistDir} …`);
  execFileSync(join(root, "node_modules", ".bin", "next"), ["build"], {
    env: { ...process.env, QUDAO_DIST_DIR: benchDistDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
}

export async function startBenchServer(
  env: Record<string, string>,
  port: number,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  // Another server on the port would answer the health check below and be benched instead.
  const isTaken = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
  if (isTaken) throw new Error(`Port ${port} is taken: pass another with --port`);
  const server = spawn(
    process.execPath,
    [
      ...nodeArgs,
      join(root, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      env: {
        ...process.env,
        ...env,
        NODE_ENV: "production",
        QUDAO_DIST_DIR: benchDistDir,
        QUDAO_BENCH: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        PORT: String(port),
      },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill();
  throw new Error("The bench server did not start");
}

export async function stopBenchServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}
