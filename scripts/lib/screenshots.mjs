// Screenshots that are committed (the README shows them) should change only when the UI does: a new
// capture replaces the file only when its image data differs beyond rendering noise (a caret, a
// sub-pixel of anti-aliasing), so running the tests does not leave a modified PNG behind every time.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** Share of differing bytes in the inflated image data under which two captures count as the same. */
const NOISE_RATIO = 0.002;

/** The inflated IDAT stream and size of a PNG. */
function imageData(png) {
  let width = 0;
  let height = 0;
  const idat = [];
  for (let offset = 8; offset + 8 <= png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    if (type === 'IHDR') {
      width = png.readUInt32BE(offset + 8);
      height = png.readUInt32BE(offset + 12);
    } else if (type === 'IDAT') {
      idat.push(png.subarray(offset + 8, offset + 8 + length));
    }
    offset += 12 + length;
  }
  return { width, height, data: inflateSync(Buffer.concat(idat)) };
}

function sameImage(a, b) {
  const left = imageData(a);
  const right = imageData(b);
  if (left.width !== right.width || left.height !== right.height || left.data.length !== right.data.length) return false;
  let differing = 0;
  for (let i = 0; i < left.data.length; i++) if (left.data[i] !== right.data[i]) differing++;
  return differing / left.data.length < NOISE_RATIO;
}

/**
 * Writes `png` to `file` unless the file already holds the same picture.
 * @returns {boolean} whether the file was written
 */
export function saveScreenshot(file, png) {
  if (existsSync(file)) {
    try {
      if (sameImage(readFileSync(file), png)) return false;
    } catch {
      // an unreadable old file is simply replaced
    }
  }
  writeFileSync(file, png);
  return true;
}
