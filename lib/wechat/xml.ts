import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { WechatProtocolError } from "@/lib/wechat/errors";

// WeChat bodies are a flat <xml> of fields: strings in CDATA, numbers bare. Entities are never
// expanded (processEntities: false) and any DTD is refused before parsing, so XXE and
// "billion laughs" payloads do nothing. A consequence: "&amp;" in non-CDATA text stays "&amp;";
// WeChat puts every string in CDATA, so nothing real is lost.

// Neither name is a legal XML element name, so no field can be mistaken for a text node.
const textKey = "#text";
const cdataKey = "#cdata";
const attributesKey = ":@";

const sharedOptions = {
  preserveOrder: true,
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: cdataKey,
} as const;

const parser = new XMLParser({
  ...sharedOptions,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});
const builder = new XMLBuilder({ ...sharedOptions, format: false, suppressEmptyNode: false });

type OrderedNode = Record<string, unknown>;

/**
 * The fields of a WeChat `<xml>` body. CDATA content is kept exactly; whitespace around
 * non-CDATA text is trimmed. A nested element (e.g. ScanCodeInfo) is kept as its inner XML,
 * re-serialised, so `parseWechatXml("<xml>" + fields.ScanCodeInfo + "</xml>")` reads it.
 * Attributes are ignored. Throws `malformed_xml` for a DTD, non-XML, a character XML forbids,
 * a root other than a single <xml>, or a field that appears twice.
 */
export function parseWechatXml(xml: string): Record<string, string> {
  // Characters XML 1.0 forbids anywhere (NUL above all: PostgreSQL text cannot store it).
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml))
    throw malformed("The body contains characters XML does not allow");
  if (hasDtdOutsideCdata(xml)) throw malformed("DTDs and entity declarations are refused");
  if (XMLValidator.validate(xml) !== true) throw malformed("The body is not well-formed XML");

  let document: OrderedNode[];
  try {
    document = parser.parse(xml) as OrderedNode[];
  } catch {
    throw malformed("The body is not well-formed XML");
  }
  const roots = document.filter((node) => !isWhitespaceText(node));
  const root = roots[0];
  if (roots.length !== 1 || root === undefined || elementName(root) !== "xml") {
    throw malformed("The body must have a single <xml> root");
  }

  const fields = new Map<string, string>();
  for (const child of childrenOf(root, "xml")) {
    const name = elementName(child);
    if (name === textKey || name === cdataKey) continue; // text between fields
    if (fields.has(name)) throw malformed(`The field ${name} appears twice`);
    fields.set(name, readValue(childrenOf(child, name)));
  }
  return Object.fromEntries(fields);
}

/** A WeChat `<xml>` body: strings in CDATA (a "]]>" inside is split), numbers bare. */
export function buildWechatXml(fields: Record<string, string | number>): string {
  const children = Object.entries(fields).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new RangeError(`Not an XML field name: ${name}`);
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new RangeError(`The field ${name} is not a finite number`);
      return { [name]: [{ [textKey]: String(value) }] };
    }
    return { [name]: splitCdata(value).map((part) => ({ [cdataKey]: [{ [textKey]: part }] })) };
  });
  return builder.build([{ xml: children }]) as string;
}

/** "a]]>b" → ["a]]", ">b"]: adjacent CDATA sections, since "]]>" would end a single one. */
function splitCdata(value: string): string[] {
  return value.split("]]>").map((part, index, parts) => {
    const start = index === 0 ? part : `>${part}`;
    return index === parts.length - 1 ? start : `${start}]]`;
  });
}

function readValue(nodes: OrderedNode[]): string {
  if (nodes.some((node) => !isTextOrCdata(node))) {
    return builder.build(nodes) as string;
  }
  return nodes.map((node) => (textKey in node ? String(node[textKey]).trim() : readCdata(node))).join("");
}

function readCdata(node: OrderedNode): string {
  return childrenOf(node, cdataKey)
    .map((part) => String(part[textKey] ?? ""))
    .join("");
}

// A DOCTYPE inside CDATA is just text (a follower may send "<!DOCTYPE html>"), so only markup
// outside CDATA counts. indexOf keeps this linear on hostile input.
function hasDtdOutsideCdata(xml: string): boolean {
  let position = 0;
  while (position < xml.length) {
    const cdataStart = xml.indexOf("<![CDATA[", position);
    const markupEnd = cdataStart === -1 ? xml.length : cdataStart;
    if (/<!(DOCTYPE|ENTITY)/i.test(xml.slice(position, markupEnd))) return true;
    if (cdataStart === -1) return false;
    const cdataEnd = xml.indexOf("]]>", cdataStart);
    if (cdataEnd === -1) return false; // unterminated; the validator rejects it
    position = cdataEnd + 3;
  }
  return false;
}

function elementName(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== attributesKey) ?? "";
}

function childrenOf(node: OrderedNode, name: string): OrderedNode[] {
  const children = node[name];
  return Array.isArray(children) ? (children as OrderedNode[]) : [];
}

function isTextOrCdata(node: OrderedNode): boolean {
  return textKey in node || cdataKey in node;
}

function isWhitespaceText(node: OrderedNode): boolean {
  return textKey in node && String(node[textKey]).trim() === "";
}

function malformed(message: string): WechatProtocolError {
  return new WechatProtocolError("malformed_xml", message);
}
