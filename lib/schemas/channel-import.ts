// Bulk import of channels from CSV or XLSX: the columns, the rows as read from the file, and
// the per-row report of a preview (dry run) or a run.
import { z } from "zod";
import { sceneTypes } from "@/lib/schemas/channels";

export const importColumns = [
  "name",
  "group",
  "tags",
  "kind",
  "scene",
  "expiry",
  "welcomeMessage",
  "tag",
  "note",
] as const;
export type ImportColumn = (typeof importColumns)[number];

/**
 * Header names accepted for each column (compared without case, spaces, "_" or "-"). The
 * template uses the first English and the first Chinese one.
 */
export const importHeaderAliases: Record<ImportColumn, string[]> = {
  name: ["name", "channel", "channel name", "名称", "渠道名称", "渠道"],
  group: ["group", "campaign", "分组", "活动"],
  tags: ["tags", "labels", "标签"],
  kind: ["kind", "type", "code kind", "类型", "二维码类型"],
  scene: ["scene", "scene value", "场景值", "场景"],
  expiry: ["expiry", "expires", "expiry days", "有效期", "有效天数"],
  welcomeMessage: ["welcome message", "welcome", "欢迎语"],
  tag: ["tag", "auto tag", "follower tag", "自动标签", "粉丝标签"],
  note: ["note", "notes", "备注"],
};

export const maxImportRows = 5000;
export const maxImportFileBytes = 5 * 1024 * 1024;
/** An XLSX is a ZIP: what it may hold once unzipped, checked before anything is inflated. */
export const maxXlsxUnzippedBytes = 50 * 1024 * 1024;
export const maxXlsxEntries = 1000;
/** Rows per create request: the browser sends a file's rows in chunks of this size and shows progress between them. */
export const maxImportRowsPerRequest = 100;

const cellSchema = z.string().max(5000).default("");

export const importFieldsSchema = z.object(
  Object.fromEntries(importColumns.map((column) => [column, cellSchema])) as Record<ImportColumn, typeof cellSchema>,
);
export type ImportFields = z.infer<typeof importFieldsSchema>;

export const importRowInputSchema = z.object({
  /** The row's number in the file (the header is row 1). */
  row: z.number().int().min(1),
  fields: importFieldsSchema,
  /** The key a preview gave this row; computed again when left out. */
  key: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});
export type ImportRowInput = z.input<typeof importRowInputSchema>;
export type ImportRow = z.infer<typeof importRowInputSchema>;

export const importOptionsShape = {
  accountId: z.string().min(1),
  /** Scenes for rows that give none: the next free integers, or readable slugs of the names. */
  sceneType: z.enum(sceneTypes).default("int"),
  /** Validate and report only: nothing is created. */
  dryRun: z.boolean().default(false),
};

export const importRequestSchema = z.object({
  ...importOptionsShape,
  rows: z
    .array(importRowInputSchema)
    .min(1)
    .max(maxImportRowsPerRequest, `Send at most ${maxImportRowsPerRequest} rows per request`),
});
export type ImportRequest = z.input<typeof importRequestSchema>;

/** The form fields that come with an uploaded file. */
export const importUploadOptionsSchema = z.object({
  ...importOptionsShape,
  dryRun: z.preprocess((value) => value === "1" || value === "true", z.boolean()),
});

export const importRowStatuses = ["ready", "exists", "invalid", "created", "skipped", "failed"] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];

export const importRowResultSchema = z.object({
  row: z.number().int(),
  key: z.string(),
  /**
   * Preview: ready (will be created), exists (imported before: will be skipped), invalid.
   * Run: created, skipped (imported before), invalid, failed (WeChat or the database refused).
   */
  status: z.enum(importRowStatuses),
  fields: importFieldsSchema,
  issues: z.array(z.object({ column: z.enum(importColumns).nullable(), message: z.string() })),
  /** What will be (or was) created. */
  summary: z
    .object({
      name: z.string(),
      kind: z.enum(["permanent", "temporary"]),
      scene: z.string().nullable(),
      expiresInSeconds: z.number().nullable(),
    })
    .nullable(),
  channel: z.object({ id: z.string(), name: z.string(), scene: z.string() }).nullable(),
  attempts: z.number().int().default(0),
});
export type ImportRowResult = z.infer<typeof importRowResultSchema>;

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.array(importRowResultSchema),
  counts: z.record(z.enum(importRowStatuses), z.number().int()),
  /** Headers of the file that match no column (ignored). Empty for JSON requests. */
  ignoredHeaders: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importTemplateQuerySchema = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  locale: z.enum(["en", "zh"]).default("en"),
});
