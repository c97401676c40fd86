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
  /** Secure cookies need https: on by default when QUDAO_PUBLIC_URL is https, off otherwise (http://localhost). */
  QUDAO_SECURE_COOKIES: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
  /**
   * How many reverse proxies in front of Qudao append to X-Forwarded-For. 0 (the default): the
   * header is not trusted at all, since any caller can send one (lib/auth/authenticate.ts).
   */
  QUDAO_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** A first-run setup token chosen in advance (automation, tests); else `npm start` prints one. */
  QUDAO_SETUP_TOKEN: z.string().min(16).optional(),
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

export type AppEnv = z.infer<typeof envSchema> & {
  publicUrl: string;
  /** Whether session cookies carry `Secure` (QUDAO_SECURE_COOKIES, else whether publicUrl is https). */
  secureCookies: boolean;
  /** Whether QUDAO_PUBLIC_URL is https: HSTS is sent and cookies are Secure by default. */
  isHttps: boolean;
};

let parsed: AppEnv | undefined;

export function getEnv(): AppEnv {
  if (parsed) return parsed;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = result.data;
  const publicUrl = (env.QUDAO_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/$/, "");
  const isHttps = publicUrl.startsWith("https:");
  parsed = { ...env, publicUrl, isHttps, secureCookies: env.QUDAO_SECURE_COOKIES ?? isHttps };
  return parsed;
}

/** Tests change the environment between suites. */
export function resetEnvForTests(): void {
  parsed = undefined;
}
