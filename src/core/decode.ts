/** Result of turning a file's bytes into article text. */
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a file's bytes as strict UTF-8 (dropping a BOM). Binary data (NUL bytes) and invalid
 * UTF-8 are refused with a reason a person can read, never decoded into replacement characters.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text article' };
  try {
    const text = strictUtf8.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}
