import { sampleProduction } from "../core/sample";
import { XlsxFile } from "./xlsx/xlsxFile";
import { addTableSheet } from "./xlsx/tableEdit";

/**
 * The sample production as a new workbook: each table on its own sheet of the same name, at A1,
 * as a real Excel table (ListObject), so it reads both by table name and by sheet name.
 */
export function sampleWorkbook(): XlsxFile {
  const file = XlsxFile.create();
  for (const t of sampleProduction()) addTableSheet(file, t.name, t.name, t.headers, t.rows, { formats: t.formats });
  return file;
}
