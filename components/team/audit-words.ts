"use client";
// The audit log in words: an action's name in the reader's language (the raw action stays as a
// tooltip), the object it touched, and its changes as "field: before → after".
import { useTranslations } from "next-intl";
import { isRole } from "@/lib/auth/roles";
import type { AuditRow } from "@/lib/schemas/team";

/** Action prefixes the filter offers, in the order shown: specific actions, then the generic request rows. */
export const auditActionPrefixes = [
  "auth.",
  "user.",
  "invite.",
  "session.",
  "apiKey.",
  "account.",
  "channel.",
  "post /api/",
  "patch /api/",
  "delete /api/",
] as const;

export const auditObjectTypes = ["user", "invite", "session", "apiKey", "account", "channel", "channels"] as const;

const prefixKey = (prefix: string) => prefix.replace(/[^a-zA-Z]+/g, "_").replace(/_$/, "");

export interface AuditChange {
  field: string;
  /** Present for a change (before → after); absent for a plain fact. */
  before?: unknown;
  after: unknown;
  isChange: boolean;
}

/** The row's detail as changes: [before, after] pairs, or plain facts (field: value). */
export function changesOf(detail: unknown): AuditChange[] {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return [];
  const entries = Object.entries(detail as Record<string, unknown>);
  // changedFields() writes every field as [before, after]; other details are plain facts.
  const isChangeSet = entries.every(([, value]) => Array.isArray(value) && value.length === 2);
  return entries.map(([field, value]) =>
    isChangeSet && Array.isArray(value)
      ? { field, before: value[0], after: value[1], isChange: true }
      : { field, after: value, isChange: false },
  );
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function useAuditWords(
  names: Map<string, string> = new Map(),
  formatInstant: (iso: string) => string = (iso) => iso,
) {
  const t = useTranslations("team.audit");
  const tRoles = useTranslations("team.roles");
  const roleOf = (value: string) => (isRole(value) ? tRoles(value) : value);
  /** A value in words: yes/no, role names, times, account names for ids and "account:role" grants. */
  const valueOf = (value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(valueOf).join(", ");
    if (typeof value === "object") {
      const grant = value as { accountId?: unknown; role?: unknown };
      if (typeof grant.accountId === "string" && typeof grant.role === "string")
        return `${names.get(grant.accountId) ?? grant.accountId} · ${roleOf(grant.role)}`;
      return JSON.stringify(value);
    }
    const text = String(value);
    if (isRole(text)) return roleOf(text);
    if (isoInstant.test(text)) return formatInstant(text);
    const [id, role] = text.split(":");
    if (id && role && names.has(id)) return `${names.get(id)} · ${roleOf(role)}`;
    return names.get(text) ?? text;
  };
  return {
    value: valueOf,
    prefixLabel: (prefix: string) => t(`prefixes.${prefixKey(prefix)}`),
    objectTypeLabel: (type: string) => (t.has(`objectTypes.${type}`) ? t(`objectTypes.${type}`) : type),
    /** "Signed in", "Changed someone's role"…; a request without its own words: verb and resource. */
    action: (action: string): string => {
      if (t.has(`actions.${action}`)) return t(`actions.${action}`);
      const generic = /^(post|patch|put|delete) \/api\/([^/]+)/.exec(action);
      if (generic) return t(`generic.${generic[1]}`, { resource: generic[2] ?? "" });
      return action;
    },
    field: (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field),
  };
}

/** The object a row touched, named as well as we can from the row itself. */
export function objectNameOf(row: AuditRow, names: Map<string, string>): string | null {
  if (!row.objectId) return null;
  const detail = row.detail && typeof row.detail === "object" ? (row.detail as Record<string, unknown>) : {};
  const fromDetail =
    typeof detail.email === "string" ? detail.email : typeof detail.name === "string" ? detail.name : null;
  return names.get(row.objectId) ?? fromDetail ?? row.objectId;
}
