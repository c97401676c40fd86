// What an account's health fields mean, decided in one place: the status badge, and the stored
// form of the last error (which source failed, in whose words). Pure: tests/unit/accounts.
import type { AccountStatus } from "@/lib/schemas/accounts";

export interface HealthFields {
  isBuiltInSandbox: boolean;
  disabledAt: Date | null;
  lastVerifiedAt: Date | null;
  lastPushAt: Date | null;
  lastErrorAt: Date | null;
}

/**
 * A real account is "connected" only once WeChat has reached it (a verification or a push); an
 * error newer than the last success turns it to "error" until WeChat gets through again.
 */
export function accountStatusOf(fields: HealthFields): AccountStatus {
  if (fields.disabledAt) return "disabled";
  if (fields.isBuiltInSandbox) return "sandbox";
  const lastSuccess = Math.max(fields.lastVerifiedAt?.getTime() ?? 0, fields.lastPushAt?.getTime() ?? 0);
  if (fields.lastErrorAt && fields.lastErrorAt.getTime() > lastSuccess) return "error";
  return lastSuccess > 0 ? "connected" : "waiting";
}

export type AccountErrorSource = "webhook" | "token";

export interface AccountError {
  source: AccountErrorSource;
  message: string;
}

const maxErrorLength = 500;

/** Account.lastError holds `{source, message}` as JSON, so the UI can say where it came from. */
export function encodeAccountError(error: AccountError): string {
  return JSON.stringify({ source: error.source, message: error.message.slice(0, maxErrorLength) });
}

export function decodeAccountError(stored: string | null): AccountError | null {
  if (!stored) return null;
  try {
    const parsed: unknown = JSON.parse(stored);
    if (parsed && typeof parsed === "object" && "source" in parsed && "message" in parsed) {
      const { source, message } = parsed as { source: unknown; message: unknown };
      if ((source === "webhook" || source === "token") && typeof message === "string") return { source, message };
    }
  } catch {
    // Written before this format: shown as a webhook error.
  }
  return { source: "webhook", message: stored };
}
