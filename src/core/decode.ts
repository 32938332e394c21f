/** Result of turning a file's bytes into article text. */
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const strictUtf16le = new TextDecoder('utf-16le', { fatal: true });

/**
 * Decodes a file's bytes: UTF-16 when it starts with a UTF-16 byte order mark (little or big
 * endian: Windows tools save "Unicode" text so), else strict UTF-8 (dropping a BOM). Binary data
 * (NUL characters) and invalid text are refused with a reason a person can read, never decoded into
 * replacement characters.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  const bom = bytes.length >= 2 ? (bytes[0] as number) << 8 | (bytes[1] as number) : -1;
  if (bom === 0xfffe || bom === 0xfeff) return decodeUtf16(bytes.subarray(2), bom === 0xfeff);
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text article' };
  try {
    const text = strictUtf8.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}

function decodeUtf16(body: Uint8Array, bigEndian: boolean): DecodeResult {
  const name = bigEndian ? 'UTF-16BE' : 'UTF-16LE';
  if (body.length % 2 !== 0) return { ok: false, reason: `not valid ${name} text (odd number of bytes)` };
  let units = body;
  if (bigEndian) {
    // Swapped to little-endian: a 'utf-16be' TextDecoder needs full ICU, which not every runtime has.
    units = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      units[i] = body[i + 1] as number;
      units[i + 1] = body[i] as number;
    }
  }
  let text: string;
  try {
    text = strictUtf16le.decode(units);
  } catch {
    return { ok: false, reason: `not valid ${name} text` };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'binary file (contains NUL characters), not a text article' };
  return { ok: true, text };
}
