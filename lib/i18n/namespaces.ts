// Messages live in one file per namespace per locale (messages/<locale>/<namespace>.json), so
// people working on different areas never edit the same file. Add a namespace here when you add its files.
export const messageNamespaces = [
  "app",
  "layout",
  "errors",
  "auth",
  "metrics",
  "overview",
  "channels",
  "sandbox",
  "events",
  "sandboxConsole",
  "analytics",
  "reports",
  "team",
  "accounts",
] as const;
export type MessageNamespace = (typeof messageNamespaces)[number];
