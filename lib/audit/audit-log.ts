// The audit log: who did what to which object, with before → after for changed fields. Secret
// values are never written (only that they changed). Written in the request's own scope, so the
// actor and IP come from the route wrapper; code without a request (the CLI) is "system".
import { currentActor, currentRequestIp, markAudited } from "@/lib/auth/account-scope";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";

export interface AuditEntry {
  /** object.verb, e.g. channel.update, user.disable, auth.sign_in_failed */
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  accountId?: string | null;
  /** Changed fields as [before, after], or a short detail object. */
  detail?: Record<string, unknown> | null;
  /** For sign-in attempts, where there is no actor yet. */
  actorOverride?: { kind: "user" | "anonymous"; id: string | null; label: string };
  ip?: string | null;
}

/** Fields whose values never enter the log, only the fact that they changed. */
const secretFields = new Set(["appSecret", "token", "encodingAESKey", "password", "passwordHash", "key", "keyHash"]);

/** { field: [before, after] } for the fields that differ, secrets reduced to "changed". */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of Object.keys(after)) {
    if (after[field] === undefined) continue;
    const previous = normalise(before[field]);
    const next = normalise(after[field]);
    if (JSON.stringify(previous) === JSON.stringify(next)) continue;
    changes[field] = secretFields.has(field) ? ["(secret)", "(changed)"] : [previous, next];
  }
  return changes;
}

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

export async function recordAudit(entry: AuditEntry): Promise<void> {
  const actor = currentActor();
  const who = entry.actorOverride ?? (actor ? { kind: actor.kind, id: actor.id, label: actor.label } : null);
  markAudited();
  try {
    await getDb().auditLog.create({
      data: {
        actorKind: who?.kind ?? "system",
        actorId: who?.id ?? null,
        actor: who?.label ?? "system",
        action: entry.action,
        objectType: entry.objectType ?? null,
        target: entry.objectId ?? null,
        accountId: entry.accountId ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
        ip: entry.ip ?? currentRequestIp(),
      },
    });
  } catch (error) {
    // The change itself has happened; a lost audit row is logged loudly rather than undoing it.
    log.error({ err: error, action: entry.action }, "could not write the audit log");
  }
}
