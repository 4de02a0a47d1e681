// Draws Prodbook's icons (a clapperboard whose slate is a stripboard) and writes them as PNGs
// with nothing but zlib, so the assets can be regenerated offline:
//   node scripts/make-icons.mjs
// Output: assets/icon-16.png, icon-32.png, icon-64.png, icon-80.png, icon-128.png, logo-filled.png.
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "assets");

// Strip colours of the trade: INT DAY white, EXT DAY yellow, INT NIGHT blue, EXT NIGHT green.
const SLATE = [0x1f, 0x2a, 0x33];
const CLAPPER_DARK = [0x22, 0x22, 0x22];
const CLAPPER_LIGHT = [0xf4, 0xf4, 0xf4];
const STRIPS = [
  [0xff, 0xff, 0xff],
  [0xff, 0xd8, 0x3d],
  [0x4a, 0x8f, 0xe7],
  [0x3c, 0xb3, 0x71],
];

/** Colour (RGBA, 0..255) of the icon at the unit-square point (x, y), y downwards. */
function paint(x, y) {
  const inRoundRect = (x0, y0, x1, y1, r) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  // Clapper stick: a band tilted up a little, with diagonal stripes.
  const tilt = -0.12;
  const ty = y - tilt * (x - 0.08);
  if (x >= 0.06 && x <= 0.94 && ty >= 0.08 && ty <= 0.27) {
    const stripe = Math.floor((x + ty) / 0.16) % 2 === 0;
    return [...(stripe ? CLAPPER_LIGHT : CLAPPER_DARK), 255];
  }
  if (inRoundRect(0.06, 0.3, 0.94, 0.94, 0.07)) {
    // The slate: four strips with a dark margin, like a stripboard.
    const top = 0.38;
    const h = 0.11;
    for (let i = 0; i < STRIPS.length; i++) {
      const y0 = top + i * (h + 0.025);
      if (x >= 0.14 && x <= 0.86 && y >= y0 && y <= y0 + h) return [...STRIPS[i], 255];
    }
    return [...SLATE, 255];
  }
  return [0, 0, 0, 0];
}

/** Renders a size×size RGBA image with 8×8 supersampling so small icons stay crisp. */
function render(size) {
  const n = 8;
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const c = paint((i + (si + 0.5) / n) / size, (j + (sj + 0.5) / n) / size);
          // Premultiplied accumulation keeps transparent edges from darkening.
          r += (c[0] * c[3]) / 255;
          g += (c[1] * c[3]) / 255;
          b += (c[2] * c[3]) / 255;
          a += c[3];
        }
      }
      const k = (j * size + i) * 4;
      const alpha = a / (n * n);
      px[k] = alpha ? Math.round((r / (n * n)) * (255 / alpha)) : 0;
      px[k + 1] = alpha ? Math.round((g / (n * n)) * (255 / alpha)) : 0;
      px[k + 2] = alpha ? Math.round((b / (n * n)) * (255 / alpha)) : 0;
      px[k + 3] = Math.round(alpha);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as an 8-bit truecolour-with-alpha PNG (filter 0 on every row). */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
const files = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["icon-128.png", 128],
  ["logo-filled.png", 300],
];
for (const [name, size] of files) {
  writeFileSync(join(outDir, name), encodePng(size, render(size)));
  console.log(`assets/${name} ${size}x${size}`);
}
