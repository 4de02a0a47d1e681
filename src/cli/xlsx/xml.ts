import { XMLParser } from "fast-xml-parser";

/**
 * XML helpers for the package layer. Parts Prodbook only reads are parsed with fast-xml-parser
 * (namespace prefixes removed, attributes kept as strings); parts it edits (workbook, relationships,
 * content types, styles, app properties) are edited in place as text, so everything it does not
 * touch in them stays exactly as the user's program wrote it.
 */
export type XmlNode = Record<string, unknown>;

const ALWAYS_ARRAYS = new Set([
  "sheet", "definedName", "Relationship", "Override", "Default", "row", "c", "si", "r", "mergeCell",
  "tableColumn", "numFmt", "xf", "font", "fill", "border", "dxf", "cfRule", "conditionalFormatting", "lpstr", "variant", "rPh",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ALWAYS_ARRAYS.has(name),
});

/** Parses a part; throws on malformed XML (the caller names the part). */
export function parseXml(text: string): XmlNode {
  return parser.parse(text) as XmlNode;
}

export function arr<T = XmlNode>(v: unknown): T[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

/** An element's text: `<t>x</t>` parses to "x" or, with attributes, to `{ "#text": "x", ... }`. */
export function textOf(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.map(textOf).join("");
  const t = (v as XmlNode)["#text"];
  return t === undefined ? "" : String(t);
}

export function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const v = (node as XmlNode)[`@${name}`];
  return v === undefined ? undefined : String(v);
}

/** Escapes text for an element body or an attribute value. */
export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

/**
 * Text as XML allows it: characters XML 1.0 forbids (control characters a user pasted) are
 * written as Excel's `_xHHHH_` escapes, and a literal `_x0041_` is protected the same way.
 */
export function escText(s: string): string {
  const safe = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return esc(safe);
}

/** Undoes Excel's `_xHHHH_` escapes in shared and inline strings. */
export function unescapeOoxml(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

export function utf8(bytes: Uint8Array): string {
  // A byte-order mark is legal at the start of a part and means nothing to the parser.
  const s = decoder.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The namespace prefix of a part's root element ("" or "x:"), for edits that add elements to it. */
export function rootPrefix(text: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(text);
  return m?.[1] ?? "";
}
