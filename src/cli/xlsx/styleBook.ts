import { CellStyle } from "../../core/layout/types";
import { esc, rootPrefix } from "./xml";

/** The sections of styles.xml in schema order (CT_Stylesheet). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Section = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";
const CHILD: Record<Section, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/**
 * The workbook's styles.xml, appended to: each distinct style Prodbook's sheets use becomes one
 * cellXfs entry (and its font, fill, border and number format), reusing an identical entry that
 * is already there, so building again does not grow the file. Nothing already in the part moves,
 * so every style index the user's sheets hold still means what it meant.
 */
export class StyleBook {
  private readonly prefix: string;
  private readonly items: Record<Section, string[]>;
  private readonly added: Record<Section, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
  private readonly index: Record<Section, Map<string, number>>;
  private readonly formats = new Map<string, number>();
  private nextFormat = 164;
  private readonly xfCache = new Map<string, number>();

  constructor(private readonly text: string) {
    this.prefix = rootPrefix(text, "styleSheet");
    this.items = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
    this.index = { numFmts: new Map(), fonts: new Map(), fills: new Map(), borders: new Map(), cellXfs: new Map(), dxfs: new Map() };
    for (const s of Object.keys(CHILD) as Section[]) {
      this.items[s] = this.children(s);
      this.items[s].forEach((x, i) => {
        const k = this.normal(x);
        if (!this.index[s].has(k)) this.index[s].set(k, i);
      });
    }
    for (const f of this.items.numFmts) {
      const id = Number(/numFmtId="(\d+)"/.exec(f)?.[1]);
      const code = /formatCode="([^"]*)"/.exec(f)?.[1];
      if (Number.isFinite(id)) {
        if (code !== undefined && !this.formats.has(code)) this.formats.set(code, id);
        this.nextFormat = Math.max(this.nextFormat, id + 1);
      }
    }
  }

  /** A section's children as written. */
  private children(s: Section): string[] {
    const p = this.prefix.replace(/[.]/g, "\\.");
    const sec = new RegExp(`<${p}${s}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${s}>)`).exec(this.text);
    if (!sec || sec[1] === undefined) return [];
    const child = CHILD[s];
    const re = new RegExp(`<${p}${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, "g");
    return [...sec[1].matchAll(re)].map((m) => m[0]);
  }

  /** Without a prefix and spacing, so an entry written by another program can be matched. */
  private normal(x: string): string {
    return x.split(this.prefix && `<${this.prefix}`).join("<").split(this.prefix && `</${this.prefix}`).join("</").replace(/\s+/g, " ");
  }

  private add(s: Section, xml: string): number {
    const k = this.normal(xml);
    const have = this.index[s].get(k);
    if (have !== undefined) return have;
    const i = this.items[s].length + this.added[s].length;
    this.added[s].push(xml);
    this.index[s].set(k, i);
    return i;
  }

  private numFmt(code: string): number {
    const builtin: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
    if (builtin[code] !== undefined) return builtin[code];
    const escaped = esc(code);
    const have = this.formats.get(escaped);
    if (have !== undefined) return have;
    const id = this.nextFormat++;
    this.formats.set(escaped, id);
    this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${escaped}"/>`);
    return id;
  }

  /** The cellXfs index for a layout style (0, the workbook's default, for none). */
  xf(s: CellStyle | undefined, isDate: boolean): number {
    const style = s ?? {};
    const key = JSON.stringify(style) + (isDate ? "D" : "");
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const fmtCode = style.numberFormat ?? (isDate ? "yyyy-mm-dd" : undefined);
    if (!s && !fmtCode) return 0;
    const numFmtId = fmtCode ? this.numFmt(fmtCode) : 0;
    let fontId = 0;
    if (style.bold || style.italic || style.fontSize || style.fontColor) {
      // A font entry replaces the workbook default whole: name and size keep it Calibri, as the
      // Office.js sheets are.
      fontId = this.add(
        "fonts",
        `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}<sz val="${style.fontSize ?? 11}"/>${style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`,
      );
    }
    const fillId = style.fill ? this.add("fills", `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    let borderId = 0;
    if (style.border && (style.border.top || style.border.bottom || style.border.left || style.border.right)) {
      const edge = (name: string, on?: boolean) => (on ? `<${name} style="thin"><color rgb="FF808080"/></${name}>` : `<${name}/>`);
      const b = style.border;
      borderId = this.add("borders", `<border>${edge("left", b.left)}${edge("right", b.right)}${edge("top", b.top)}${edge("bottom", b.bottom)}<diagonal/></border>`);
    }
    let align = "";
    if (style.hAlign || style.vAlign || style.wrap || style.indent) {
      const h = style.hAlign ?? (style.indent ? "left" : undefined);
      const v = style.vAlign === "middle" ? "center" : style.vAlign;
      align = `<alignment${h ? ` horizontal="${h}"` : ""}${v ? ` vertical="${v}"` : ""}${style.wrap ? ` wrapText="1"` : ""}${style.indent ? ` indent="${style.indent}"` : ""}/>`;
    }
    const applied = `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
    const xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}${align ? `>${align}</xf>` : "/>"}`;
    const i = this.add("cellXfs", xml);
    this.xfCache.set(key, i);
    return i;
  }

  /** A differential format for a conditional format's style. */
  dxf(style: Pick<CellStyle, "fill" | "fontColor" | "bold">): number {
    const font = style.fontColor || style.bold ? `<font>${style.bold ? "<b/>" : ""}${style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : ""}</font>` : "";
    const fill = style.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>` : "";
    return this.add("dxfs", `<dxf>${font}${fill}</dxf>`);
  }

  get changed(): boolean {
    return (Object.keys(this.added) as Section[]).some((s) => this.added[s].length > 0);
  }

  /** styles.xml with the new entries appended and counts updated; the same text when nothing was added. */
  toXml(): string {
    let text = this.text;
    for (const s of Object.keys(CHILD) as Section[]) {
      const extra = this.added[s];
      if (extra.length === 0) continue;
      const p = this.prefix;
      const withPrefix = p ? extra.map((x) => x.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${p}`)) : extra;
      const count = this.items[s].length + extra.length;
      const re = new RegExp(`<${p.replace(/[.]/g, "\\.")}${s}\\b([^>]*?)(/>|>([\\s\\S]*?)</${p.replace(/[.]/g, "\\.")}${s}>)`);
      const m = re.exec(text);
      if (m) {
        const attrs = /\bcount="/.test(m[1]) ? m[1].replace(/\bcount="\d*"/, `count="${count}"`) : `${m[1]} count="${count}"`;
        const body = (m[3] ?? "") + withPrefix.join("");
        text = text.slice(0, m.index) + `<${p}${s}${attrs}>${body}</${p}${s}>` + text.slice(m.index + m[0].length);
      } else {
        const el = `<${p}${s} count="${count}">${withPrefix.join("")}</${p}${s}>`;
        text = insertSection(text, p, s, el);
      }
    }
    return text;
  }
}

/** Puts a missing section before the first section that follows it in schema order. */
function insertSection(text: string, p: string, s: Section, el: string): string {
  const after = ORDER.slice(ORDER.indexOf(s) + 1);
  for (const next of after) {
    const m = new RegExp(`<${p.replace(/[.]/g, "\\.")}${next}[\\s>/]`).exec(text);
    if (m) return text.slice(0, m.index) + el + text.slice(m.index);
  }
  const close = new RegExp(`</${p.replace(/[.]/g, "\\.")}styleSheet>`).exec(text);
  if (!close) throw new Error("styles.xml has no </styleSheet>");
  return text.slice(0, close.index) + el + text.slice(close.index);
}
