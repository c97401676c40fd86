// Benchmark: how soon a marketer sees numbers. In Chromium (the machine's, as the e2e tests use),
// a fresh browser context per visit (no cache), signed in as a viewer, on a kept bench database
// (`npm run bench -- --only analytics --keep` leaves one): the time from navigation to the first
// figures on the overview (KPIs), a channel's page (its KPIs) and the channel list (its rows), the
// JavaScript transferred (compressed), and whether the first HTML already carries the figures. Baseline in the same run: the sign-in page's form, a page
// with no data to wait for. Targets (issue 15): numbers visible < 500 ms; overview JS ≤ 300 KB.
// `npx tsx scripts/bench/first-view.ts --reuse /tmp/qudao-bench-sqlite-…[,/tmp/qudao-bench-postgresql-…] [--build]`
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { chromium, type Browser, type BrowserContextOptions } from "playwright-core";
import { buildBenchServer, startBenchServer, stopBenchServer } from "@/scripts/bench/bench-server";
import { recordBenchmarkSection } from "@/scripts/bench/channels-bench-support";

const { values: flags } = parseArgs({
  options: {
    reuse: { type: "string" },
    port: { type: "string", default: "3960" },
    runs: { type: "string", default: "7" },
    build: { type: "boolean", default: false },
    "no-report": { type: "boolean", default: false },
  },
});

const numbersTargetMs = 500;
const overviewJsTargetBytes = 300 * 1024;
const root = process.cwd();

interface Visit {
  numbersMs: number;
  scriptBytes: number;
  htmlHasNumbers: boolean;
}

interface PageCase {
  label: string;
  path: string;
  /** The figures: an element whose text holds a digit (the baseline: just the element). */
  testId: string;
  isBaseline?: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function createViewer(env: Record<string, string>): { email: string; password: string } {
  const email = `first-view-${randomBytes(4).toString("hex")}@bench.local`;
  const password = randomBytes(12).toString("hex");
  execFileSync(
    join(root, "node_modules", ".bin", "tsx"),
    ["scripts/cli.ts", "user", "create", "--email", email, "--password-stdin", "--role", "viewer"],
    { env: { ...process.env, ...env }, input: `${password}\n`, stdio: ["pipe", "ignore", "inherit"] },
  );
  return { email, password };
}

async function signedInState(browser: Browser, baseUrl: string, viewer: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByTestId("signin-email").fill(viewer.email);
  await page.getByTestId("signin-password").fill(viewer.password);
  await page.getByTestId("signin-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const state = await context.storageState();
  await context.close();
  return state;
}

async function visit(browser: Browser, options: BrowserContextOptions, pageCase: PageCase): Promise<Visit> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    const response = await page.goto(pageCase.path, { waitUntil: "commit" });
    const html = (await response?.text()) ?? "";
    await page.waitForFunction(
      ({ testId, isBaseline }) => {
        const element = document.querySelector(`[data-testid="${testId}"]`);
        return isBaseline ? element !== null : /\d/.test(element?.textContent ?? "");
      },
      { testId: pageCase.testId, isBaseline: pageCase.isBaseline ?? false },
      { polling: "raf", timeout: 30_000 },
    );
    const numbersMs = await page.evaluate(() => performance.now());
    await page.waitForLoadState("load");
    const scriptBytes = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((entry) => entry.initiatorType === "script" || /\.js(\?|$)/.test(entry.name))
        .reduce((sum, entry) => sum + entry.transferSize, 0),
    );
    const figure = new RegExp(`data-testid="${pageCase.testId}"[^>]*>[^<]*\\d`);
    return { numbersMs, scriptBytes, htmlHasNumbers: figure.test(html) };
  } finally {
    await context.close();
  }
}

