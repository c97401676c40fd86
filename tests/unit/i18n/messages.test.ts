// Every visible string exists in both languages: the same keys, no empty values, and the same
// {placeholders} in each, namespace by namespace.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { locales } from "@/lib/i18n/locales";
import { messageNamespaces } from "@/lib/i18n/namespaces";

const folder = join(process.cwd(), "lib/i18n/messages");

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [key, inner]) => ({ ...all, ...flatten(inner, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

function load(locale: string, namespace: string): Record<string, string> {
  return flatten(JSON.parse(readFileSync(join(folder, locale, `${namespace}.json`), "utf8")));
}

// An argument is {name} or {name, plural, …}; plural branches like {No channels} are not.
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1]).sort();

describe("messages", () => {
  it("lists exactly the namespace files that exist", () => {
    for (const locale of locales) {
      expect(readdirSync(join(folder, locale)).map((file) => file.replace(/\.json$/, "")).sort()).toEqual([...messageNamespaces].sort());
    }
  });

  it.each([...messageNamespaces])("%s has the same keys and placeholders in every language", (namespace) => {
    const [first, ...others] = locales.map((locale) => load(locale, namespace));
    for (const other of others) {
      expect(Object.keys(other!).sort()).toEqual(Object.keys(first!).sort());
      for (const [key, text] of Object.entries(first!)) {
        expect(text.trim(), key).not.toBe("");
        expect(placeholders(other![key]!), key).toEqual(placeholders(text));
      }
    }
  });
});
