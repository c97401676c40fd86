// An admin connects an official account in the browser, against the sandbox emulator standing in
// for WeChat: a wrong AppSecret and the IP-whitelist refusal (injected as the emulator's fault)
// explained, the four values to paste, WeChat's verification and the first push arriving live;
// then the account is disabled (and says what that means) and deleted after typing its name.
import { expect, test } from "./fixtures";
import { signIn } from "./channels-support";

test("connect wizard: refusals explained, verification and first push arrive, disable and delete", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings/accounts");
  await expect(page.getByTestId("account-card").filter({ hasText: "Sandbox" }).first()).toBeVisible();

  await page.getByTestId("connect-account").click();
  const wizard = page.getByTestId("connect-wizard");
  await wizard.getByRole("radio", { name: "Sandbox emulator (rehearsal)" }).click();
  await wizard.getByTestId("sandbox-app").click();
  const appIdField = wizard.getByTestId("wizard-app-id");
  await expect(appIdField).toHaveValue(/^wxsandbox[0-9a-f]{9}$/);
  const appId = await appIdField.inputValue();
  const secretField = wizard.getByTestId("wizard-app-secret");
  const appSecret = await secretField.inputValue();

  // A wrong AppSecret: the emulator answers 40125 as WeChat does.
  await secretField.fill("0".repeat(32));
  await wizard.getByTestId("wizard-test").click();
  const problem = wizard.getByTestId("credential-problem");
  await expect(problem).toHaveAttribute("data-problem", "bad_app_secret");
  await expect(problem).toContainText("The AppSecret is wrong (40125)");

  // The right secret, but WeChat refuses this server's IP (an injected 40164).
  await secretField.fill(appSecret);
  const fault = await page.request.post("/api/sandbox/faults", {
    data: { appId, api: "stable_token", errcode: 40164 },
  });
  expect(fault.status()).toBe(201);
  await wizard.getByTestId("wizard-test").click();
  await expect(problem).toHaveAttribute("data-problem", "ip_not_whitelisted");
  await expect(problem).toContainText("this server's IP address 127.0.0.1 is not on the account's IP whitelist");

  // Whitelisted now (the fault is used up): on to the server settings.
  await wizard.getByTestId("wizard-test").click();
  await wizard.getByTestId("wizard-name").fill("Flagship store");
  await wizard.getByTestId("wizard-timezone").selectOption("Europe/Berlin");
  await wizard.getByTestId("wizard-create").click();

  await expect(wizard.getByTestId("paste-url")).toHaveText(/\/api\/wechat\/[a-z0-9]+$/);
  await expect(wizard.getByTestId("paste-token")).toHaveText(/^[A-Za-z0-9]{32}$/);
  await expect(wizard.getByTestId("paste-aes-key")).toHaveText(/^[A-Za-z0-9]{43}$/);
  await expect(wizard.getByTestId("paste-mode")).toHaveText("安全模式 (safe)");
  await expect(wizard.getByText("Waiting for WeChat's verification")).toBeVisible();
  const card = page.getByTestId("account-card").filter({ hasText: "Flagship store" });
  await expect(card.getByTestId("account-status")).toHaveAttribute("data-status", "waiting");

  await wizard.getByRole("button", { name: "Send a test verification" }).click();
  await expect(wizard.getByTestId("verified-at")).toHaveText(/^Verified \d\d:\d\d:\d\d/);
  await wizard.getByRole("button", { name: "Send a test scan" }).click();
  await expect(wizard.getByTestId("first-push-at")).toHaveText(/^First push received \d\d:\d\d:\d\d/);
  await page.screenshot({ path: "test-results/screenshots/accounts-wizard.png", fullPage: true });
  await wizard.getByRole("button", { name: "Done" }).click();

  await expect(card.getByTestId("account-status")).toHaveAttribute("data-status", "connected");
  await expect(card.getByTestId("last-verified")).not.toHaveText("Never");
  await expect(card.getByTestId("last-push")).not.toHaveText("Never");

  await card.getByRole("button", { name: "Disable" }).click();
  await expect(card.getByTestId("account-status")).toHaveAttribute("data-status", "disabled");
  await expect(card.getByTestId("disabled-note")).toContainText("so WeChat does not retry");

  await card.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog");
  const confirm = dialog.getByRole("button", { name: "Delete for good" });
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId("delete-confirm-name").fill("Flagship store");
  await confirm.click();
  await expect(card).toHaveCount(0);
});
