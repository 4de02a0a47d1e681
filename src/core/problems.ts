/** A problem found in the workbook: every one names where it is, so the user can go straight to it. */
export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  sheet: string;
  table: string;
  /** Excel row number (1-based), 0 when the problem belongs to the whole table. */
  row: number;
  /** Header of the column as written in the workbook, "" when none. */
  column: string;
  message: string;
  /** A1 address of the offending cell on `sheet`, when there is one (the task pane selects it). */
  cell?: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(p: Problem): void {
    this.list.push(p);
  }

  error(at: Omit<Problem, "severity" | "message">, message: string): void {
    this.list.push({ severity: "error", ...at, message });
  }

  warning(at: Omit<Problem, "severity" | "message">, message: string): void {
    this.list.push({ severity: "warning", ...at, message });
  }

  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === "error");
  }

  get errors(): Problem[] {
    return this.list.filter((p) => p.severity === "error");
  }
}

/** One line for a terminal or the task pane: `Budget!C5 (Budget, row 5, Rate): message`. */
export function describeProblem(p: Problem): string {
  const where = [p.table && p.table !== p.sheet ? `table ${p.table}` : "", p.row ? `row ${p.row}` : "", p.column]
    .filter(Boolean)
    .join(", ");
  const place = p.cell ? `${p.sheet}!${p.cell}` : p.sheet;
  return `${p.severity.toUpperCase()} ${place}${where ? ` (${where})` : ""}: ${p.message}`;
}

/** Shows a workbook value inside a message: text quoted, blanks named. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(blank)";
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "(invalid date)" : v.toISOString().slice(0, 10);
  return String(v);
}
