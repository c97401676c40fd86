// One structured logger for the server. Secrets never go in here: log ids, not credentials. As a
// net under that rule, every value whose key names a secret is redacted, at any depth
// (lib/log-redaction.ts).
import pino from "pino";
import { getEnv } from "@/lib/env";
import { redactSecrets } from "@/lib/log-redaction";

export const log = pino({
  level: getEnv().LOG_LEVEL,
  formatters: { log: (object) => redactSecrets(object) },
});
