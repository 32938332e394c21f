// Screenshots that are committed (the README shows them) should change only when the UI does: a new
// capture replaces the file only when its pixels differ (headless Chromium renders the same page to
// the same pixels, though its PNG encoding may vary), so running the tests does not leave a modified
// PNG behind every time.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

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
  return left.width === right.width && left.height === right.height && left.data.equals(right.data);
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
