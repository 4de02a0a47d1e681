/**
 * Final Draft (.fdx) → the script model: paragraphs by Type, scene numbers (`Number`), forced
 * page breaks (`StartsNewPage`), dual dialogue (`DualDialogue`), tagging (`TagData`: a Text run's
 * TagNumber → Tag → TagDefinition → TagCategory) and revision marks (`RevisionID` → Revisions).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { breakdownCategory, revisionColor, REVISION_COLORS } from "./categories";
import { ElementTag, ElementType, ScriptDocument, ScriptElement } from "./model";
import { splitQuantity } from "./notes";

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

type Ordered = Record<string, unknown>;

function toNodes(list: Ordered[]): Node[] {
  const out: Node[] = [];
  for (const item of list) {
    const attrs = (item[":@"] ?? {}) as Record<string, string>;
    for (const [name, value] of Object.entries(item)) {
      if (name === ":@") continue;
      if (name === "#text") {
        out.push({ name: "#text", attrs: {}, children: [], text: String(value) });
        continue;
      }
      const children = Array.isArray(value) ? toNodes(value as Ordered[]) : [];
      const a: Record<string, string> = {};
      for (const [k, v] of Object.entries(attrs)) a[k.replace(/^@_/, "")] = String(v);
      out.push({ name, attrs: a, children, text: "" });
    }
  }
  return out;
}

function kids(n: Node, name: string): Node[] {
  return n.children.filter((c) => c.name === name);
}

function textOf(n: Node): string {
  if (n.name === "#text") return n.text;
  return n.children.map(textOf).join("");
}

const TYPES: Record<string, ElementType> = {
  "scene heading": "scene",
  action: "action",
  general: "action",
  character: "character",
  parenthetical: "parenthetical",
  dialogue: "dialogue",
  transition: "transition",
  shot: "shot",
  lyrics: "lyrics",
};

export class FdxError extends Error {}

/** Reads a .fdx file; a file that is not Final Draft XML is an FdxError with the reason. */
export function parseFdx(xml: string): ScriptDocument {
  let tree: Node[];
  const valid = XMLValidator.validate(xml.replace(/^\uFEFF/, ""));
  if (valid !== true) throw new FdxError(`not well-formed XML at line ${valid.err.line}: ${valid.err.msg}`);
  try {
    const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "@_", trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true });
    tree = toNodes(parser.parse(xml.replace(/^\uFEFF/, "")) as Ordered[]);
  } catch (e) {
    throw new FdxError(`not well-formed XML (${(e as Error).message.split("\n")[0]})`);
  }
  const root = tree.find((n) => n.name === "FinalDraft");
  if (!root) throw new FdxError("no <FinalDraft> root element: this is not a Final Draft .fdx file");
  const content = kids(root, "Content")[0];
  if (!content) throw new FdxError("no <Content> element: the file holds no script");
  const doc: ScriptDocument = { format: "fdx", elements: [], warnings: [] };

  // Tagging: Tag Number → (category, label).
  const tagByNumber = new Map<string, { category: string; element: string }>();
  const tagData = kids(root, "TagData")[0];
  if (tagData) {
    const cats = new Map<string, string>();
    for (const c of kids(kids(tagData, "TagCategories")[0] ?? emptyNode(), "TagCategory")) cats.set(c.attrs.Id, c.attrs.Name ?? "");
    const defs = new Map<string, { category: string; element: string }>();
    for (const d of kids(kids(tagData, "TagDefinitions")[0] ?? emptyNode(), "TagDefinition")) defs.set(d.attrs.Id, { category: cats.get(d.attrs.CatId) ?? "", element: d.attrs.Label ?? "" });
    for (const t of kids(kids(tagData, "Tags")[0] ?? emptyNode(), "Tag")) {
      const defId = textOf(kids(t, "DefId")[0] ?? emptyNode()).trim();
      const def = defs.get(defId);
      if (def) tagByNumber.set(t.attrs.Number, def);
    }
  }
  // Revisions: ID → colour name.
  const revisions = new Map<string, string>();
  const revs = kids(root, "Revisions")[0];
  if (revs) {
    kids(revs, "Revision").forEach((r, i) => {
      const color = revisionColor(r.attrs.Name ?? "") ?? REVISION_COLORS[Math.min(i + 1, REVISION_COLORS.length - 1)];
      revisions.set(r.attrs.ID, color);
    });
    const active = revs.attrs.ActiveSet;
    if (active && revisions.has(active)) doc.revision = revisions.get(active);
  }
  const title = kids(root, "TitlePage")[0];
  if (title) {
    const first = title.children.length ? textOf(title).trim().split(/\n/)[0] : "";
    if (first) doc.title = first;
  }

  let index = 0;
  const paragraph = (p: Node, dual?: "left" | "right") => {
    index++;
    const type = TYPES[(p.attrs.Type ?? "").toLowerCase()];
    const runs = kids(p, "Text");
    const text = runs.map(textOf).join("").replace(/\r\n?/g, "\n");
    const tags: ElementTag[] = [];
    const present: string[] = [];
    let revision: string | undefined;
    for (const r of runs) {
      const tagNo = r.attrs.TagNumber;
      const tag = tagNo ? tagByNumber.get(tagNo) : undefined;
      if (tag) {
        const category = breakdownCategory(tag.category);
        const label = tag.element || textOf(r).trim();
        if (category === "Cast") present.push(label);
        else if (category) tags.push({ category, ...splitQuantity(label) });
        else if (tag.category) tags.push({ category: "Miscellaneous", element: label, notes: tag.category });
      }
      const rev = r.attrs.RevisionID;
      if (rev && revisions.has(rev)) revision = laterRevision(revision, revisions.get(rev));
    }
    if (!type) return; // cast lists, act breaks and outline paragraphs do not print in the body
    if (type !== "scene" && text.trim() === "") return;
    const el: ScriptElement = { type, text: type === "scene" || type === "character" || type === "transition" ? text.trim() : text, line: index };
    if (type === "scene") {
      el.text = el.text.toUpperCase();
      if (p.attrs.Number) el.number = p.attrs.Number.trim();
    }
    if (dual) el.dual = dual;
    if (p.attrs.StartsNewPage === "Yes") el.pageBreakBefore = true;
    if (tags.length) el.tags = tags;
    if (present.length) el.present = present;
    if (revision) el.revision = revision;
    doc.elements.push(el);
  };
  for (const p of kids(content, "Paragraph")) {
    const dd = kids(p, "DualDialogue")[0];
    if (dd) {
      // The first speech prints in the left column, the second in the right.
      let side: "left" | "right" = "left";
      let seenCharacter = false;
      for (const q of kids(dd, "Paragraph")) {
        if ((q.attrs.Type ?? "").toLowerCase() === "character") {
          if (seenCharacter) side = "right";
          seenCharacter = true;
        }
        paragraph(q, side);
      }
      continue;
    }
    paragraph(p);
  }
  return doc;
}

function emptyNode(): Node {
  return { name: "", attrs: {}, children: [], text: "" };
}

/** Of two revision colours, the later in the industry order. */
function laterRevision(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return REVISION_COLORS.indexOf(b as (typeof REVISION_COLORS)[number]) > REVISION_COLORS.indexOf(a as (typeof REVISION_COLORS)[number]) ? b : a;
}
