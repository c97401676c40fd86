// The raw events' CSV lines written here (SQLite, which has no time zones to write them itself):
// a line per row as the driver returns it, with the cells csvLines would write. What repeats —
// the event type, the channel's id and name, the scene — is written once and looked up; the time
// is arithmetic (lib/reports/zoned-time.ts); an openid is checked and goes as it is.
import { csvTextCell } from "@/lib/reports/csv";
import { parseUtcTimestamp, zonedInstantFormatter } from "@/lib/reports/zoned-time";

/** A row as the driver returns it, not copied: occurredAt as the database's UTC text, type, channelId, scene, openid. */
export type ExportedEvent = [occurredAt: string, type: string, channelId: string | null, scene: string, openid: string];

/** Distinct texts kept written; past this many, a cell is written each time (a scene per row would not repeat). */
const maxRememberedCells = 10_000;

export function createEventLineWriter(
  timeZone: string,
  channelNames: Map<string, string>,
): (rows: ExportedEvent[]) => Uint8Array {
  const formatTime = zonedInstantFormatter(timeZone);
  const encoder = new TextEncoder();
  const written = new Map<string, string>();
  const remembered = (text: string) => {
    let cell = written.get(text);
    if (cell === undefined) {
      cell = csvTextCell(text);
      if (written.size < maxRememberedCells) written.set(text, cell);
    }
    return cell;
  };
  // The channel's id and name, the two cells between the type and the scene.
  const channelCells = new Map<string, string>();
  const channelOf = (channelId: string) => {
    let cells = channelCells.get(channelId);
    if (cells === undefined) {
      const name = channelNames.get(channelId);
      cells = `${csvTextCell(channelId)},${name === undefined ? "" : csvTextCell(name)}`;
      channelCells.set(channelId, cells);
    }
    return cells;
  };
  // Rows come in time order, many to a minute: within one UTC minute (offsets are whole minutes
  // and change on one), only the seconds differ, so the local "YYYY-MM-DDTHH:MM:" is reused.
  let utcMinute = "\0";
  let localMinute = "";
  let offset = "";
  const timeOf = (occurredAt: string) => {
    if (occurredAt.startsWith(utcMinute)) return `${localMinute}${occurredAt.slice(17, 19)}${offset}`;
    const time = formatTime(parseUtcTimestamp(occurredAt));
    utcMinute = occurredAt.slice(0, 17);
    localMinute = time.slice(0, 17);
    offset = time.slice(19);
    return time;
  };
  return (rows) => {
    let text = "";
    for (const [occurredAt, type, channelId, scene, openid] of rows) {
      const channel = channelId === null ? "," : channelOf(channelId);
      text += `${timeOf(occurredAt)},${remembered(type)},${channel},${remembered(scene)},${csvTextCell(openid)}\r\n`;
    }
    return encoder.encode(text);
  };
}
