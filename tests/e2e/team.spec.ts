// People and roles as an agency runs them: the owner invites a client limited to one account, who
// joins through the link in their own browser and sees only that account, read-only; then the
// owner disables a colleague who is signed in elsewhere, and that browser is signed out at once.
import { expect, newBrowserContext, test, type Browser, type Page } from "./fixtures";
import { randomBytes } from "node:crypto";
import { createSandboxAccount, signIn } from "./channels-support";

const unique = () => randomBytes(4).toString("hex");

async function openPersonMenu(page: Page, email: string) {
  const row = page.locator(`[data-testid="person-row"][data-email="${email}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId("person-menu").locator("summary").click();
  return row;
}

async function freshPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await newBrowserContext(browser, { baseURL, viewport: { width: 1360, height: 880 } });
  return context.newPage();
}

test.describe.serial("people and roles", () => {
  let inviteeStorage: Awaited<ReturnType<ReturnType<Page["context"]>["storageState"]>> | undefined;
  let clientAccount: { id: string; name: string };

  test("an invited viewer limited to one account sees only that account", async ({ page, browser, baseURL }) => {
    await signIn(page);
    const name = `客户 Client ${unique()}`;
    clientAccount = { ...(await createSandboxAccount(page.request, baseURL!, name)), name };
    const otherAccounts = (await (await page.request.get("/api/accounts")).json()).items.filter(
      (account: { id: string }) => account.id !== clientAccount.id,
    );
    expect(otherAccounts.length).toBeGreaterThan(0);

    // The owner invites a viewer on the client's account only; the link is shown once.
    const email = `client-${unique()}@example.com`;
    await page.goto("/settings/people");
    await page.getByTestId("open-invite").click();
    const dialog = page.getByTestId("invite-dialog");
    await dialog.getByTestId("invite-email").fill(email);
    await dialog.getByTestId("access-only").check();
    await dialog.getByTestId("invite-submit").click();
    await expect(dialog.getByRole("alert")).toBeVisible(); // no account chosen yet
    await dialog.getByTestId(`access-account-${clientAccount.id}`).check();
    await expect(dialog.getByTestId(`access-account-role-${clientAccount.id}`)).toHaveValue("viewer");
    await dialog.getByTestId("invite-submit").click();
    const link = (await dialog.getByTestId("invite-link").textContent())!;
    expect(link).toMatch(/\/invite\/qdi_/);
    await dialog.getByTestId("invite-done").click();
    await expect(page.getByTestId("invite-row").filter({ hasText: email })).toBeVisible();

    // The invitee, in a browser of their own, chooses a password and lands on the dashboard.
    const invitee = await freshPage(browser, baseURL!);
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByText(email).first()).toBeVisible();
    await invitee.getByTestId("accept-name").fill("Client Viewer");
    await invitee.getByTestId("accept-password").fill("short");
    await invitee.getByTestId("accept-confirm").fill("short");
    await invitee.getByTestId("accept-submit").click();
    await expect(invitee.getByRole("alert").first()).toBeVisible();
    await invitee.getByTestId("accept-password").fill("client password 1");
    await invitee.getByTestId("accept-confirm").fill("client password 1");
    await invitee.getByTestId("accept-submit").click();
    await expect(invitee).toHaveURL(/\/$|\/\?/);

    // Only the client's account: in the switcher, in the API, and nowhere else.
    const switcher = invitee.locator("#account-switcher");
    await expect(switcher).toBeVisible();
    await expect(switcher.locator("option")).toHaveCount(1);
    await expect(switcher.locator("option")).toHaveText(name);
    const visible = (await (await invitee.request.get("/api/accounts")).json()).items;
    expect(visible.map((account: { id: string }) => account.id)).toEqual([clientAccount.id]);
    const other = await invitee.request.get(`/api/channels?accountId=${otherAccounts[0].id}`);
    expect(other.status()).toBe(404);
    const create = await invitee.request.post("/api/channels", { data: { accountId: clientAccount.id, name: "x" } });
    expect(create.status()).toBe(403);
    // Settings for admins are not offered; their own account page is.
    await expect(invitee.getByRole("link", { name: /People|成员/ })).toHaveCount(0);
    await invitee.goto("/settings/people");
    await expect(invitee).toHaveURL(/\/settings\/profile/);
    await expect(invitee.getByTestId("profile-facts")).toContainText(name);
    inviteeStorage = await invitee.context().storageState();
    await invitee.context().close();

    // The owner sees them among the people, with their one account.
    await page.reload();
    const row = page.locator(`[data-testid="person-row"][data-email="${email}"]`);
    await expect(row).toContainText(name);
    await expect(page.getByTestId("invite-row").filter({ hasText: email })).toHaveCount(0);
  });

  test("the invited viewer sees no edit controls on the channels page", async ({ browser, baseURL }) => {
    const context = await newBrowserContext(browser, { baseURL: baseURL!, storageState: inviteeStorage });
    const invitee = await context.newPage();
    await invitee.goto(`/channels?account=${clientAccount.id}`);
    await expect(invitee.locator("#account-switcher")).toBeVisible();
    await expect(invitee.getByTestId("channel-name")).toHaveCount(0, { timeout: 5_000 });
    await expect(invitee.getByTestId("open-import")).toHaveCount(0, { timeout: 1_000 });
    await context.close();
  });

  test("an API key is shown once, works at once, and stops when revoked", async ({ page, browser, baseURL }) => {
    await signIn(page);
    await page.goto("/settings/api-keys");
    await page.getByTestId("open-create-api-key").click();
    const dialog = page.getByTestId("api-key-dialog");
    await expect(dialog.getByTestId("api-key-role")).toHaveValue("viewer");
    await dialog.getByTestId("api-key-submit").click();
    await expect(dialog.getByRole("alert")).toBeVisible(); // a key needs a name
    const name = `BI export ${unique()}`;
    await dialog.getByTestId("api-key-name").fill(name);
    await dialog.getByTestId("api-key-submit").click();
    const key = (await dialog.getByTestId("api-key-value").textContent())!;
    expect(key).toMatch(/^qdk_/);
    await expect(dialog.getByTestId("api-key-curl")).toContainText(`Authorization: Bearer ${key}`);
    await dialog.getByTestId("api-key-done").click();

    const script = await newBrowserContext(browser, { baseURL: baseURL! });
    const headers = { authorization: `Bearer ${key}` };
    expect((await script.request.get("/api/accounts", { headers })).status()).toBe(200);
    const row = page.getByTestId("api-key-row").filter({ hasText: name });
    await page.reload();
    await expect(row).toContainText(key.slice(0, 8));
    await expect(row).not.toContainText(key);

    await row.getByTestId("api-key-revoke").click();
    await row.getByTestId("api-key-revoke-confirm").click();
    await expect(row).toContainText(/Revoked|已撤销/);
    expect((await script.request.get("/api/accounts", { headers })).status()).toBe(401);
    await script.close();

    // The audit log, filtered by kind of action from its filter bar (kept in the URL).
    await page.goto("/settings/audit");
    await page.getByTestId("audit-action").selectOption("apiKey.");
    await expect(page).toHaveURL(/action=apiKey\./);
    await expect(page.locator('[data-testid="audit-row"][data-action="apiKey.revoke"]').first()).toContainText(
      /Revoked an API key|撤销 API 密钥/,
    );
    await expect(page.locator('[data-testid="audit-row"]:not([data-action^="apiKey."])')).toHaveCount(0);
  });

  test("disabling someone signs them out everywhere at once", async ({ page, browser, baseURL }) => {
    await signIn(page);

    // The owner creates a colleague with a temporary password, through the dialog.
    const email = `colleague-${unique()}@example.com`;
    await page.goto("/settings/people");
    await page.getByTestId("open-create-person").click();
    const dialog = page.getByTestId("create-person-dialog");
    await dialog.getByTestId("create-email").fill(email);
    const password = "temporary pass 9";
    await dialog.getByTestId("temporary-password").fill(password);
    await dialog.getByTestId("access-role").selectOption("editor");
    await dialog.getByTestId("create-submit").click();
    await expect(dialog).toContainText(email);
    await dialog.getByRole("button", { name: /Done|完成/ }).click();
    const row = page.locator(`[data-testid="person-row"][data-email="${email}"]`);
    await expect(row.getByTestId("person-status")).toContainText(/Must change password|需修改密码/);

    // The colleague is signed in in another browser.
    const colleague = await freshPage(browser, baseURL!);
    expect((await colleague.request.post("/api/auth/sign-in", { data: { email, password } })).status()).toBe(200);
    await colleague.goto("/settings/profile");
    await expect(colleague.getByTestId("profile-facts")).toContainText(email);
    await expect(colleague.getByTestId("session-row")).toHaveCount(1);

    // The owner disables them.
    await openPersonMenu(page, email);
    await row.getByTestId("person-menu-disable").click();
    await expect(page.getByTestId("disable-dialog")).toContainText(/signed out|退出登录/);
    await page.getByTestId("disable-confirm").click();
    await expect(row.getByTestId("person-status")).toContainText(/Disabled|已停用/);

    // Their next request is refused, the page they have open goes to sign-in, and so does a navigation.
    expect((await colleague.request.get("/api/auth/me")).status()).toBe(401);
    await colleague.getByTestId("password-current").fill(password);
    await colleague.getByTestId("password-new").fill("another password 2");
    await colleague.getByTestId("password-confirm").fill("another password 2");
    await colleague.getByTestId("password-submit").click();
    await expect(colleague).toHaveURL(/\/sign-in/);
    await colleague.goto("/channels");
    await expect(colleague).toHaveURL(/\/sign-in/);
    expect((await colleague.request.post("/api/auth/sign-in", { data: { email, password } })).ok()).toBe(false);
    await colleague.context().close();

    // Both show in the audit log, in words, with the raw action as a tooltip.
    await page.goto("/settings/audit?action=user.");
    const disabled = page.locator('[data-testid="audit-row"][data-action="user.disable"]').first();
    await expect(disabled).toContainText(/Disabled a person|停用成员/);
    await expect(disabled).toContainText(email);
    await expect(page.getByTestId("audit-export")).toHaveAttribute("href", /\/api\/audit\/export\?action=user\./);
  });
});
