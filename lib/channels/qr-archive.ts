// A ZIP of many codes, streamed: each image is rendered only when the download reaches it, so
// memory stays flat for a thousand codes and the first bytes leave at once.
import { isAccountInScope } from "@/lib/auth/account-scope";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { findAccountRow } from "@/lib/accounts/account-records";
import { designFor, renderQrImage } from "@/lib/channels/render-qr";
import { safeFileBaseName, uniqueFileNames } from "@/lib/channels/file-names";
import { maxArchiveChannels, qrArchiveSelectionSchema, type QrArchiveSelection } from "@/lib/schemas/channels";

export interface ArchiveEntry {
  name: string;
  input: Buffer | string;
  lastModified: Date;
}

export interface QrArchive {
  fileName: string;
  asciiFileName: string;
  count: number;
  /** Rendered size of the first code times the count: enough for a progress bar (codes of one design are about the same size). */
  estimatedBytes: number;
  entries: AsyncIterable<ArchiveEntry>;
}

type ArchiveChannel = { id: string; name: string; scene: string; url: string | null; qrDesign: string | null };
const channelFields = { id: true, name: true, scene: true, url: true, qrDesign: true } as const;
// Two codes render at once: PNG encoding runs off the main thread, so both cores work.
const renderAhead = 2;
// Per file: local header, data descriptor and central directory entry, without the name.
const zipOverheadPerFile = 30 + 16 + 46;

async function selectChannels(
  selection: QrArchiveSelection,
): Promise<{ channels: ArchiveChannel[]; label: string | null }> {
  const db = getDb();
  if (selection.ids) {
    const ids = [...new Set(selection.ids)];
    const found = await db.channel.findMany({
      where: { id: { in: ids } },
      select: { ...channelFields, accountId: true },
    });
    // Channels of accounts outside the caller's are reported exactly as missing ones.
    const rows = found.filter((row) => isAccountInScope(row.accountId));
    if (rows.length < ids.length)
      throw new AppError("not_found", `${ids.length - rows.length} of the channels were not found`);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { channels: ids.map((id) => byId.get(id)!), label: null };
  }
  const accountId = selection.accountId!;
  await findAccountRow(accountId);
  const where: Prisma.ChannelWhereInput = {
    accountId,
    ...(selection.group ? { group: selection.group } : {}),
    ...(selection.includeArchived ? {} : { archivedAt: null }),
  };
  const count = await db.channel.count({ where });
  if (count > maxArchiveChannels)
    throw new AppError(
      "validation_failed",
      `${count} codes match: a ZIP holds at most ${maxArchiveChannels}, pick a group`,
    );
  const rows = await db.channel.findMany({ where, select: channelFields });
  rows.sort((a, b) => a.name.localeCompare(b.name, "zh-Hans-CN", { numeric: true }));
  return { channels: rows, label: selection.group ?? null };
}

export async function buildQrArchive(rawSelection: unknown): Promise<QrArchive> {
  const selection = qrArchiveSelectionSchema.parse(rawSelection);
  const { channels: selected, label } = await selectChannels(selection);
  const channels = selected.filter((channel): channel is ArchiveChannel & { url: string } => channel.url !== null);
  if (channels.length === 0) throw new AppError("validation_failed", "No codes to put in the ZIP");
  const { format } = selection;
  const names = uniqueFileNames(
    channels.map((channel) => ({ name: channel.name, fallback: `qudao-${channel.scene}` })),
    format,
  );
  const render = (index: number): Promise<ArchiveEntry> => {
    const channel = channels[index]!;
    const design = designFor(channel.qrDesign, { size: selection.size });
    return renderQrImage(channel.url, design, format, channel.name).then((input) => ({
      name: names[index]!,
      input,
      lastModified: new Date(),
    }));
  };

  const first = await render(0);
  const bytesOf = (entry: ArchiveEntry) =>
    typeof entry.input === "string" ? Buffer.byteLength(entry.input) : entry.input.length;
  const averageNameBytes = names.reduce((sum, name) => sum + Buffer.byteLength(name) * 2, 0) / names.length;
  const date = new Date().toISOString().slice(0, 10);
  const baseName = label ? `${safeFileBaseName(label, "qudao-codes")}-${date}` : `qudao-codes-${date}`;
  return {
    fileName: `${baseName}.zip`,
    asciiFileName: `qudao-codes-${date}.zip`,
    count: channels.length,
    estimatedBytes: Math.round(channels.length * (bytesOf(first) + zipOverheadPerFile + averageNameBytes) + 22),
    entries: renderInOrder(channels.length, first, render),
  };
}

async function* renderInOrder(
  count: number,
  first: ArchiveEntry,
  render: (index: number) => Promise<ArchiveEntry>,
): AsyncGenerator<ArchiveEntry> {
  const pending: Promise<ArchiveEntry>[] = [];
  let next = 1;
  const startNext = () => {
    const promise = render(next++);
    // Awaited in order below; this only keeps a failure from being reported as unhandled meanwhile.
    promise.catch(() => undefined);
    pending.push(promise);
  };
  while (pending.length < renderAhead && next < count) startNext();
  yield first;
  while (pending.length > 0) {
    const entry = await pending.shift()!;
    if (next < count) startNext();
    yield entry;
  }
}
