import { unzipSync } from "fflate";
import { RawEntry, inflateEntry, newEntry, readZipEntries, writeZip } from "./zipEntries";
import { arr, attr, bytesOf, esc, parseXml, rootPrefix, utf8 } from "./xml";

/** A part that cannot be read: the message names it, for the user. */
export class PackageError extends Error {}

/** A part: its entry in the input zip (unchanged parts are copied from it), its bytes once read or set. */
interface Slot {
  raw?: RawEntry;
  bytes?: Uint8Array;
}

/**
 * An Open Packaging Conventions package (.xlsx, .xlsm) as its parts, in the zip's order. A part
 * is inflated only when it is read; one Prodbook does not set goes to the output zip as the
 * compressed bytes the input held, so a user's large sheet is never decompressed or recompressed.
 */
export class OpcPackage {
  /** Part name (no leading slash, as in the zip) → its slot. */
  private readonly parts = new Map<string, Slot>();
  /** Lower-cased name → name as stored: part names are case-insensitive (OPC §9.1.1.1). */
  private readonly folded = new Map<string, string>();
  private readonly changed = new Set<string>();

  static fromZip(bytes: Uint8Array): OpcPackage {
    const pkg = new OpcPackage();
    const entries = readZipEntries(bytes);
    if (entries) {
      for (const e of entries) {
        if (e.name.endsWith("/")) continue; // folder entries some zippers write
        pkg.parts.delete(e.name); // a name twice: the last wins, as unzipping does
        pkg.parts.set(e.name, { raw: e });
        pkg.folded.set(e.name.toLowerCase(), e.name);
      }
      return pkg;
    }
    // zip64, encrypted entries or other methods: fflate reads it all, and it is written anew.
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith("/")) continue;
      pkg.parts.set(name, { bytes: data });
      pkg.folded.set(name.toLowerCase(), name);
    }
    return pkg;
  }

  static empty(): OpcPackage {
    return new OpcPackage();
  }

  /** The stored name of a part, found case-insensitively; undefined when absent. */
  resolve(name: string): string | undefined {
    return this.folded.get(stripSlash(name).toLowerCase());
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  get(name: string): Uint8Array | undefined {
    const n = this.resolve(name);
    if (n === undefined) return undefined;
    const slot = this.parts.get(n)!;
    if (!slot.bytes && slot.raw) {
      try {
        slot.bytes = inflateEntry(slot.raw);
      } catch (e) {
        throw new PackageError(`its part ${n} cannot be unzipped (${(e as Error).message})`);
      }
    }
    return slot.bytes;
  }

  text(name: string): string | undefined {
    const b = this.get(name);
    return b === undefined ? undefined : utf8(b);
  }

  set(name: string, data: Uint8Array | string): void {
    const stored = this.resolve(name) ?? stripSlash(name);
    this.parts.set(stored, { bytes: typeof data === "string" ? bytesOf(data) : data });
    this.folded.set(stored.toLowerCase(), stored);
    this.changed.add(stored);
  }

  delete(name: string): void {
    const n = this.resolve(name);
    if (n === undefined) return;
    this.parts.delete(n);
    this.folded.delete(n.toLowerCase());
    this.changed.add(n);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  /** Parts set or deleted since the package was read. */
  changedParts(): string[] {
    return [...this.changed];
  }

  /** The zip: parts not set since reading are their input entries, compressed bytes and all. */
  toZip(): Uint8Array {
    const now = new Date();
    const entries: RawEntry[] = [];
    for (const [name, slot] of this.parts) {
      entries.push(slot.raw && !this.changed.has(name) ? slot.raw : newEntry(name, slot.bytes!, now));
    }
    return writeZip(entries);
  }
}

function stripSlash(name: string): string {
  return name.replace(/^\/+/, "");
}

// ---------------------------------------------------------------------------------------------
// Relationships

export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  external: boolean;
  /** The target part's name in the package (resolved from the source part), "" when external. */
  part: string;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; "" (the package) → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const p = stripSlash(part);
  const i = p.lastIndexOf("/");
  return i < 0 ? `_rels/${p}.rels` : `${p.slice(0, i)}/_rels/${p.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against its source part: absolute ("/xl/x.xml", as openpyxl writes) or relative ("../x.xml"). */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // a target with a stray % is used as written
  }
  if (t.startsWith("/")) return normalizePath(t.slice(1));
  const src = stripSlash(sourcePart);
  const dir = src.includes("/") ? src.slice(0, src.lastIndexOf("/") + 1) : "";
  return normalizePath(dir + t);
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** A target written relative to the source part's folder ("worksheets/sheet3.xml" from xl/workbook.xml). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = stripSlash(sourcePart).split("/").slice(0, -1);
  const to = stripSlash(part).split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export function readRelationships(pkg: OpcPackage, sourcePart: string): Relationship[] {
  const text = pkg.text(relsPartOf(sourcePart));
  if (text === undefined) return [];
  const doc = parseXml(text);
  const root = doc.Relationships as Record<string, unknown> | undefined;
  return arr(root?.Relationship).map((r) => {
    const external = (attr(r, "TargetMode") ?? "").toLowerCase() === "external";
    const target = attr(r, "Target") ?? "";
    return { id: attr(r, "Id") ?? "", type: attr(r, "Type") ?? "", target, external, part: external ? "" : resolveTarget(sourcePart, target) };
  });
}

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  extendedProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;

/** True for a relationship type, in the transitional or the strict namespace. */
export function isRel(r: Relationship, type: string): boolean {
  const tail = type.slice(type.lastIndexOf("/"));
  return r.type === type || (r.type.endsWith(tail) && r.type.includes("purl.oclc.org/ooxml"));
}

/** Adds a relationship to a source part's .rels (creating it) with a fresh Id; returns the Id. */
export function addRelationship(pkg: OpcPackage, sourcePart: string, type: string, targetPart: string): string {
  const relsName = relsPartOf(sourcePart);
  const text = pkg.text(relsName) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const taken = new Set(readRelationshipsFromText(text));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const p = rootPrefix(text, "Relationships");
  const el = `<${p}Relationship Id="${id}" Type="${type}" Target="${esc(relativeTarget(sourcePart, targetPart))}"/>`;
  pkg.set(relsName, insertBeforeClose(text, "Relationships", el));
  return id;
}

/** Removes relationships by Id from a source part's .rels. */
export function removeRelationships(pkg: OpcPackage, sourcePart: string, ids: string[]): void {
  if (ids.length === 0) return;
  const relsName = relsPartOf(sourcePart);
  const text = pkg.text(relsName);
  if (text === undefined) return;
  const drop = new Set(ids);
  const out = text.replace(/<([A-Za-z_][\w.-]*:)?Relationship\b[^>]*?(\/>|>[\s\S]*?<\/\1?Relationship>)/g, (el) => {
    const id = /\bId="([^"]*)"/.exec(el)?.[1];
    return id !== undefined && drop.has(id) ? "" : el;
  });
  pkg.set(relsName, out);
}

function readRelationshipsFromText(text: string): string[] {
  return [...text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship\b[^>]*\bId="([^"]*)"/g)].map((m) => m[1]);
}

/**
 * Inserts `xml` as the last child of the first `<local>` element (prefixed or not); a
 * self-closing `<local/>` is opened up. Throws when the element is missing.
 */
export function insertBeforeClose(text: string, local: string, xml: string): string {
  const close = new RegExp(`</([A-Za-z_][\\w.-]*:)?${local}>`);
  const m = close.exec(text);
  if (m) return text.slice(0, m.index) + xml + text.slice(m.index);
  const selfClose = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(\\s[^>]*?)?/>`);
  const s = selfClose.exec(text);
  if (!s) throw new Error(`no <${local}> element`);
  const prefix = s[1] ?? "";
  return text.slice(0, s.index) + `<${prefix}${local}${s[2] ?? ""}>${xml}</${prefix}${local}>` + text.slice(s.index + s[0].length);
}

