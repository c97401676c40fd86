// `npm test`: every check the project has, in order of cost. Stops at the first failing step
// and ends with one line "N passed, N failed" over all test runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const results = join(root, "test-results");
rmSync(join(results, "vitest.json"), { force: true });
rmSync(join(results, "playwright.json"), { force: true });
mkdirSync(results, { recursive: true });

const steps = [
  ["schemas in sync with prisma/models.prisma", process.execPath, ["scripts/prisma-generate.mjs", "--check"]],
  ["format (prettier --check; fix with npm run format)", bin("prettier"), ["--check", "--log-level", "warn", "."]],
  ["lint", bin("eslint"), ["."]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  [
    "unit and integration tests (SQLite and PostgreSQL)",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"],
  ],
  ["end-to-end tests in Chromium", bin("playwright"), ["test"]],
];

function counts() {
  let passed = 0;
  let failed = 0;
  const vitest = join(results, "vitest.json");
  if (existsSync(vitest)) {
    const report = JSON.parse(readFileSync(vitest, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  const playwright = join(results, "playwright.json");
  if (existsSync(playwright)) {
    const report = JSON.parse(readFileSync(playwright, "utf8"));
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
  }
  return { passed, failed };
}

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  console.log(`  ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    const { passed, failed } = counts();
    console.log(`\nqudao: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(result.status ?? 1);
  }
}
const { passed, failed } = counts();
console.log(`\nqudao: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
