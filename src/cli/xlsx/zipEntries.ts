/**
 * The zip container of a package, entry by entry, so that a part Prodbook does not change is
 * never inflated or deflated: its compressed bytes go from the input to the output as they were
 * (a user's 25 MB export costs a copy, not a decompression and recompression). fflate does the
 * inflating and deflating of the parts that are read or written; this module only walks the
 * zip's directory (APPNOTE 4.3) and writes a plain one. Archives it does not handle (zip64,
 * encryption, methods other than stored and deflate) return undefined and go through fflate's
 * unzipSync as before.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  crc: number;
  size: number;
  /** The compressed bytes, a view into the input. */
  data: Uint8Array;
  /** MS-DOS time and date words, kept for the part's entry. */
  time: number;
  date: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The entries of a zip in directory order, or undefined when it is one this reader leaves to fflate. */
export function readZipEntries(zip: Uint8Array): RawEntry[] | undefined {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (u32(zip, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = u16(zip, eocd + 10);
  const cdSize = u32(zip, eocd + 12);
  let p = u32(zip, eocd + 16);
  if (count === 0xffff || p === 0xffffffff || cdSize === 0xffffffff || p + cdSize > eocd) return undefined; // zip64 or damaged
  const out: RawEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || u32(zip, p) !== 0x02014b50) return undefined;
    const flags = u16(zip, p + 8);
    const method = u16(zip, p + 10);
    const csize = u32(zip, p + 20);
    const size = u32(zip, p + 24);
    const nameLen = u16(zip, p + 28);
    const extraLen = u16(zip, p + 30);
    const commentLen = u16(zip, p + 32);
    const local = u32(zip, p + 42);
    if (flags & 1 || (method !== 0 && method !== 8) || csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return undefined;
    const name = strFromU8(zip.subarray(p + 46, p + 46 + nameLen), !(flags & 0x800));
    if (local + 30 > zip.length || u32(zip, local) !== 0x04034b50) return undefined;
    const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    if (start + csize > zip.length) return undefined;
    out.push({ name, method, crc: u32(zip, p + 16), size, data: zip.subarray(start, start + csize), time: u16(zip, p + 12), date: u16(zip, p + 14) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The uncompressed bytes of an entry. */
export function inflateEntry(e: RawEntry): Uint8Array {
  if (e.method === 0) return e.data;
  const out = inflateSync(e.data, { out: new Uint8Array(e.size) });
  if (out.length !== e.size) throw new Error(`zip entry ${e.name} inflates to ${out.length} bytes, not ${e.size}`);
  return out;
}

let CRC_TABLE: Int32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A new entry for bytes Prodbook wrote: deflated (stored when that is not smaller), stamped now. */
export function newEntry(name: string, bytes: Uint8Array, now: Date = new Date()): RawEntry {
  const level = bytes.length > 2_000_000 ? 1 : 6;
  const deflated = deflateSync(bytes, { level });
  const stored = deflated.length >= bytes.length;
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = (Math.max(0, now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  return { name, method: stored ? 0 : 8, crc: crc32(bytes), size: bytes.length, data: stored ? bytes : deflated, time, date };
}

/** A zip of the entries, in order (no zip64: over 4 GB or 65,535 entries throws). */
export function writeZip(entries: RawEntry[]): Uint8Array {
  const names = entries.map((e) => strToU8(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i].length + e.data.length));
  if (entries.length > 0xfffe || total > 0xfffffff0) throw new Error("the package is too large for a zip without zip64");
  const out = new Uint8Array(total);
  const w16 = (i: number, v: number) => {
    out[i] = v & 0xff;
    out[i + 1] = (v >>> 8) & 0xff;
  };
  const w32 = (i: number, v: number) => {
    w16(i, v & 0xffff);
    w16(i + 2, (v >>> 16) & 0xffff);
  };
  const utf8Flag = (n: Uint8Array) => (n.some((b) => b > 0x7f) ? 0x800 : 0);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    const n = names[i];
    offsets.push(p);
    w32(p, 0x04034b50);
    w16(p + 4, 20);
    w16(p + 6, utf8Flag(n));
    w16(p + 8, e.method);
    w16(p + 10, e.time);
    w16(p + 12, e.date);
    w32(p + 14, e.crc);
    w32(p + 18, e.data.length);
    w32(p + 22, e.size);
    w16(p + 26, n.length);
    w16(p + 28, 0);
    out.set(n, p + 30);
    out.set(e.data, p + 30 + n.length);
    p += 30 + n.length + e.data.length;
  });
  const cd = p;
  entries.forEach((e, i) => {
    const n = names[i];
    w32(p, 0x02014b50);
    w16(p + 4, 20);
    w16(p + 6, 20);
    w16(p + 8, utf8Flag(n));
    w16(p + 10, e.method);
    w16(p + 12, e.time);
    w16(p + 14, e.date);
    w32(p + 16, e.crc);
    w32(p + 20, e.data.length);
    w32(p + 24, e.size);
    w16(p + 28, n.length);
    // extra, comment, disk, internal and external attributes: 0
    w32(p + 42, offsets[i]);
    out.set(n, p + 46);
    p += 46 + n.length;
  });
  w32(p, 0x06054b50);
  w16(p + 8, entries.length);
  w16(p + 10, entries.length);
  w32(p + 12, p - cd);
  w32(p + 16, cd);
  return out.subarray(0, p + 22);
}
