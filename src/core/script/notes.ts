/** Breakdown marks written as notes: `[[Props: gun, badge]]`, `[[Cast: MARY]]`, `[[Script Day: 3]]`. */
import { breakdownCategory } from "./categories";
import { ElementTag } from "./model";

export interface NoteMarks {
  tags: ElementTag[];
  present: string[];
  scriptDay?: string;
}

/** `12 commuters` → 12 × commuters; `3x police car` → 3 × police car. */
export function splitQuantity(text: string): { element: string; quantity?: number } {
  const m = /^(\d{1,6})\s*(?:x\s+|×\s*|\s)(.+)$/i.exec(text.trim());
  if (m) return { element: m[2].trim(), quantity: Number(m[1]) };
  const t = /^(.+?)\s*(?:\(|x\s*)(\d{1,6})\)?$/i.exec(text.trim());
  if (t && /[x(]\s*\d+\)?$/i.test(text.trim())) return { element: t[1].trim(), quantity: Number(t[2]) };
  return { element: text.trim() };
}

/** Reads one note's text; a note that is not a breakdown mark (a writer's remark) gives nothing. */
export function readNote(text: string, into: NoteMarks): void {
  const m = /^\s*([A-Za-z][A-Za-z /&-]*?)\s*:\s*([\s\S]*)$/.exec(text);
  if (!m) return;
  const label = m[1].trim();
  const body = m[2].trim();
  if (/^(script|story)\s*day$|^day$/i.test(label)) {
    if (body) into.scriptDay = body;
    return;
  }
  const category = breakdownCategory(label);
  if (!category) return;
  for (const part of body.split(/[,;\n]/)) {
    const item = part.trim();
    if (!item) continue;
    if (category === "Cast") into.present.push(item);
    else into.tags.push({ category, ...splitQuantity(item) });
  }
}
