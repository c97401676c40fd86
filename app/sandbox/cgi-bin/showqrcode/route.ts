// GET /sandbox/cgi-bin/showqrcode?ticket=… — the code's image; 404 for an unknown ticket
import { emulatorRoute } from "@/lib/sandbox/sandbox-mode";
import { renderSandboxQrImage } from "@/lib/sandbox/qr-codes";

export const GET = emulatorRoute(async (request) => {
  const image = await renderSandboxQrImage(new URL(request.url).searchParams.get("ticket"));
  if (!image) return new Response("ticket not found", { status: 404 });
  return new Response(new Uint8Array(image), { headers: { "content-type": "image/png" } });
});
