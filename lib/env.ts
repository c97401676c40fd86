// Settings from the environment, parsed once. Everything configurable lives here, so a bad
// value stops the app at start with a clear message instead of failing later in a request.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Empty = the embedded SQLite file ./data/qudao.db; postgresql://… switches to PostgreSQL. */
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where this app is reachable; the built-in sandbox pushes its events to this address. */
  QUDAO_PUBLIC_URL: z.url().optional(),
  /** 32 bytes as 64 hex chars or base64; encrypts account secrets at rest. Generated into the data folder when unset. */
  QUDAO_SECRET_KEY: z.string().optional(),
  /**
   * Where the generated key file is (when QUDAO_SECRET_KEY is not set); secret.key in the data
   * folder by default. Keep it apart from the database: a backup holding both reveals every secret.
   */
  QUDAO_SECRET_KEY_FILE: z.string().min(1).optional(),
  QUDAO_DATA_DIR: z.string().default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Secure cookies need https; off by default so http://localhost works. */
  QUDAO_SECURE_COOKIES: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /** smtp://user:pass@host:587 or smtps://…: when set, invitations are mailed (else only copied). */
  QUDAO_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of Qudao's mail, e.g. "Qudao <qudao@example.com>". */
  QUDAO_MAIL_FROM: z.string().default("Qudao <no-reply@localhost>"),
  /** A browser session not used for this many hours ends (sign in again). */
  QUDAO_SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(72),
  /**
   * on (the default, for the quick start): the built-in WeChat emulator answers under /sandbox and
   * a sandbox account is created. off: its routes answer 404 and no sandbox account is created —
   * for a server on the public internet.
   */
  QUDAO_SANDBOX: z.enum(["on", "off"]).default("on"),
  /** 1 only for `npm run bench`: enables the bare route the webhook's throughput is compared with. */
  QUDAO_BENCH: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
});

export type AppEnv = z.infer<typeof envSchema> & { publicUrl: string };

let parsed: AppEnv | undefined;

export function getEnv(): AppEnv {
  if (parsed) return parsed;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = result.data;
  parsed = { ...env, publicUrl: (env.QUDAO_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/$/, "") };
  return parsed;
}

/** Tests change the environment between suites. */
export function resetEnvForTests(): void {
  parsed = undefined;
}
