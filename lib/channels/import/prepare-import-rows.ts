// Turns imported rows into channel inputs and says, row by row, what an import would do: create
// it, skip it (imported before), or refuse it and why. Nothing is written here.
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { addDays, isCalendarDay, startOfLocalDay } from "@/lib/time/zone";
import { countPermanentCodes } from "@/lib/channels/permanent-quota";
import {
  channelCreateSchema,
  defaultTemporaryExpirySeconds,
  maxPermanentScenes,
  maxTemporaryExpirySeconds,
  type ChannelCreateInput,
  type QrKind,
  type SceneType,
} from "@/lib/schemas/channels";
import type { ImportColumn, ImportFields, ImportRow, ImportRowResult } from "@/lib/schemas/channel-import";

export interface PreparedRow extends ImportRowResult {
  input: ChannelCreateInput | null;
}

export interface PrepareOptions {
  accountId: string;
  timezone: string;
  sceneType: SceneType;
  now?: Date;
}

const kindWords: Record<QrKind, string[]> = {
  permanent: ["permanent", "perm", "p", "永久", "永久码", "永久二维码"],
  temporary: ["temporary", "temp", "t", "临时", "临时码", "临时二维码"],
};
const tagSeparators = /[,，;；|、]/;
const dayDuration = /^(\d+(?:\.\d+)?)\s*(d|day|days|天)?$/i;
const hourDuration = /^(\d+(?:\.\d+)?)\s*(h|hour|hours|小时)$/i;
const integerScene = /^[1-9]\d{0,9}$/;

// Where a channel input's fields came from, to point an issue at the file's column.
const columnByInputField: Record<string, ImportColumn> = {
  name: "name",
  group: "group",
  tags: "tags",
  note: "note",
  welcomeMessage: "welcomeMessage",
  autoTagName: "tag",
  scene: "scene",
  sceneType: "scene",
  expiresInSeconds: "expiry",
  kind: "kind",
};

/** The same row (same values, same repetition within its file) always has the same key. */
export function importKeyOf(fields: ImportFields, occurrence: number): string {
  const values = [
    fields.name,
    fields.group,
    splitTags(fields.tags).sort().join(","),
    fields.kind.toLowerCase(),
    fields.scene,
    fields.expiry,
    fields.welcomeMessage,
    fields.tag,
    fields.note,
  ];
  return createHash("sha256")
    .update(JSON.stringify([values, occurrence]))
    .digest("hex")
    .slice(0, 32);
}

/** Keys for rows that bring none: identical rows are told apart by how often they appeared before. */
export function withKeys(rows: ImportRow[]): (ImportRow & { key: string })[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const fields = row.fields;
    const base = importKeyOf(fields, 0);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return { ...row, fields, key: row.key ?? (occurrence === 0 ? base : importKeyOf(fields, occurrence)) };
  });
}

function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(tagSeparators)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

function parseKind(text: string): QrKind | null {
  const word = text.trim().toLowerCase();
  if (!word) return "permanent";
  return (Object.keys(kindWords) as QrKind[]).find((kind) => kindWords[kind].includes(word)) ?? null;
}

