// What the logger hides: a value whose key names a secret is replaced, at any depth (pino's own
// redact paths name fixed depths, so `{ request: { body: { appSecret } } }` went through).

export const redactedText = "[redacted]";

/** Key names (compared without case, "-" or "_") that hold secrets, and endings that do. */
const secretKeyNames = new Set(["authorization", "cookie", "setcookie", "apikey", "key", "encodingaeskey"]);
const secretKeyEndings = ["secret", "password", "token", "aeskey"];

export function isSecretKeyName(key: string): boolean {
  const name = key.toLowerCase().replace(/[-_]/g, "");
  return secretKeyNames.has(name) || secretKeyEndings.some((ending) => name.endsWith(ending));
}

const maxDepth = 12;

/**
 * A copy of `value` with every secret-named key's value replaced. Plain objects and arrays are
 * walked (cycles and very deep values stop the walk); anything else — errors, dates, buffers — is
 * kept as it is, for the logger's own serializers.
 */
export function redactSecrets<T>(value: T): T {
  return redactValue(value, 0, new WeakSet()) as T;
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= maxDepth) return "[too deep]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [
        key,
        isSecretKeyName(key) && entry !== null && entry !== undefined
          ? redactedText
          : redactValue(entry, depth + 1, seen),
      ]),
    );
  } finally {
    seen.delete(value);
  }
}
