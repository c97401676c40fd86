// One structured logger for the server. Secrets never go in here: log ids, not credentials.
import pino from "pino";
import { getEnv } from "@/lib/env";

export const log = pino({
  level: getEnv().LOG_LEVEL,
  redact: {
    paths: ["*.appSecret", "*.token", "*.encodingAESKey", "*.password", "*.authorization"],
    censor: "[redacted]",
  },
});
