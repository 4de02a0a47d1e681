/**
 * The package-preserving .xlsx/.xlsm layer of the command line.
 *
 *   const f = XlsxFile.fromBytes(bytes)            // or XlsxFile.create() for a new workbook
 *   const input = f.readInput("show.xlsx")        // WorkbookInput for the engine (lazy tables)
 *   f.writeLayouts(layouts)                       // Prodbook's sheets, under the ownership rules
 *   f.replaceTableRows("Ledger", rows)            // a named input table's data rows; ref and filter follow
 *   f.addTableSheet("Breakdown", "Breakdown", headers, rows)  // a new input sheet holding a table
 *   f.writeValueSheet("_Prodbook Undo", grid, "veryHidden")   // a small sheet of plain values
 *   const out = f.toBytes()                       // a zip where every part not listed above is byte for byte the input's
 *
 * Nothing goes through a spreadsheet object model: the zip's parts are kept as read, and only
 * Prodbook's own sheets and the entries that list them (workbook sheets and defined names,
 * relationships, content types, styles appended to, the document properties' sheet list) change.
 */
import { CellValue, WorkbookInput } from "../../core/cells";
import { REGISTRY_HEADERS, REGISTRY_SHEET, RegistryEntry, WriteAction, describeBeside, fingerprintValues, layoutReadBackGrid, planWrites } from "../../core/layout/ownership";
import { LayoutCell, SheetLayout } from "../../core/layout/types";
import { renderLayoutXml, quoteSheet } from "./layoutSheet";
import { CT, OpcPackage, REL, addOverride, addRelationship, insertBeforeClose, isRel, readRelationships, relsPartOf, removeOverride, removeRelationships } from "./opc";
import { EMPTY_STYLES, StyleBook } from "./styleBook";
import { Range, parseRange } from "./sheetData";
import { SheetEntry, TableEntry, WorkbookReader } from "./workbook";
import { esc, escText, rootPrefix } from "./xml";
import { columnLetters } from "../../core/cells";

export interface WriteReport {
  actions: WriteAction[];
  /** Sheets removed because Prodbook made them, nobody changed them and this build has no such sheet. */
  removed: string[];
  /** One line each, for the user. */
  messages: string[];
}

/** Why a table cannot be rewritten: the message is for the user. */
export class TableEditError extends Error {}

type SheetState = "visible" | "hidden" | "veryHidden";

export class XlsxFile {
  private reader: WorkbookReader;
  private styleBook?: StyleBook;

  private constructor(readonly pkg: OpcPackage) {
    this.reader = new WorkbookReader(pkg);
  }

  /** Opens a package from its bytes; throws PackageError (or a zip error) when it is not one. */
  static fromBytes(bytes: Uint8Array): XlsxFile {
    return new XlsxFile(OpcPackage.fromZip(bytes));
  }

