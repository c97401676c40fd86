// GET /sandbox/cgi-bin/showqrcode?ticket=… — the code's image; 404 for an unknown ticket
import { renderSandboxQrImage } from "@/lib/sandbox/qr-codes";

export async function GET(request: Request): Promise<Response> {
  const image = await renderSandboxQrImage(new URL(request.url).searchParams.get("ticket"));
  if (!image) return new Response("ticket not found", { status: 404 });
  return new Response(new Uint8Array(image), { headers: { "content-type": "image/png" } });
}
