// Bulk import on a real database: a preview that judges every row before anything exists, a run
// that creates the good rows and lists the failures, retries when WeChat is busy, and a second
// run of the same file that creates nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { callRoute } from "@/tests/support/call-route";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createApiKey } from "@/lib/auth/api-keys";
import { createChannel } from "@/lib/channels/create-channel";
import { addSandboxFault } from "@/lib/sandbox/faults";
import { POST as postImport } from "@/app/api/channels/import/route";
import { GET as getTemplate } from "@/app/api/channels/import/template/route";
import type { ImportReport } from "@/lib/schemas/channel-import";

let app: TestApp;
let key: string;
beforeAll(async () => {
  app = await startTestApp();
  key = (await createApiKey({ name: "importer", role: "editor" })).key;
});
afterAll(async () => {
  await app.close();
});

function upload(accountId: string, file: Blob, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("accountId", accountId);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("file", file, fileName);
  return callRoute(postImport, "/api/channels/import", { key, body: form });
}

async function preview(accountId: string, csv: string, fields: Record<string, string> = {}): Promise<ImportReport> {
  const response = await upload(accountId, new Blob([csv], { type: "text/csv" }), "channels.csv", {
    dryRun: "1",
    ...fields,
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** Sends the preview's ready rows in chunks, as the import page does. */
async function runInChunks(accountId: string, report: ImportReport, chunkSize = 25): Promise<ImportReport["rows"]> {
  const rows = report.rows
    .filter((row) => row.status === "ready")
    .map(({ row, fields, key: rowKey }) => ({ row, fields, key: rowKey }));
  const results: ImportReport["rows"] = [];
  for (let start = 0; start < rows.length; start += chunkSize) {
    const response = await callRoute(postImport, "/api/channels/import", {
      key,
      body: { accountId, rows: rows.slice(start, start + chunkSize) },
    });
    expect(response.status).toBe(200);
    results.push(...((await response.json()) as ImportReport).rows);
  }
  return results;
}

const header = "name,group,tags,kind,scene,expiry,welcome message,tag";

describe("importing a CSV", () => {
  it("previews every row, creates the good ones, and creates nothing twice when run again", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    await createChannel({ accountId: account.id, name: "Existing", qr: { kind: "permanent", scene: "taken" } });
    const good = Array.from({ length: 56 }, (_, index) =>
      index % 2 === 0
        ? `Store ${index},Stores,"poster, north",permanent,,,欢迎光临 ${index},store`
        : `KOL ${index},KOL,kol,临时,kol-${index},7天,,`,
    );
    const bad = [
      ",Stores,,permanent,,,,", // no name
      "Bad kind,Stores,,forever,,,,",
      "Too long,KOL,,temporary,,45,,",
      "Taken,Stores,,permanent,taken,,,",
      "Twice,Stores,,permanent,kol-1,,,", // kol-1 is row 3's scene
      "Expiry on permanent,Stores,,permanent,,7,,",
    ];
    const csv = `\uFEFF${[header, ...good.slice(0, 2), ...bad, ...good.slice(2)].join("\r\n")}\r\n`;

    const report = await preview(account.id, csv);
    expect(report.dryRun).toBe(true);
    expect(report.counts).toMatchObject({ ready: 56, invalid: 6, exists: 0 });
    expect(await app.db.channel.count({ where: { accountId: account.id } })).toBe(1);
    const invalid = report.rows
      .filter((row) => row.status === "invalid")
      .map((row) => [row.row, row.issues.map((issue) => issue.column)]);
    expect(invalid).toEqual([
      [4, ["name"]],
      [5, ["kind"]],
      [6, ["expiry"]],
      [7, ["scene"]],
      [8, ["scene"]],
      [9, ["expiry"]],
    ]);
    expect(report.rows.find((row) => row.row === 7)!.issues[0]!.message).toBe(
      "Scene taken is already used by the channel “Existing”",
    );
    expect(report.rows.find((row) => row.row === 8)!.issues[0]!.message).toBe("Scene kol-1 is also in row 3");
    expect(report.rows[1]).toMatchObject({
      row: 3,
      status: "ready",
      summary: { name: "KOL 1", kind: "temporary", scene: "kol-1", expiresInSeconds: 7 * 86_400 },
    });

    const results = await runInChunks(account.id, report);
    expect(results.filter((row) => row.status === "created")).toHaveLength(56);
    const stores = await app.db.channel.findMany({
      where: { accountId: account.id, group: "Stores" },
      include: { tags: true },
      orderBy: { name: "asc" },
    });
    expect(stores).toHaveLength(28);
    expect(stores[0]).toMatchObject({
      name: "Store 0",
      qrKind: "permanent",
      sceneType: "int",
      welcomeMessage: "欢迎光临 0",
      autoTagName: "store",
    });
    expect(stores[0]!.tags.map((tag) => tag.tag).sort()).toEqual(["north", "poster"]);
    const kol = await app.db.channel.findFirstOrThrow({ where: { accountId: account.id, scene: "kol-1" } });
    expect(kol.qrKind).toBe("temporary");
    expect(kol.expiresAt!.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 120_000);

    const again = await preview(account.id, csv);
    expect(again.counts).toMatchObject({ ready: 0, exists: 56, invalid: 6 });
    const rerun = await upload(account.id, new Blob([csv]), "channels.csv");
    expect(((await rerun.json()) as ImportReport).counts).toMatchObject({ created: 0, skipped: 56, invalid: 6 });
    expect(await app.db.channel.count({ where: { accountId: account.id } })).toBe(57);
  }, 120_000);

  it("keeps identical rows apart, reads GB18030 (Excel in China), Chinese headers and string slugs", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const csv = "名称,分组,类型,有效期\r\n北京店,门店,临时,3\r\n北京店,门店,临时,3\r\nShanghai Store,门店,永久,\r\n";
    const gb18030 = encodeGb18030(csv);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gb18030)).toThrow();
    const response = await upload(account.id, new Blob([new Uint8Array(gb18030)]), "门店.csv", { sceneType: "str" });
    const report: ImportReport = await response.json();
    expect(report.counts).toMatchObject({ created: 3 });
    const channels = await app.db.channel.findMany({ where: { accountId: account.id }, orderBy: { scene: "asc" } });
    expect(channels.map((channel) => [channel.name, channel.scene, channel.group])).toEqual([
      ["北京店", "channel-1", "门店"],
      ["北京店", "channel-2", "门店"],
      ["Shanghai Store", "shanghai-store", "门店"],
    ]);
    const rerun: ImportReport = await (
      await upload(account.id, new Blob([new Uint8Array(gb18030)]), "门店.csv", { sceneType: "str" })
    ).json();
    expect(rerun.counts).toMatchObject({ created: 0, skipped: 3 });
  });

  it("retries when WeChat is busy and lists what failed, stopping at a used-up quota", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    // The API client already retries "busy" twice; three in a row make the import's own retry needed.
    await addSandboxFault({ accountId: account.id, api: "qrcode/create", errcode: -1, count: 3 });
    const busy: ImportReport = await (
      await upload(account.id, new Blob([`${header}\nFirst,,,,,,,\nSecond,,,,,,,\n`]), "a.csv")
    ).json();
    expect(busy.rows.map((row) => [row.status, row.attempts])).toEqual([
      ["created", 2],
      ["created", 1],
    ]);

    await addSandboxFault({ accountId: account.id, api: "qrcode/create", errcode: 45009, count: 10 });
    const quota: ImportReport = await (
      await upload(account.id, new Blob([`${header}\nThird,,,,,,,\nFourth,,,,,,,\n`]), "b.csv")
    ).json();
    expect(quota.rows.map((row) => row.status)).toEqual(["failed", "failed"]);
    expect(quota.rows[0]!.issues[0]!.message).toBe(
      "The account's daily API quota is used up; it resets at midnight (Beijing time)",
    );
    expect(quota.rows[1]!.issues[0]!.message).toBe(
      "Not attempted: The account's daily API quota is used up; it resets at midnight (Beijing time)",
    );
    expect(await app.db.channel.count({ where: { accountId: account.id } })).toBe(2);
  }, 60_000);

  it("refuses a file without a name column, and a JSON chunk that is too long", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const response = await upload(account.id, new Blob(["group,kind\nA,permanent\n"]), "x.csv", { dryRun: "1" });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toContain("no “name” column");
    const rows = Array.from({ length: 101 }, (_, index) => ({ row: index + 2, fields: { name: `R${index}` } }));
    expect(
      (await callRoute(postImport, "/api/channels/import", { key, body: { accountId: account.id, rows } })).status,
    ).toBe(422);
  });
});

