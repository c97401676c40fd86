// The QR studio and downloads on a real database: a saved design is what every download renders,
// logos force level H, SVG and PNG both scan, and a ZIP holds one scannable file per channel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import jsQR from "jsqr";
import QRCode from "qrcode";
import { unzipSync } from "fflate";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { callRoute } from "@/tests/support/call-route";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createApiKey } from "@/lib/auth/api-keys";
import { createChannel } from "@/lib/channels/create-channel";
import { archiveChannel } from "@/lib/channels/update-channel";
import type { Channel } from "@/lib/schemas/channels";
import { GET as getQr } from "@/app/api/channels/[id]/qr/route";
import { GET as getDesign, PUT as putDesign } from "@/app/api/channels/[id]/qr-design/route";
import { GET as getArchive, POST as postArchive } from "@/app/api/channels/qr-archive/route";

let app: TestApp;
let key: string;
beforeAll(async () => {
  app = await startTestApp();
  key = (await createApiKey({ name: "qr-editor", role: "editor" })).key;
});
afterAll(async () => {
  await app.close();
});

function decodePng(bytes: Uint8Array) {
  const png = PNG.sync.read(Buffer.from(bytes));
  const result = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return {
    text: result?.data ?? null,
    version: result?.version ?? null,
    width: png.width,
    height: png.height,
    pixel: (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)],
  };
}

async function logoDataUrl(): Promise<string> {
  const canvas = createCanvas(120, 80);
  const context = canvas.getContext("2d");
  context.fillStyle = "#07c160";
  context.fillRect(0, 0, 120, 80);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, 120, 10);
  return `data:image/png;base64,${(await canvas.encode("png")).toString("base64")}`;
}

const image = (id: string, query: string) =>
  callRoute(getQr, `/api/channels/${id}/qr?${query}`, { key, params: { id } });
const saveDesign = (id: string, body: unknown) =>
  callRoute(putDesign, `/api/channels/${id}/qr-design`, { key, method: "PUT", body, params: { id } });

