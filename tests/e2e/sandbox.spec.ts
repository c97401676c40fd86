// The sandbox page as a marketer uses it: simulate a scan and see the push, Qudao's reply and the
// follower tagged after the reply (by the job worker the server starts); make the emulator drop
// the next push and see that too; clear the fault.
import { expect, test, type Page } from "./fixtures";
import { e2eSetupToken } from "./setup-token";

const credentials = { email: "marketer@example.com", password: "correct horse battery" };

async function signIn(page: Page): Promise<void> {
  // Alone, this spec sets up the first user; after first-run.spec.ts, that user signs in.
  const setup = await page.request.post("/api/auth/setup", { data: { ...credentials, setupToken: e2eSetupToken } });
  if (setup.status() !== 201)
    expect((await page.request.post("/api/auth/sign-in", { data: credentials })).status()).toBe(200);
}

test("the sandbox page shows pushes and replies, tags after the reply, and injects faults", async ({ page }) => {
  await signIn(page);
  const accounts = await (await page.request.get("/api/accounts")).json();
  const accountId = accounts.items.find((account: { isSandbox: boolean }) => account.isSandbox).id as string;
  const scene = `e2e-${Date.now()}`;
  const created = await page.request.post("/api/channels", {
    data: {
      accountId,
      name: "Sandbox page poster",
      autoTagName: "e2e",
      welcomeMessage: "欢迎",
      qr: { kind: "permanent", scene },
    },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/sandbox?account=${accountId}`);
  await page.getByTestId("sandbox-scene").fill(scene);
  await page.getByTestId("sandbox-simulate").click();
  const newest = page.getByTestId("sandbox-push").first();
  await expect(newest).toContainText(`qrscene_${scene}`);
  await expect(newest.getByTestId("sandbox-push-outcome")).toHaveText("HTTP 200");
  await newest.locator("summary").click();
  await expect(newest.locator("pre")).toContainText("欢迎");
  // Tagged after the reply, by the worker instrumentation.ts started, kicked by the push.
  await expect(page.getByTestId("background-job").first()).toHaveAttribute("data-status", "done");

  await page.getByTestId("fault-api").selectOption("push");
  await page.getByRole("radio").nth(1).click(); // drop the push
  await page.getByTestId("fault-add").click();
  await expect(page.getByTestId("fault")).toHaveCount(1);
  await page.getByTestId("sandbox-simulate").click();
  await expect(page.getByTestId("sandbox-push").first().getByTestId("sandbox-push-outcome")).not.toHaveText("HTTP 200");
  await expect(page.getByTestId("faults-empty")).toBeVisible(); // the one-push fault is used up
  await page.screenshot({ path: "test-results/screenshots/sandbox.png", fullPage: true });
});
