import ExcelJS from "exceljs";
import { closeSync, openSync, readSync, renameSync, statSync, unlinkSync, existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError, EXIT } from "./io";
import { fixPrintAreas } from "./xlsxWriter";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function head(path: string, n: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * Why a file cannot be an .xlsx, or undefined when it starts like one (a zip). An encrypted
 * (password-protected) workbook is an OLE compound file holding an `EncryptionInfo` stream; an
 * old .xls is an OLE file too.
 */
export function sniffXlsx(path: string, bytes: Buffer, whole: () => Buffer): string | undefined {
  const name = basename(path);
  if (bytes.length === 0) return `${name} is empty (0 bytes), not an .xlsx workbook`;
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const all = whole();
    if (all.includes(Buffer.from("EncryptionInfo", "utf16le")) || all.includes(Buffer.from("EncryptedPackage", "utf16le"))) {
      return `${name} is password-protected (encrypted). Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save, and try again`;
    }
    return `${name} is an Excel 97-2003 (.xls) or other OLE file, not .xlsx. Open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx)`;
  }
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
  if (!zip) {
    const text = bytes.subarray(0, 64).toString("utf8");
    if (/^\s*</.test(text)) return `${name} is an XML or HTML file, not .xlsx. Save it from Excel or LibreOffice as Excel Workbook (.xlsx)`;
    if (/^%PDF/.test(text)) return `${name} is a PDF, not an .xlsx workbook`;
    return `${name} is not an .xlsx workbook (an .xlsx is a zip file; this is not). If it is a CSV or .ods, save it as Excel Workbook (.xlsx) first`;
  }
  return undefined;
}

export interface LoadedWorkbook {
  wb: ExcelJS.Workbook;
  path: string;
  bytes: number;
}

/** Loads an .xlsx with clear errors for a missing, foreign, encrypted or damaged file. */
export async function loadXlsx(path: string): Promise<LoadedWorkbook> {
  const full = resolve(path);
  let size: number;
  try {
    const st = statSync(full);
    if (st.isDirectory()) throw new CliError(`${path} is a folder, not an .xlsx file`, EXIT.noInput);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`No such file: ${path}`, EXIT.noInput);
    throw new CliError(`Cannot read ${path}: ${(e as Error).message}`, EXIT.noInput);
  }
  let bytes: Buffer;
  try {
    bytes = head(full, 8);
  } catch (e) {
    throw new CliError(`Cannot read ${path}: ${(e as Error).message}`, EXIT.noInput);
  }
  const wrong = sniffXlsx(full, bytes, () => readWhole(full));
  if (wrong) throw new CliError(wrong, EXIT.badFile);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(full);
  } catch (e) {
    throw new CliError(`${basename(path)} is damaged or not a valid .xlsx workbook (${short((e as Error).message)}). Open it in Excel or LibreOffice, save it again as .xlsx, and retry`, EXIT.badFile);
  }
  if (wb.worksheets.length === 0) throw new CliError(`${basename(path)} holds no worksheets; is it really an .xlsx workbook?`, EXIT.badFile);
  return { wb, path: full, bytes: size };
}

function readWhole(path: string): Buffer {
  // Only called for OLE files, to look for the encryption streams.
  const st = statSync(path);
  return head(path, Math.min(st.size, 64 * 1024 * 1024));
}

function short(msg: string): string {
  const one = msg.split("\n")[0];
  return one.length > 160 ? `${one.slice(0, 157)}...` : one;
}

/**
 * Writes the workbook to a temporary file beside the target and renames it over the target only
 * when complete, so an interrupted write never leaves a half-written workbook (or input) behind.
 */
export async function saveXlsxAtomic(wb: ExcelJS.Workbook, target: string): Promise<void> {
  const full = resolve(target);
  const dir = dirname(full);
  if (!existsSync(dir)) throw new CliError(`Cannot write ${target}: folder ${dir} does not exist`, EXIT.cannotWrite);
  const tmp = join(dir, `.${basename(full)}.${process.pid}.${Date.now()}.prodbook-tmp`);
  fixPrintAreas(wb);
  showFilterButtons(wb);
  try {
    // Fast deflate: a 300-day build saves in two thirds of the time for a slightly larger file.
    await wb.xlsx.writeFile(tmp, { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as unknown as ExcelJS.XlsxWriteOptions);
    renameSync(tmp, full);
  } catch (e) {
    try {
      if (existsSync(tmp)) unlinkSync(tmp);
    } catch {
      // the temp file is ours; if it cannot be removed there is nothing more to do
    }
    throw new CliError(`Cannot write ${target}: ${(e as Error).message}`, EXIT.cannotWrite);
  }
}

/**
 * ExcelJS loads a table's filter buttons as "unset" and then writes them as hidden, so every
 * table Excel wrote would lose its buttons on a round trip: put back the ones Excel shows.
 */
function showFilterButtons(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as ExcelJS.Table[]) {
      const m = (t as unknown as { table?: { autoFilterRef?: string; columns?: { filterButton?: boolean }[] } }).table;
      if (!m?.autoFilterRef) continue;
      for (const c of m.columns ?? []) if (c.filterButton === undefined) c.filterButton = true;
    }
  }
}

export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