describe("the saved design", () => {
  it("is the default until saved, then every download renders it", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const channel = await createChannel({ accountId: account.id, name: "海报 — Store 12" });
    const initial = await (
      await callRoute(getDesign, `/api/channels/${channel.id}/qr-design`, { key, params: { id: channel.id } })
    ).json();
    expect(initial).toMatchObject({
      isSaved: false,
      design: {
        size: 1024,
        margin: 2,
        errorCorrectionLevel: "M",
        foreground: "#000000",
        background: "#ffffff",
        logo: null,
        caption: false,
      },
    });

    const saved = await saveDesign(channel.id, {
      design: {
        size: 600,
        margin: 4,
        errorCorrectionLevel: "Q",
        foreground: "#1A237E",
        background: "#fffde7",
        caption: true,
      },
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).design.foreground).toBe("#1a237e");

    const png = decodePng(new Uint8Array(await (await image(channel.id, "format=png")).arrayBuffer()));
    expect(png.text).toBe(channel.qr.url);
    expect(png.width).toBe(600);
    expect(png.height).toBeGreaterThan(600); // the caption's band
    expect(png.pixel(1, 1)).toEqual([0xff, 0xfd, 0xe7]);
    expect(png.version).toBe(QRCode.create(channel.qr.url!, { errorCorrectionLevel: "Q" }).version);

    const thumbnail = decodePng(
      new Uint8Array(await (await image(channel.id, "format=png&size=128&caption=0")).arrayBuffer()),
    );
    expect([thumbnail.width, thumbnail.height, thumbnail.text]).toEqual([128, 128, channel.qr.url]);
  });

  it("forces level H under a logo, and the code still scans", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const channel = await createChannel({ accountId: account.id, name: "Logo" });
    const logo = { dataUrl: await logoDataUrl(), scale: 0.25 };
    expect((await saveDesign(channel.id, { design: { size: 512, errorCorrectionLevel: "L", logo } })).status).toBe(200);
    const png = decodePng(new Uint8Array(await (await image(channel.id, "format=png")).arrayBuffer()));
    expect(png.text).toBe(channel.qr.url);
    expect(png.version).toBe(QRCode.create(channel.qr.url!, { errorCorrectionLevel: "H" }).version);
    expect(png.pixel(256, 256)).toEqual([0x07, 0xc1, 0x60]); // the logo sits in the centre
  });

  it("renders SVG with the caption escaped and the logo embedded, and the SVG scans", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const channel = await createChannel({ accountId: account.id, name: "门店 <12> & “Co”" });
    await saveDesign(channel.id, {
      design: { size: 512, caption: true, logo: { dataUrl: await logoDataUrl(), scale: 0.2 } },
    });
    const response = await image(channel.id, "format=svg&download=1");
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="qudao-${channel.scene}.svg"; filename*=UTF-8''${encodeURIComponent("门店 _12_ & “Co”.svg")}`,
    );
    const svg = await response.text();
    expect(svg).toContain("门店 &#60;12&#62; &#38; “Co”</text>");
    expect(svg).toContain('<image x="');
    // Rasterise the SVG and scan it, as a print shop's RIP would.
    const raster = await loadImage(Buffer.from(svg));
    const canvas = createCanvas(raster.width, raster.height);
    canvas.getContext("2d").drawImage(raster, 0, 0);
    expect(decodePng(await canvas.encode("png")).text).toBe(channel.qr.url);
  });

  it("refuses inverted or low-contrast colours and oversize logos with the field named", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const channel = await createChannel({ accountId: account.id, name: "Colours" });
    const inverted = await saveDesign(channel.id, { design: { foreground: "#ffffff", background: "#000000" } });
    expect(inverted.status).toBe(422);
    expect((await inverted.json()).error.issues[0].path).toEqual(["design", "foreground"]);
    const faint = await saveDesign(channel.id, { design: { foreground: "#cccccc", background: "#ffffff" } });
    expect(faint.status).toBe(422);
    const tooLarge = await saveDesign(channel.id, {
      design: { logo: { dataUrl: `data:image/png;base64,${"A".repeat(300_000)}` } },
    });
    expect((await tooLarge.json()).error.issues[0].path).toEqual(["design", "logo", "dataUrl"]);
    expect((await app.db.channel.findUniqueOrThrow({ where: { id: channel.id } })).qrDesign).toBeNull();
  });

  it("applies one design to the whole group on request", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const [first, second, other] = [
      await createChannel({ accountId: account.id, name: "A", group: "Stores" }),
      await createChannel({ accountId: account.id, name: "B", group: "Stores" }),
      await createChannel({ accountId: account.id, name: "C", group: "KOL" }),
    ];
    const response = await saveDesign(first.id, {
      design: { foreground: "#b71c1c", caption: true },
      applyToGroup: true,
    });
    expect((await response.json()).appliedTo).toBe(2);
    const designs = await app.db.channel.findMany({
      where: { id: { in: [first.id, second.id, other.id] } },
      select: { id: true, qrDesign: true },
    });
    const byId = new Map(designs.map((row) => [row.id, row.qrDesign ? JSON.parse(row.qrDesign).foreground : null]));
    expect([byId.get(first.id), byId.get(second.id), byId.get(other.id)]).toEqual(["#b71c1c", "#b71c1c", null]);
  });
});

describe("the ZIP of codes", () => {
  it("streams one scannable PNG per channel, named after it: Chinese kept, unsafe characters replaced, duplicates numbered", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const names = ["北京 三里屯店", 'Store/12: "main"', "Booth", "booth", "Booth", "CON"];
    const channels: Channel[] = [];
    for (const name of names) channels.push(await createChannel({ accountId: account.id, name }));
    await saveDesign(channels[0]!.id, { design: { caption: true, size: 400 } });

    const response = await callRoute(
      getArchive,
      `/api/channels/qr-archive?ids=${channels.map((channel) => channel.id).join(",")}`,
      { key },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("x-qudao-file-count")).toBe("6");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get("x-qudao-estimated-bytes"))).toBeGreaterThan(bytes.length * 0.5);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual([
      "北京 三里屯店.png",
      "Store_12_ _main_.png",
      "Booth.png",
      "booth (2).png",
      "Booth (3).png",
      "CON_.png",
    ]);
    Object.values(files).forEach((file, index) => expect(decodePng(file).text).toBe(channels[index]!.qr.url));
    expect(decodePng(files["北京 三里屯店.png"]!).width).toBe(400);
  });

  it("takes a whole group (archived channels only when asked), as SVG too, and by POST for long selections", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const kept = await createChannel({ accountId: account.id, name: "Store 2", group: "Stores" });
    await createChannel({ accountId: account.id, name: "Store 10", group: "Stores" });
    const archived = await createChannel({ accountId: account.id, name: "Store 1", group: "Stores" });
    await createChannel({ accountId: account.id, name: "KOL", group: "KOL" });
    await archiveChannel(archived.id);

    const group = await callRoute(
      getArchive,
      `/api/channels/qr-archive?accountId=${account.id}&group=Stores&format=svg`,
      { key },
    );
    expect(group.headers.get("content-disposition")).toContain(`filename*=UTF-8''Stores-`);
    expect(Object.keys(unzipSync(new Uint8Array(await group.arrayBuffer())))).toEqual(["Store 2.svg", "Store 10.svg"]);
    const withArchived = await callRoute(
      getArchive,
      `/api/channels/qr-archive?accountId=${account.id}&group=Stores&includeArchived=1`,
      { key },
    );
    expect(Object.keys(unzipSync(new Uint8Array(await withArchived.arrayBuffer())))).toEqual([
      "Store 1.png",
      "Store 2.png",
      "Store 10.png",
    ]);

    const posted = await callRoute(postArchive, "/api/channels/qr-archive", {
      key,
      body: { ids: [kept.id], size: 256 },
    });
    const files = unzipSync(new Uint8Array(await posted.arrayBuffer()));
    expect(decodePng(files["Store 2.png"]!)).toMatchObject({ text: kept.qr.url, width: 256 });
  });

  it("answers 404 for an unknown id and 422 without a selection", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const channel = await createChannel({ accountId: account.id, name: "Known" });
    expect((await callRoute(getArchive, `/api/channels/qr-archive?ids=${channel.id},nope`, { key })).status).toBe(404);
    expect((await callRoute(getArchive, "/api/channels/qr-archive", { key })).status).toBe(422);
  });
});