describe("the template", () => {
  it("downloads as XLSX and imports as it is", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    for (const locale of ["en", "zh"]) {
      const template = await callRoute(getTemplate, `/api/channels/import/template?format=xlsx&locale=${locale}`, {
        key,
      });
      expect(template.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      const report: ImportReport = await (
        await upload(account.id, await template.blob(), "template.xlsx", { dryRun: "1" })
      ).json();
      expect(report.rows.map((row) => [row.status, row.summary?.kind])).toEqual([
        ["ready", "permanent"],
        ["ready", "temporary"],
      ]);
      expect(report.ignoredHeaders).toEqual([]);
    }
  });

  it("downloads as CSV with a BOM, and the English headers parse back", async () => {
    const template = await callRoute(getTemplate, "/api/channels/import/template?format=csv", { key });
    const bytes = Buffer.from(await template.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Papa.parse<string[]>(bytes.subarray(3).toString("utf8")).data[0]).toEqual([
      "name",
      "group",
      "tags",
      "kind",
      "scene",
      "expiry",
      "welcome message",
      "tag",
      "note",
    ]);
  });
});

/** GB18030 bytes of `text`: Node decodes it but has no encoder, so the few characters used are mapped here. */
function encodeGb18030(text: string): Buffer {
  const table: Record<string, number[]> = {
    名: [0xc3, 0xfb],
    称: [0xb3, 0xc6],
    分: [0xb7, 0xd6],
    组: [0xd7, 0xe9],
    类: [0xc0, 0xe0],
    型: [0xd0, 0xcd],
    有: [0xd3, 0xd0],
    效: [0xd0, 0xa7],
    期: [0xc6, 0xda],
    北: [0xb1, 0xb1],
    京: [0xbe, 0xa9],
    店: [0xb5, 0xea],
    门: [0xc3, 0xc5],
    临: [0xc1, 0xd9],
    时: [0xca, 0xb1],
    永: [0xd3, 0xc0],
    久: [0xbe, 0xc3],
  };
  const bytes = [...text].flatMap((character) => table[character] ?? [character.charCodeAt(0)]);
  const encoded = Buffer.from(bytes);
  if (new TextDecoder("gb18030").decode(encoded) !== text) throw new Error("the GB18030 table in this test is wrong");
  return encoded;
}
