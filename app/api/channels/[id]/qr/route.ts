// GET /api/channels/{id}/qr?format=png|svg&size=N&caption=0|1&download=1 — the code's image, rendered from its url with the saved design
import { route, searchParamsOf } from "@/lib/http/route";
import { renderChannelQr } from "@/lib/channels/render-qr";
import { contentDisposition } from "@/lib/channels/file-names";
import { qrImageQuerySchema } from "@/lib/schemas/channels";

export const GET = route<{ id: string }>(
  { role: "viewer", account: { channelParam: "id" } },
  async (request, { params }) => {
    const query = qrImageQuerySchema.parse(searchParamsOf(request));
    const image = await renderChannelQr(params.id, query);
    return new Response(typeof image.body === "string" ? image.body : new Uint8Array(image.body), {
      headers: {
        "content-type": image.contentType,
        "content-disposition": contentDisposition(
          query.download ? "attachment" : "inline",
          image.fileName,
          image.asciiFileName,
        ),
        // The design can change at any time: revalidate rather than show a stale look.
        "cache-control": "private, no-cache",
      },
    });
  },
);