/** Days ("7", "7d", "7天"), hours ("12h") or a date ("2025-06-30": to the end of that day in the account's zone). */
function parseExpiry(text: string, timezone: string, now: Date): number | string {
  const value = text.trim().replace(/\//g, "-");
  const days = dayDuration.exec(value);
  if (days) return Math.round(Number(days[1]) * 86_400);
  const hours = hourDuration.exec(value);
  if (hours) return Math.round(Number(hours[1]) * 3_600);
  const day = value.slice(0, 10);
  const instant =
    value.length === 10 && isCalendarDay(day) ? startOfLocalDay(addDays(day, 1), timezone) : new Date(value);
  if (Number.isNaN(instant.getTime())) return "Write the number of days (1–30) or a date (YYYY-MM-DD)";
  return Math.round((instant.getTime() - now.getTime()) / 1000);
}

function prepareFields(
  fields: ImportFields,
  options: PrepareOptions,
): Pick<PreparedRow, "input" | "issues" | "summary"> {
  const issues: PreparedRow["issues"] = [];
  const kind = parseKind(fields.kind);
  if (!kind) issues.push({ column: "kind", message: "Write permanent or temporary (永久 / 临时)" });
  const sceneText = fields.scene.trim();
  const scene = sceneText === "" ? undefined : integerScene.test(sceneText) ? Number(sceneText) : sceneText;
  let expiresInSeconds: number | undefined;
  if (kind === "permanent" && fields.expiry.trim())
    issues.push({ column: "expiry", message: "Permanent codes do not expire: leave the expiry empty" });
  if (kind === "temporary") {
    const parsed = fields.expiry.trim()
      ? parseExpiry(fields.expiry, options.timezone, options.now ?? new Date())
      : defaultTemporaryExpirySeconds;
    if (typeof parsed === "string") issues.push({ column: "expiry", message: parsed });
    else if (parsed > maxTemporaryExpirySeconds)
      issues.push({ column: "expiry", message: "At most 30 days: WeChat's limit for temporary codes" });
    else if (parsed < 60)
      issues.push({ column: "expiry", message: "The expiry is in the past or less than a minute away" });
    else expiresInSeconds = parsed;
  }
  const candidate = {
    accountId: options.accountId,
    name: fields.name,
    ...(fields.group.trim() ? { group: fields.group } : {}),
    ...(fields.tags.trim() ? { tags: splitTags(fields.tags) } : {}),
    ...(fields.note.trim() ? { note: fields.note } : {}),
    ...(fields.welcomeMessage.trim() ? { welcomeMessage: fields.welcomeMessage } : {}),
    ...(fields.tag.trim() ? { autoTagName: fields.tag } : {}),
    qr: {
      kind: kind ?? "permanent",
      ...(scene === undefined ? { sceneType: options.sceneType } : { scene }),
      ...(expiresInSeconds ? { expiresInSeconds } : {}),
    },
  };
  const parsed = channelCreateSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] === "qr" ? issue.path[1] : issue.path[0]);
      const column = columnByInputField[field] ?? null;
      // The expiry was checked above with a message in the file's terms.
      if (column === "expiry" && issues.some((existing) => existing.column === "expiry")) continue;
      issues.push({ column, message: column === "name" && !fields.name.trim() ? "A name is required" : issue.message });
    }
  }
  if (issues.length > 0 || !kind) return { input: null, issues, summary: null };
  return {
    input: candidate,
    issues,
    summary: {
      name: fields.name.trim(),
      kind,
      scene: scene === undefined ? null : String(scene),
      expiresInSeconds: expiresInSeconds ?? null,
    },
  };
}

/**
 * Every row's fate, checked against the file itself (repeated scenes) and the database (rows
 * imported before, scenes other channels own, the permanent quota).
 */
export async function prepareImportRows(rows: ImportRow[], options: PrepareOptions): Promise<PreparedRow[]> {
  const prepared: PreparedRow[] = withKeys(rows).map((row) => {
    const result = prepareFields(row.fields, options);
    return {
      row: row.row,
      key: row.key,
      fields: row.fields,
      status: result.input ? "ready" : "invalid",
      channel: null,
      attempts: 0,
      ...result,
    };
  });
  const db = getDb();
  const scenes = prepared.flatMap((row) => (row.summary?.scene ? [row.summary.scene] : []));
  const [imported, owners, permanentUsed] = await Promise.all([
    db.channel.findMany({
      where: { accountId: options.accountId, importKey: { in: prepared.map((row) => row.key) } },
      select: { id: true, name: true, scene: true, importKey: true },
    }),
    scenes.length
      ? db.channel.findMany({
          where: { accountId: options.accountId, scene: { in: scenes } },
          select: { name: true, scene: true },
        })
      : [],
    countPermanentCodes(options.accountId),
  ]);
  const importedByKey = new Map(imported.map((channel) => [channel.importKey, channel]));
  const ownerByScene = new Map(owners.map((channel) => [channel.scene, channel]));
  const firstRowByScene = new Map<string, number>();
  let permanentLeft = maxPermanentScenes - permanentUsed;

  for (const row of prepared) {
    const existing = importedByKey.get(row.key);
    if (existing) {
      Object.assign(row, {
        status: "exists",
        channel: { id: existing.id, name: existing.name, scene: existing.scene },
      });
      continue;
    }
    if (row.status !== "ready" || !row.summary) continue;
    const scene = row.summary.scene;
    const refuse = (column: ImportColumn, message: string) =>
      Object.assign(row, { status: "invalid", input: null, issues: [...row.issues, { column, message }] });
    const owner = scene === null ? undefined : ownerByScene.get(scene);
    if (scene !== null && owner) refuse("scene", `Scene ${scene} is already used by the channel “${owner.name}”`);
    else if (scene !== null && firstRowByScene.has(scene))
      refuse("scene", `Scene ${scene} is also in row ${firstRowByScene.get(scene)}`);
    else if (row.summary.kind === "permanent" && permanentLeft <= 0)
      refuse(
        "kind",
        `The account has no permanent codes left (WeChat allows ${maxPermanentScenes.toLocaleString("en")})`,
      );
    if (row.status !== "ready") continue;
    if (scene !== null) firstRowByScene.set(scene, row.row);
    if (row.summary.kind === "permanent") permanentLeft--;
  }
  return prepared;
}
