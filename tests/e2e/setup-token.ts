// The first-run token of the e2e server (playwright.config.ts passes it as QUDAO_SETUP_TOKEN), so
// specs can open the setup link that `npm start` would print.
export const e2eSetupToken = "e2e-first-run-setup-token-0123456789";
