/**
 * Arguments that arrive as Excel data types. The generated metadata sets
 * `allowCustomDataForDataTypeAny`, so a cell holding a formatted number, an entity or another
 * data type reaches an `any` parameter as its JSON object (Excel.CellValue) instead of a plain
 * value. Each becomes what the cell shows as a plain value: its `basicValue`, or for an entity
 * (whose basicValue is #VALUE!) its `text`.
 */
export function basicValue(v: unknown): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v) || v instanceof Date) return v;
  const o = v as { type?: unknown; basicValue?: unknown; basicType?: unknown; text?: unknown };
  if ((o.type === "Entity" || o.type === "LinkedEntity" || o.basicType === "Error") && typeof o.text === "string") return o.text;
  if ("basicValue" in o) return o.basicValue;
  if (typeof o.text === "string") return o.text;
  return v;
}

/** A whole argument (a value or a matrix) with every data-type cell as its basic value. */
export function basicArg<T>(a: T): T {
  if (Array.isArray(a)) return a.map((x) => (Array.isArray(x) ? x.map(basicValue) : basicValue(x))) as T;
  return basicValue(a) as T;
}

/** Every argument of a call through `basicArg`: `fn(...basicArgs(a, b))`. */
export function basicArgs<T extends unknown[]>(...args: T): T {
  return args.map(basicArg) as T;
}
