import { chmodSync, chownSync, closeSync, existsSync, fsyncSync, ftruncateSync, lstatSync, openSync, readFileSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError, EXIT } from "./io";
import { XlsxFile } from "./xlsx/xlsxFile";

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
  file: XlsxFile;
  path: string;
  bytes: number;
}

/** Loads an .xlsx or .xlsm package with clear errors for a missing, foreign, encrypted or damaged file. */
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
  let file: XlsxFile;
  try {
    file = XlsxFile.fromBytes(readFileSync(full));
  } catch (e) {
    throw new CliError(`${basename(path)} is damaged or not a valid .xlsx workbook (${short((e as Error).message)}). Open it in Excel or LibreOffice, save it again as .xlsx, and retry`, EXIT.badFile);
  }
  if (file.sheetNames().length === 0) throw new CliError(`${basename(path)} holds no worksheets; is it really an .xlsx workbook?`, EXIT.badFile);
  return { file, path: full, bytes: size };
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
 * The output must keep the input's kind: a macro-enabled workbook (.xlsm) written as .xlsx would
 * not open in Excel, and its macros must not be dropped.
 */
export function checkOutputKind(file: XlsxFile, input: string, output: string): void {
  if (!/\.xls[xm]$/i.test(output)) throw new CliError(`The output must be an .xlsx or .xlsm file, not ${output}`, EXIT.usage);
  const xlsm = /\.xlsm$/i.test(output);
  if (file.macroEnabled && !xlsm) throw new CliError(`${basename(input)} holds macros (a macro-enabled workbook): write it to an .xlsm file so they are kept, e.g. -o ${basename(output).replace(/\.xlsx$/i, ".xlsm")}`, EXIT.usage);
  if (!file.macroEnabled && xlsm) throw new CliError(`${basename(input)} holds no macros: write it to an .xlsx file (Excel refuses an .xlsm that is not macro-enabled)`, EXIT.usage);
}

/**
 * Saves the package. The zip is written to a temporary file beside the target first; only a
 * complete file replaces the target, and a failed save leaves no temporary file behind. An
 * existing target keeps what makes it the user's file: a symbolic link is written through to
 * the file it points at, and the file keeps its mode, owner and hard links (the temporary file
 * takes the mode and owner and is renamed over it, or, where that cannot keep them, is copied
 * over the file's own inode once complete, the original bytes put back if that fails).
 */
export async function saveXlsxAtomic(file: XlsxFile, target: string): Promise<void> {
  let full = resolve(target);
  try {
    if (lstatSync(full).isSymbolicLink()) full = realpathSync(full);
  } catch {
    // a target that does not exist yet, or a dangling link, is written where it is named
  }
  const dir = dirname(full);
  if (!existsSync(dir)) throw new CliError(`Cannot write ${target}: folder ${dir} does not exist`, EXIT.cannotWrite);
  const tmp = join(dir, `.${basename(full)}.${process.pid}.${Date.now()}.prodbook-tmp`);
  try {
    const bytes = file.toBytes();
    writeFileSync(tmp, bytes, { flag: "wx", mode: 0o600 });
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(full);
    } catch {
      st = undefined;
    }
    if (!st) {
      chmodSync(tmp, 0o666 & ~process.umask());
      renameSync(tmp, full);
      return;
    }
    let renamed = false;
    if (st.nlink === 1) {
      try {
        chmodSync(tmp, st.mode & 0o7777);
        if (typeof process.getuid === "function" && (st.uid !== process.getuid() || st.gid !== process.getgid?.())) chownSync(tmp, st.uid, st.gid);
        renameSync(tmp, full);
        renamed = true;
      } catch {
        renamed = false;
      }
    }
    if (!renamed) {
      // Hard links (or an owner we cannot give the new file): write over the file's own inode,
      // which keeps its mode, owner and every link. The complete temporary file showed there is
      // room; it goes first, so the overwrite has that room.
      unlinkSync(tmp);
      overwriteInPlace(full, bytes);
    }
  } catch (e) {
    try {
      if (existsSync(tmp)) unlinkSync(tmp);
    } catch {
      // the temp file is ours; if it cannot be removed there is nothing more to do
    }
    throw new CliError(`Cannot write ${target}: ${(e as Error).message}`, EXIT.cannotWrite);
  }
}

type WriteAt = (fd: number, buf: Uint8Array, offset: number, length: number, position: number) => number;

function writeAll(fd: number, bytes: Uint8Array, write: WriteAt): void {
  let done = 0;
  while (done < bytes.length) done += write(fd, bytes, done, bytes.length - done, done);
}

/**
 * Writes `bytes` over the file at `path` in place (same inode: mode, owner and hard links stay).
 * When the write fails part way (disk full), the file's original bytes are written back over the
 * blocks it already had and the error is rethrown, so the user's file is never left half
 * written. (fs.copyFileSync is no use here: on a failed copy it deletes the target's name.)
 * `write` is for tests.
 */
export function overwriteInPlace(path: string, bytes: Uint8Array, write: WriteAt = writeSync): void {
  const original = readFileSync(path);
  const fd = openSync(path, "r+");
  try {
    try {
      writeAll(fd, bytes, write);
      ftruncateSync(fd, bytes.length);
      fsyncSync(fd);
    } catch (e) {
      writeAll(fd, original, writeSync);
      ftruncateSync(fd, original.length);
      fsyncSync(fd);
      throw e;
    }
  } finally {
    closeSync(fd);
  }
}

export function samePath(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}