// ---------------------------------------------------------------------------------------------
// Content types

export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  xml: "application/xml",
} as const;

const CONTENT_TYPES = "[Content_Types].xml";

/** Adds an Override for a part unless one is there. */
export function addOverride(pkg: OpcPackage, part: string, contentType: string): void {
  const text = pkg.text(CONTENT_TYPES);
  if (text === undefined) throw new Error("the package has no [Content_Types].xml");
  const name = `/${stripSlash(part)}`;
  if (findOverride(text, name)) return;
  const p = rootPrefix(text, "Types");
  pkg.set(CONTENT_TYPES, insertBeforeClose(text, "Types", `<${p}Override PartName="${esc(name)}" ContentType="${contentType}"/>`));
}

export function removeOverride(pkg: OpcPackage, part: string): void {
  const text = pkg.text(CONTENT_TYPES);
  if (text === undefined) return;
  const found = findOverride(text, `/${stripSlash(part)}`);
  if (found) pkg.set(CONTENT_TYPES, text.slice(0, found.index) + text.slice(found.index + found.length));
}

function findOverride(text: string, name: string): { index: number; length: number } | undefined {
  const re = /<(?:[A-Za-z_][\w.-]*:)?Override\b[^>]*?(?:\/>|>\s*<\/(?:[A-Za-z_][\w.-]*:)?Override>)/g;
  for (const m of text.matchAll(re)) {
    const pn = /\bPartName="([^"]*)"/.exec(m[0])?.[1];
    if (pn !== undefined && pn.toLowerCase() === name.toLowerCase()) return { index: m.index!, length: m[0].length };
  }
  return undefined;
}
