import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { e2eSetupToken } from "./tests/e2e/setup-token";

const port = Number(process.env.E2E_PORT ?? 3217);
const baseURL = `http://127.0.0.1:${port}`;
// Playwright cannot download its browser here: use the machine's Chromium (Debian's package).
const executablePath =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    // Requests a spec makes with page.request carry the session cookie: like the pages' own, they
    // must say they come from Qudao's origin (cross-site changes are refused, docs/security.md).
    extraHTTPHeaders: { origin: baseURL },
    browserName: "chromium",
    viewport: { width: 1360, height: 880 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  // First-run owns the fresh install (setup page, the built-in sandbox account's first numbers);
  // every other spec runs after it and signs in as the user it created.
  projects: [
    { name: "first-run", testMatch: /first-run\.spec\.ts/ },
    { name: "dashboard", testIgnore: /first-run\.spec\.ts/, dependencies: ["first-run"] },
  ],
  webServer: {
    // A fresh embedded database for every run, started exactly as the README's `npm start`.
    command: "rm -rf data/e2e && node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: "file:./data/e2e/qudao.db",
      QUDAO_DATA_DIR: "./data/e2e",
      LOG_LEVEL: "warn",
      QUDAO_SETUP_TOKEN: e2eSetupToken,
    },
  },
});
