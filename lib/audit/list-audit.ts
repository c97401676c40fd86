// Reading the audit log for the Audit page and its CSV: newest first, filtered, paged by id.
import { getDb, type Prisma } from "@/lib/db/client";
import type { AuditQuery, AuditRow } from "@/lib/schemas/team";

function whereOf(query: Omit<AuditQuery, "limit" | "before">): Prisma.AuditLogWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  // Days are UTC here: the log spans every account, so no one account's zone applies.
  if (query.from) createdAt.gte = new Date(`${query.from}T00:00:00Z`);
  if (query.to) createdAt.lt = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000);
  return {
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.objectType ? { objectType: query.objectType } : {}),
    ...(query.objectId ? { target: query.objectId } : {}),
    ...(query.accountId ? { accountId: query.accountId } : {}),
    ...(query.from || query.to ? { createdAt } : {}),
  };
}

function toRow(row: Prisma.AuditLogGetPayload<object>): AuditRow {
  let detail: unknown = null;
  try {
    detail = row.detail ? JSON.parse(row.detail) : null;
  } catch {
    detail = row.detail;
  }
  return {
    id: row.id,
    actorKind: row.actorKind,
    actorId: row.actorId,
    actor: row.actor,
    action: row.action,
    objectType: row.objectType,
    objectId: row.target,
    accountId: row.accountId,
    detail,
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listAudit(query: AuditQuery): Promise<{ items: AuditRow[]; nextBefore: number | null }> {
  const rows = await getDb().auditLog.findMany({
    where: { ...whereOf(query), ...(query.before ? { id: { lt: query.before } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map(toRow);
  return { items, nextBefore: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

/** Every matching row, newest first, in pages: for the CSV. */
export async function* allAuditRows(query: AuditQuery): AsyncGenerator<AuditRow> {
  let before: number | undefined;
  for (;;) {
    const page = await listAudit({ ...query, before, limit: 500 });
    yield* page.items;
    if (page.nextBefore === null) return;
    before = page.nextBefore;
  }
}
