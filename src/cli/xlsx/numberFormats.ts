import { arr, attr, parseXml, XmlNode } from "./xml";

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the East Asian ones Excel maps to dates). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a format code shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const plain = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h") // elapsed time is a time
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/^general$/i.test(plain.trim())) return false;
  // The first section decides, as it does for positive numbers.
  const first = plain.split(";")[0];
  return /[dmyhs]/i.test(first) && !/^[#0.,%\s]*E[+-]/i.test(first);
}

/** Which cellXfs entries format their cells as dates. */
export function dateStyles(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const doc = parseXml(stylesXml);
  const ss = (doc.styleSheet ?? {}) as XmlNode;
  const custom = new Map<number, string>();
  for (const f of arr((ss.numFmts as XmlNode | undefined)?.numFmt)) custom.set(Number(attr(f, "numFmtId")), attr(f, "formatCode") ?? "");
  arr((ss.cellXfs as XmlNode | undefined)?.xf).forEach((xf, i) => {
    const id = Number(attr(xf, "numFmtId") ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) out.add(i);
  });
  return out;
}
