// Draws media/icon.png (128x128): a news page with a headline bar, text lines and one highlighted
// (annotated) line on a rounded blue tile. A tiny PNG writer keeps it dependency-free and reproducible:
// `node scripts/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';

const SIZE = 128;
const TILE = [30, 64, 110];
const PAGE = [250, 250, 247];
const HEADLINE = [30, 30, 35];
const TEXT = [150, 155, 165];
const HIGHLIGHT = [255, 176, 32];

/** Coverage of the rounded tile at a pixel centre (1 inside, 0 outside, soft on the edge). */
function tileCoverage(x, y, radius = 22) {
  const cx = Math.min(Math.max(x, radius), SIZE - radius);
  const cy = Math.min(Math.max(y, radius), SIZE - radius);
  const distance = Math.hypot(x - cx, y - cy);
  return Math.max(0, Math.min(1, radius - distance + 0.5));
}

function inRect(x, y, [left, top, right, bottom]) {
  return x >= left && x < right && y >= top && y < bottom;
}

function colourAt(px, py) {
  const x = px + 0.5;
  const y = py + 0.5;
  const alpha = tileCoverage(x, y);
  let rgb = TILE;
  if (inRect(x, y, [26, 20, 102, 108])) rgb = PAGE;
  if (inRect(x, y, [34, 30, 94, 42])) rgb = HEADLINE;
  for (const top of [52, 64, 76, 88]) {
    const right = top === 88 ? 74 : 94;
    if (inRect(x, y, [34, top, right, top + 5])) rgb = top === 64 ? HIGHLIGHT : TEXT;
  }
  return [...rgb, Math.round(alpha * 255)];
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) Buffer.from(colourAt(x, y)).copy(row, 1 + x * 4);
  rows.push(row);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(import.meta.dirname, '..', 'media', 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
