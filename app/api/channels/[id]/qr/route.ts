// GET /api/channels/{id}/qr?format=png|svg&size=N — the code's image, rendered from its url
import { route, searchParamsOf } from "@/lib/http/route";
import { renderChannelQr } from "@/lib/channels/render-qr";
import { qrImageQuerySchema } from "@/lib/schemas/channels";

export const GET = route<{ id: string }>({ role: "viewer" }, async (request, { params }) => {
  const image = await renderChannelQr(params.id, qrImageQuerySchema.parse(searchParamsOf(request)));
  return new Response(typeof image.body === "string" ? image.body : new Uint8Array(image.body), {
    headers: {
      "content-type": image.contentType,
      "content-disposition": `inline; filename="${image.fileName}"`,
      "cache-control": "private, max-age=300",
    },
  });
});