  /** A new, empty workbook (no sheets yet: add some before saving). */
  static create(): XlsxFile {
    const pkg = OpcPackage.empty();
    pkg.set(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${CT.relationships}"/><Default Extension="xml" ContentType="${CT.xml}"/><Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/><Override PartName="/docProps/core.xml" ContentType="${CT.core}"/><Override PartName="/docProps/app.xml" ContentType="${CT.app}"/></Types>`,
    );
    pkg.set(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL.coreProperties}" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL.extendedProperties}" Target="docProps/app.xml"/></Relationships>`,
    );
    pkg.set(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets></sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
    );
    pkg.set(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
    );
    pkg.set("xl/styles.xml", EMPTY_STYLES);
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    pkg.set(
      "docProps/core.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Prodbook</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    );
    pkg.set(
      "docProps/app.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Prodbook</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>0</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="0" baseType="lpstr"></vt:vector></TitlesOfParts></Properties>`,
    );
    return new XlsxFile(pkg);
  }

  /** The zip of the package: parts not written by Prodbook are the input's bytes. */
  toBytes(): Uint8Array {
    this.flushStyles();
    return this.pkg.toZip();
  }

  /** True for a macro-enabled workbook (.xlsm): its workbook part says so. */
  get macroEnabled(): boolean {
    const ct = this.pkg.text("[Content_Types].xml") ?? "";
    return /sheet\.macroEnabled\.main\+xml/.test(ct) || this.pkg.has("xl/vbaProject.bin");
  }

  get date1904(): boolean {
    return this.reader.date1904;
  }

  /** Every sheet's name, in tab order. */
  sheetNames(): string[] {
    return this.reader.sheets.map((s) => s.name);
  }

  sheetState(name: string): SheetState | undefined {
    return this.reader.sheet(name)?.state;
  }

  tables(): TableEntry[] {
    return this.reader.tables();
  }

  /** The read side, for callers that need single cells (`readCell`, `valueGrid`). */
  get cells(): WorkbookReader {
    return this.reader;
  }

  /** The ownership registry `_Prodbook` (Sheet | Kind | Fingerprint | Written); [] when absent. */
  registry(): RegistryEntry[] {
    if (!this.reader.sheet(REGISTRY_SHEET)) return [];
    const grid = this.reader.valueGrid(REGISTRY_SHEET);
    const text = (v: CellValue | undefined) => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v));
    return grid.slice(1).filter((row) => text(row[0]) !== "").map((row) => ({ sheet: text(row[0]), kind: text(row[1]), fingerprint: text(row[2]), written: text(row[3]) }));
  }

  /** Sheets that are Prodbook's (the registry's and the registry itself), lower-cased. */
  private ownedSheets(): Set<string> {
    const s = new Set(this.registry().map((e) => e.sheet.toLowerCase()));
    s.add(REGISTRY_SHEET.toLowerCase());
    s.add("_prodbook undo");
    return s;
  }

  /** The engine's input: the user's tables, read lazily; Prodbook's generated sheets are left out. */
  readInput(name?: string): WorkbookInput {
    return this.reader.readInput(name, this.ownedSheets());
  }

  /** Names of the sheets that hold inputs (everything but Prodbook's generated sheets and registry). */
  inputSheetNames(): string[] {
    const owned = this.ownedSheets();
    return this.reader.sheets.filter((s) => !owned.has(s.name.toLowerCase())).map((s) => s.name);
  }

  // -------------------------------------------------------------------------------------------
  // Prodbook's sheets

  /**
   * Writes generated sheets under the ownership rules: a Prodbook sheet nobody changed is
   * replaced; a changed one, or a user's sheet of the same name, is kept and the new one written
   * beside it. A Prodbook sheet this build no longer makes is removed when unchanged and kept
   * otherwise. The registry `_Prodbook` is very hidden.
   */
  writeLayouts(layouts: SheetLayout[], now: Date = new Date()): WriteReport {
    const registry = this.registry();
    const exists = (n: string) => this.reader.sheet(n) !== undefined;
    const fingerprintOf = (n: string) => (exists(n) ? fingerprintValues(this.reader.readBackGrid(this.reader.sheet(n)!.name)) : "");
    const unchanged = (e: RegistryEntry) => exists(e.sheet) && e.fingerprint === fingerprintOf(e.sheet);
    const wanted = new Set(layouts.map((l) => l.name.toLowerCase()));
    const removed: string[] = [];
    const kept: RegistryEntry[] = [];
    for (const e of registry) {
      if (!exists(e.sheet)) continue;
      // A Compare sheet is written on request (prodbook compare -o), not by build: a build keeps it.
      if (!wanted.has(e.sheet.toLowerCase()) && e.kind !== "compare" && unchanged(e)) removed.push(e.sheet);
      else kept.push(e);
    }
    const existing = this.sheetNames().filter((n) => n !== REGISTRY_SHEET && !removed.includes(n));
    const actions = planWrites(layouts, existing, kept, fingerprintOf);
    for (const name of removed) this.removeSheet(name);
    const messages: string[] = [];
    const byName = new Map(kept.map((e) => [e.sheet.toLowerCase(), e]));
    const written = now.toISOString();
    for (const a of actions) {
      if (a.action === "beside") messages.push(describeBeside(a));
      this.writeLayoutSheet(a.layout, a.name);
      byName.set(a.name.toLowerCase(), { sheet: a.name, kind: a.layout.kind, fingerprint: fingerprintValues(layoutReadBackGrid(a.layout)), written });
    }
    for (const name of removed) messages.push(`${name} was removed: this build has no such sheet and nobody had changed it.`);
    const entries = [...byName.values()].filter((e) => exists(e.sheet));
    this.writeValueSheet(REGISTRY_SHEET, [[...REGISTRY_HEADERS], ...entries.map((e) => [e.sheet, e.kind, e.fingerprint, e.written])], "veryHidden");
    // The workbook opens on what the build made, not on whatever tab was open before.
    if (actions.length) this.openOn(actions[0].name);
    return { actions, removed, messages };
  }

  /**
   * Makes `name` the tab the workbook opens on: the workbook view's activeTab, and tabSelected on
   * that sheet's view alone (two selected tabs open as a group, where every edit goes to both).
   * Other sheets' parts change only where they said tabSelected.
   */
  openOn(name: string): void {
    const idx = this.sheetIndex(name);
    if (idx < 0) return;
    const text = this.wbText().replace(/<((?:[\w.-]+:)?workbookView)\b([^>]*?)(\/?)>/, (_all, tag: string, attrs: string, close: string) => {
      let a = setAttr(`<x${attrs}>`, "activeTab", idx === 0 ? undefined : String(idx)).slice(2, -1);
      const first = /\bfirstSheet="(\d+)"/.exec(a);
      if (first && Number(first[1]) > idx) a = a.replace(/\bfirstSheet="\d+"/, `firstSheet="${idx}"`);
      return `<${tag}${a}${close}>`;
    });
    this.setWb(text);
    for (const s of this.reader.worksheets()) {
      const xml = this.pkg.text(s.part);
      if (xml === undefined) continue;
      const out = xml.replace(/<((?:[\w.-]+:)?sheetView)\b([^>]*?)(\/?)>/, (all, tag: string, attrs: string, close: string) => {
        const selected = /\btabSelected="(1|true)"/.test(attrs);
        const want = s.name.toLowerCase() === name.toLowerCase();
        if (selected === want) return all;
        const a = want ? ` tabSelected="1"${attrs}` : attrs.replace(/\s+tabSelected="[^"]*"/, "");
        return `<${tag}${a}${close}>`;
      });
      if (out !== xml) this.pkg.set(s.part, out);
    }
    this.refresh();
  }

  /** Writes one layout as sheet `name` (replacing a sheet of that name in its place, or added last). */
  writeLayoutSheet(layout: SheetLayout, name: string = layout.name, state: SheetState = "visible"): void {
    const r = renderLayoutXml(layout, this.styles(), this.reader.date1904, name);
    this.putSheet(name, r.xml, state);
    const idx = this.sheetIndex(name);
    if (r.printArea) this.addDefinedName("_xlnm.Print_Area", idx, r.printArea);
    if (r.printTitles) this.addDefinedName("_xlnm.Print_Titles", idx, r.printTitles);
  }

  /** A sheet of plain values (Prodbook's registry, the undo sheet); text stays text, dates are dates. */
  writeValueSheet(name: string, grid: CellValue[][], state: SheetState = "visible"): void {
    const cells: LayoutCell[] = [];
    grid.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        cells.push({ r: i + 1, c: j + 1, v: v instanceof Date ? { date: v.getTime() / 86_400_000 } : v });
      });
      // An all-blank row keeps its place: a styled empty cell holds it.
      if (row.every((v) => v === null || v === undefined || v === "")) cells.push({ r: i + 1, c: 1, v: null, s: { numberFormat: "@" } });
    });
    this.writeLayoutSheet({ name, kind: "schedule", cells, merges: [], columnWidths: [], conditionalFormats: [] }, name, state);
  }

  // -------------------------------------------------------------------------------------------
  // Sheets in the workbook part

  private styles(): StyleBook {
    if (!this.styleBook) {
      let part = this.reader.stylesPart();
      if (!part) {
        part = `${this.folder()}styles.xml`;
        this.pkg.set(part, EMPTY_STYLES);
        addOverride(this.pkg, part, CT.styles);
        addRelationship(this.pkg, this.reader.workbookPart, REL.styles, part);
        this.refresh();
      }
      this.styleBook = new StyleBook(this.pkg.text(part)!);
    }
    return this.styleBook;
  }

  private flushStyles(): void {
    if (this.styleBook?.changed) {
      this.pkg.set(this.reader.stylesPart()!, this.styleBook.toXml());
      this.styleBook = new StyleBook(this.pkg.text(this.reader.stylesPart()!)!);
    }
  }

  /** The workbook part's folder ("xl/"). */
  private folder(): string {
    const wb = this.reader.workbookPart;
    return wb.includes("/") ? wb.slice(0, wb.lastIndexOf("/") + 1) : "";
  }

  private refresh(): void {
    this.reader = new WorkbookReader(this.pkg);
  }

  private wbText(): string {
    return this.pkg.text(this.reader.workbookPart)!;
  }

  private setWb(text: string): void {
    this.pkg.set(this.reader.workbookPart, text);
  }

  sheetIndex(name: string): number {
    return this.reader.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Writes a worksheet part for sheet `name`: an existing sheet of that name keeps its place in
   * the tab order, its part and relationship; a new one goes last. Print names local to it go
   * (the caller writes new ones).
   */
  putSheet(name: string, xml: string, state: SheetState = "visible"): void {
    const old = this.reader.sheet(name);
    if (old && old.part && old.kind === "worksheet") {
      this.pkg.set(old.part, xml);
      const idx = this.sheetIndex(name);
      let text = this.editSheetElement(this.wbText(), idx, (el) => setAttr(el, "state", state === "visible" ? undefined : state));
      text = this.editDefinedNames(text, (n) => (n.local === idx && n.name.toLowerCase().startsWith("_xlnm.") ? null : n.xml));
      this.setWb(text);
      this.dropCalcChain([old.sheetId]);
      this.refresh();
      return;
    }
    if (old) this.removeSheet(old.name);
    const folder = `${this.folder()}worksheets/`;
    let n = 1;
    while (this.pkg.has(`${folder}sheet${n}.xml`)) n++;
    const part = `${folder}sheet${n}.xml`;
    this.pkg.set(part, xml);
    addOverride(this.pkg, part, CT.worksheet);
    const rId = addRelationship(this.pkg, this.reader.workbookPart, REL.worksheet, part);
    const text = this.wbText();
    const sheetId = Math.max(0, ...this.reader.sheets.map((s) => s.sheetId)) + 1;
    const p = rootPrefix(text, "workbook");
    const rPrefix = /<(?:[\w.-]+:)?sheet\b[^>]*?\s([\w.-]+):id="/.exec(text)?.[1] ?? "r";
    const ns = new RegExp(`xmlns:${rPrefix}=`).test(text) ? "" : ` xmlns:${rPrefix}="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
    const el = `<${p}sheet name="${esc(name)}" sheetId="${sheetId}"${state === "visible" ? "" : ` state="${state}"`} ${rPrefix}:id="${rId}"${ns}/>`;
    this.setWb(insertBeforeClose(text, "sheets", el));
    const names = this.sheetNames();
    this.refresh();
    this.updateAppTitles(names, this.sheetNames());
  }

  /** Removes a sheet, its part, relationship, content type, print names, and calculation-chain entries. */
  removeSheet(name: string): void {
    const entry = this.reader.sheet(name);
    if (!entry) return;
    const idx = this.sheetIndex(name);
    const before = this.sheetNames();
    let text = this.editSheetElement(this.wbText(), idx, () => "");
    text = this.editDefinedNames(text, (n) => {
      if (n.local === idx) return null;
      if (n.local !== undefined && n.local > idx) return n.xml.replace(/localSheetId="\d+"/, `localSheetId="${n.local - 1}"`);
      return n.xml;
    });
    // Tab indexes after the removed sheet move down one.
    text = text.replace(/<((?:[\w.-]+:)?workbookView)\b([^>]*)>/g, (_all, tag: string, attrs: string) => {
      const fix = (a: string, k: string) =>
        a.replace(new RegExp(`\\b${k}="(\\d+)"`), (_m, v: string) => {
          const i = Number(v);
          return `${k}="${i > idx ? i - 1 : i === idx ? 0 : i}"`;
        });
      return `<${tag}${fix(fix(attrs, "activeTab"), "firstSheet")}>`;
    });
    this.setWb(text);
    removeRelationships(this.pkg, this.reader.workbookPart, [entry.rId]);
    if (entry.part) {
      this.pkg.delete(entry.part);
      this.pkg.delete(relsPartOf(entry.part));
      removeOverride(this.pkg, entry.part);
    }
    this.dropCalcChain([entry.sheetId]);
    this.refresh();
    this.updateAppTitles(before, this.sheetNames());
  }

  private editSheetElement(text: string, idx: number, edit: (el: string) => string): string {
    let i = -1;
    const sheets = /<((?:[\w.-]+:)?)sheets\b[^>]*>([\s\S]*?)<\/\1sheets>/.exec(text);
    if (!sheets) return text;
    const body = sheets[2].replace(/<(?:[\w.-]+:)?sheet\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?sheet>)/g, (el) => {
      i++;
      return i === idx ? edit(el) : el;
    });
    const start = sheets.index + sheets[0].indexOf(">") + 1;
    return text.slice(0, start) + body + text.slice(start + sheets[2].length);
  }

  private editDefinedNames(text: string, edit: (n: { xml: string; name: string; local?: number }) => string | null): string {
    return text.replace(/<((?:[\w.-]+:)?)definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1definedName>)/g, (xml, _p, attrs: string) => {
      const name = /\bname="([^"]*)"/.exec(attrs)?.[1] ?? "";
      const l = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
      const out = edit({ xml, name, local: l === undefined ? undefined : Number(l) });
      return out ?? "";
    });
  }

  /** Adds a defined name (a print area, print titles) local to sheet `idx`. */
  addDefinedName(name: string, idx: number, value: string): void {
    let text = this.wbText();
    const p = rootPrefix(text, "workbook");
    const el = `<${p}definedName name="${esc(name)}" localSheetId="${idx}">${esc(value)}</${p}definedName>`;
    if (/<(?:[\w.-]+:)?definedNames\b/.test(text)) text = insertBeforeClose(text, "definedNames", el);
    else {
      const after = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
      let at = -1;
      for (const a of after) {
        const m = new RegExp(`<(?:[\\w.-]+:)?${a}[\\s>/]`).exec(text);
        if (m) {
          at = m.index;
          break;
        }
      }
      const block = `<${p}definedNames>${el}</${p}definedNames>`;
      if (at < 0) at = /<\/(?:[\w.-]+:)?workbook>/.exec(text)!.index;
      text = text.slice(0, at) + block + text.slice(at);
    }
    this.setWb(text);
  }

  /** Removes the calculation chain's entries for sheets whose formulas Prodbook rewrote (Excel rebuilds the chain). */
  private dropCalcChain(sheetIds: number[]): void {
    const rel = this.reader.workbookRels().find((r) => isRel(r, REL.calcChain) && !r.external);
    if (!rel) return;
    const text = this.pkg.text(rel.part);
    if (text === undefined) return;
    const drop = new Set(sheetIds);
    let current = 0;
    let touched = false;
    const out = text.replace(/<((?:[\w.-]+:)?)c\b([^>]*?)\/>/g, (el, p: string, attrs: string) => {
      const i = /\bi="(\d+)"/.exec(attrs)?.[1];
      const had = i !== undefined;
      if (had) current = Number(i);
      if (drop.has(current)) {
        touched = true;
        return "";
      }
      // A kept entry that relied on an earlier, removed one for its sheet says it itself.
      return had ? el : `<${p}c${attrs} i="${current}"/>`;
    });
    if (!touched) return;
    if (!/<(?:[\w.-]+:)?c\b/.test(out)) {
      // An empty chain is invalid: remove the part and what lists it.
      removeRelationships(this.pkg, this.reader.workbookPart, [rel.id]);
      this.pkg.delete(rel.part);
      removeOverride(this.pkg, rel.part);
    } else this.pkg.set(rel.part, out);
  }

  /** docProps/app.xml's list of sheet titles follows the workbook's, when it listed them as they were. */
  private updateAppTitles(before: string[], after: string[]): void {
    const rel = readRelationships(this.pkg, "").find((r) => isRel(r, REL.extendedProperties) && !r.external);
    const part = rel?.part ?? "docProps/app.xml";
    const text = this.pkg.text(part);
    if (!text) return;
    const heading = /<((?:[\w.-]+:)?)HeadingPairs>\s*<((?:[\w.-]+:)?)vector\b[^>]*>([\s\S]*?)<\/\2vector>\s*<\/\1HeadingPairs>/.exec(text);
    const titles = /<((?:[\w.-]+:)?)TitlesOfParts>\s*<((?:[\w.-]+:)?)vector\b([^>]*)>([\s\S]*?)<\/\2vector>\s*<\/\1TitlesOfParts>/.exec(text);
    if (!heading || !titles) return;
    const vt = titles[2];
    const names = [...titles[4].matchAll(/<(?:[\w.-]+:)?lpstr>([\s\S]*?)<\/(?:[\w.-]+:)?lpstr>/g)].map((m) => m[1]);
    const pairs = [...heading[3].matchAll(/<(?:[\w.-]+:)?variant>\s*<(?:[\w.-]+:)?(lpstr|i4)>([\s\S]*?)<\/(?:[\w.-]+:)?\1>\s*<\/(?:[\w.-]+:)?variant>/g)].map((m) => m[2]);
    // Pairs are (label, count); find the group that lists exactly the old sheet names.
    const escBefore = before.map((n) => escText(n));
    let offset = 0;
    for (let g = 0; g + 1 < pairs.length; g += 2) {
      const count = Number(pairs[g + 1]);
      const slice = names.slice(offset, offset + count);
      if (slice.length === escBefore.length && slice.every((n, i) => n === escBefore[i])) {
        const newNames = [...names.slice(0, offset), ...after.map((n) => escText(n)), ...names.slice(offset + count)];
        let countSeen = -1;
        const newHeading = heading[0].replace(/<((?:[\w.-]+:)?)i4>(\d+)<\/\1i4>/g, (m, p: string) => {
          countSeen++;
          return countSeen === g / 2 ? `<${p}i4>${after.length}</${p}i4>` : m;
        });
        const newTitles = `<${titles[1]}TitlesOfParts><${vt}vector${titles[3].replace(/\bsize="\d+"/, `size="${newNames.length}"`)}>${newNames.map((n) => `<${vt}lpstr>${n}</${vt}lpstr>`).join("")}</${vt}vector></${titles[1]}TitlesOfParts>`;
        this.pkg.set(part, text.replace(heading[0], () => newHeading).replace(titles[0], () => newTitles));
        return;
      }
      offset += count;
    }
  }

  /** The sheet entry of a table's sheet, with the table. */
  findTable(name: string): TableEntry | undefined {
    const key = name.toLowerCase();
    return this.reader.tables().find((t) => t.name.toLowerCase() === key);
  }

  sheetEntry(name: string): SheetEntry | undefined {
    return this.reader.sheet(name);
  }

  /** Formula text for a sheet reference, e.g. 'Top Sheet'!A1. */
  static ref(sheet: string, a1: string): string {
    return `${quoteSheet(sheet)}!${a1}`;
  }

  // Table edits live in tableEdit.ts; these give them what they need.
  /** @internal */ stylesForEdit(): StyleBook {
    return this.styles();
  }
  /** @internal */ refreshAfterEdit(): void {
    this.refresh();
  }
  /** @internal */ tableRange(name: string): Range | undefined {
    const t = this.findTable(name);
    return t ? t.ref : undefined;
  }
}

export { parseRange, columnLetters };

function setAttr(el: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  const without = el.replace(re, "");
  if (value === undefined) return without;
  return without.replace(/^<([\w.:-]+)/, `<$1 ${name}="${esc(value)}"`);
}
