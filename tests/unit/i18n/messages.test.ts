// Every visible string exists in both languages: the same keys, no empty values, and the same
// {placeholders} in each, namespace by namespace.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { locales } from "@/lib/i18n/locales";
import { messageNamespaces } from "@/lib/i18n/namespaces";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

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

/** The arguments a message uses ({name}, plurals, selects, rich-text tags), read by the ICU parser. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if (element.type === TYPE.tag) {
        names.add(`<${element.value}>`);
        visit(element.children);
        continue;
      }
      names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) visit(option.value);
    }
  };
  visit(parse(text));
  return [...names].sort();
}

describe("messages", () => {
  it("lists exactly the namespace files that exist", () => {
    for (const locale of locales) {
      expect(
        readdirSync(join(folder, locale))
          .map((file) => file.replace(/\.json$/, ""))
          .sort(),
      ).toEqual([...messageNamespaces].sort());
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
