// Request bodies, bounded: a body is refused (413) as soon as it passes its route's limit, whether
// the limit is passed by the declared Content-Length or by the bytes streamed (chunked uploads
// declare none), instead of buffering whatever a sender chooses to send.
import { AppError } from "@/lib/http/errors";

/**
 * The same request with its body cut at `maxBytes`: any read of it (json, text, formData, clone)
 * fails with a 413 once more than that has arrived. A declared length over the limit is refused
 * here, before anything reads.
 */
export function limitRequestBody(request: Request, maxBytes: number): Request {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return request;
  let total = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > maxBytes) controller.error(tooLarge(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request, { body: counted, duplex: "half" } as RequestInit);
}

/** The body as text, refused (413) past `maxBytes`. */
export async function readTextWithLimit(request: Request, maxBytes: number): Promise<string> {
  return limitRequestBody(request, maxBytes).text();
}

/**
 * The body parsed as JSON. Only a failure to parse the body is a 400: a SyntaxError thrown later,
 * deep in domain code, is a bug and stays a 500 (logged). `whenEmpty`: what an empty body means,
 * for routes whose body is optional.
 */
export async function readJson(request: Request, options: { whenEmpty?: unknown } = {}): Promise<unknown> {
  const text = await request.text();
  if (text === "" && "whenEmpty" in options) return options.whenEmpty;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The body is larger than ${formatBytes(maxBytes)}`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
