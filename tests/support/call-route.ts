// Calls a route handler the way Next does (a Request and a params promise), with an API key.
type Handler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

export interface CallOptions<Params> {
  key: string;
  method?: string;
  /** JSON-encoded unless it is FormData. */
  body?: unknown;
  params?: Params;
}

export function callRoute<Params = Record<string, never>>(
  handler: Handler<Params>,
  path: string,
  options: CallOptions<Params>,
): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${options.key}` });
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.body);
  }
  const request = new Request(`http://localhost${path}`, {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
  return handler(request, { params: Promise.resolve(options.params ?? ({} as Params)) });
}