async function benchDatabase(browser: Browser, dir: string, port: number) {
  const prepared = JSON.parse(readFileSync(join(dir, "prepared.json"), "utf8")) as {
    accountId: string;
    databaseUrl: string;
    seed: { events: number };
  };
  const env = { DATABASE_URL: prepared.databaseUrl, QUDAO_DATA_DIR: dir, QUDAO_PUBLIC_URL: `http://127.0.0.1:${port}` };
  const viewer = createViewer(env);
  const server = await startBenchServer(env, port);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const state = await signedInState(browser, baseUrl, viewer);
    const signedIn: BrowserContextOptions = { baseURL: baseUrl, storageState: state };
    const top = await (
      await browser.newContext(signedIn)
    ).request.get(`/api/channels?accountId=${prepared.accountId}&sort=scans&limit=1`);
    const channelId = ((await top.json()) as { items: { id: string }[] }).items[0]!.id;
    const account = `account=${prepared.accountId}`;
    const cases: [PageCase, BrowserContextOptions][] = [
      [
        { label: "sign-in form (baseline)", path: "/sign-in", testId: "signin-submit", isBaseline: true },
        { baseURL: baseUrl },
      ],
      [{ label: "overview, last 30 days", path: `/?${account}`, testId: "kpi-scans" }, signedIn],
      [
        { label: "channel page, last 30 days", path: `/channels/${channelId}?${account}`, testId: "kpi-scans" },
        signedIn,
      ],
      [{ label: "channel list, last 30 days", path: `/channels?${account}`, testId: "channel-list-row" }, signedIn],
    ];
    const rows = [];
    for (const [pageCase, options] of cases) {
      await visit(browser, options, pageCase); // warm-up: compiled routes, the database's caches
      const visits: Visit[] = [];
      for (let run = 0; run < Number(flags.runs); run++) visits.push(await visit(browser, options, pageCase));
      const row = {
        label: pageCase.label,
        numbersMs: median(visits.map((entry) => entry.numbersMs)),
        worstMs: Math.max(...visits.map((entry) => entry.numbersMs)),
        scriptBytes: median(visits.map((entry) => entry.scriptBytes)),
        htmlHasNumbers: visits.every((entry) => entry.htmlHasNumbers),
      };
      console.log(
        `${row.label}: numbers at ${row.numbersMs.toFixed(0)} ms (worst ${row.worstMs.toFixed(0)}), JS ${(row.scriptBytes / 1024).toFixed(0)} KB, in first HTML: ${row.htmlHasNumbers}`,
      );
      rows.push(row);
    }
    return {
      database: prepared.databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL",
      events: prepared.seed.events,
      rows,
    };
  } finally {
    await stopBenchServer(server);
  }
}

async function main(): Promise<void> {
  if (!flags.reuse) throw new Error("--reuse: the kept bench database directories to visit (npm run bench -- --keep)");
  buildBenchServer({ force: flags.build });
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  try {
    for (const dir of String(flags.reuse).split(",")) {
      const result = await benchDatabase(browser, dir, Number(flags.port));
      if (flags["no-report"]) continue;
      const baseline = result.rows[0]!.numbersMs;
      const table = result.rows.map((row, index) => {
        const isBaseline = index === 0;
        const jsTarget = row.label.startsWith("overview")
          ? ` · ${row.scriptBytes <= overviewJsTargetBytes ? "≤ 300 KB met" : "≤ 300 KB **not met**"}`
          : "";
        return `| ${row.label} | ${row.numbersMs.toFixed(0)} ms (worst ${row.worstMs.toFixed(0)}) | ${(row.numbersMs / baseline).toFixed(2)}× | ${(row.scriptBytes / 1024).toFixed(0)} KB | ${isBaseline ? "—" : row.htmlHasNumbers ? "yes" : "no"} | ${isBaseline ? "—" : row.numbersMs < numbersTargetMs ? "< 500 ms met" : "< 500 ms **not met**"}${jsTarget} |`;
      });
      recordBenchmarkSection(
        `## First view (${result.database})`,
        [
          `\`npx tsx scripts/bench/first-view.ts --reuse ${dir}\` (${new Date().toISOString().slice(0, 10)}; ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}; ${result.events.toLocaleString("en")} events, the kept database of the analytics bench). Chromium, a fresh context per visit (no cache), signed in as a viewer on localhost; median of ${flags.runs} visits after a warm-up.`,
          "",
          "| Page | Numbers visible after navigation | ÷ sign-in form | JS transferred (compressed) | Numbers in the first HTML | Target |",
          "| --- | ---: | ---: | ---: | :-: | --- |",
          ...table,
        ].join("\n"),
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
