import * as assert from 'node:assert/strict';
import { decodeArticleBytes } from '../../../src/core/decode';

const TEXT = 'Huawei’s founder — “never”, said Ren.\r\nLine two: 5G 😀';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i] = bigEndian ? unit >> 8 : unit & 0xff;
    bytes[3 + 2 * i] = bigEndian ? unit & 0xff : unit >> 8;
  }
  return bytes;
}

describe('decoding article bytes (core/decode)', () => {
  it('decodes UTF-16 with a byte order mark, little and big endian, instead of calling it binary', () => {
    assert.deepEqual(decodeArticleBytes(utf16(TEXT, false)), { ok: true, text: TEXT });
    assert.deepEqual(decodeArticleBytes(utf16(TEXT, true)), { ok: true, text: TEXT });
  });

  it('still decodes UTF-8, with or without a BOM', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    assert.deepEqual(decodeArticleBytes(utf8), { ok: true, text: TEXT });
    assert.deepEqual(decodeArticleBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])), { ok: true, text: TEXT });
  });

  it('refuses broken UTF-16, binary data and invalid UTF-8 with a reason', () => {
    assert.deepEqual(decodeArticleBytes(utf16(TEXT, false).subarray(0, 7)), { ok: false, reason: 'not valid UTF-16LE text (odd number of bytes)' });
    const loneSurrogate = utf16('a\ud800b', true);
    assert.deepEqual(decodeArticleBytes(loneSurrogate), { ok: false, reason: 'not valid UTF-16BE text' });
    assert.equal(decodeArticleBytes(utf16('a\u0000b', false)).ok, false);
    assert.deepEqual(decodeArticleBytes(new Uint8Array([0x61, 0, 0x62])), { ok: false, reason: 'binary file (contains NUL bytes), not a text article' });
    assert.deepEqual(decodeArticleBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])), { ok: false, reason: 'not valid UTF-8 text' });
  });
});
