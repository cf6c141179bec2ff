// Draws the extension's icon (images/icon.png, 256×256): a stack of three database disks on
// a red rounded square, with a check mark badge. Shapes are tested per pixel with 4×4
// supersampling and written as an RGBA PNG with node:zlib — no image library needed.
// Run: node scripts/draw-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SS = 4;

const RED = [200, 38, 30];
const DARK = [140, 20, 16];
const WHITE = [255, 255, 255];
const GREEN = [34, 160, 84];

/** Rounded square of the whole canvas. */
function inBackground(x, y) {
  const r = 48;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** One disk of the stack: a cylinder slice seen from slightly above. */
function disk(x, y, top) {
  const cx = 112;
  const rx = 72;
  const ry = 20;
  const h = 30;
  const side = x >= cx - rx && x <= cx + rx && y >= top && y <= top + h;
  const bottom = inEllipse(x, y, cx, top + h, rx, ry);
  const lid = inEllipse(x, y, cx, top, rx, ry);
  if (lid) return inEllipse(x, y, cx, top, rx - 6, ry - 5) ? 'lid' : 'rim';
  if (side || bottom) return 'side';
  return undefined;
}

/** Distance from a point to a segment, for the check mark's strokes. */
function segment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function colourAt(x, y) {
  if (!inBackground(x, y)) return undefined;
  // The badge: a white-ringed green disc with a white check, bottom right.
  const bx = 184;
  const by = 186;
  const d = Math.hypot(x - bx, y - by);
  if (d <= 50) {
    if (d > 42) return WHITE;
    const check = Math.min(segment(x, y, [162, 188], [178, 204]), segment(x, y, [178, 204], [208, 170]));
    return check <= 7 ? WHITE : GREEN;
  }
  // Three disks, drawn bottom first so the upper ones cover the lower.
  for (const top of [66, 112, 158]) {
    const part = disk(x, y, top);
    if (part) return part === 'lid' ? WHITE : part === 'rim' ? WHITE : top === 66 ? [245, 245, 245] : [235, 235, 235];
  }
  // Shadows between the disks.
  for (const top of [112, 158]) if (inEllipse(x, y, 112, top - 2, 74, 22)) return DARK;
  return RED;
}

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 1;
      }
    }
    const i = (py * SIZE + px) * 4;
    if (a > 0) {
      pixels[i] = Math.round(r / a);
      pixels[i + 1] = Math.round(g / a);
      pixels[i + 2] = Math.round(b / a);
    }
    pixels[i + 3] = Math.round((255 * a) / (SS * SS));
  }
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
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(new URL('../images/', import.meta.url), { recursive: true });
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
