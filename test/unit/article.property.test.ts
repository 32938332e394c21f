import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/article';
import type { ParsedArticle } from '../../src/core/types';

/** Sections sorted, inside the text, non-empty and non-overlapping; spans inside the text. */
function assertWellFormed(text: string, a: ParsedArticle): void {
  let last = 0;
  for (const s of a.sections) {
    assert.ok(s.start >= last && s.start < s.end && s.end <= text.length, JSON.stringify(s));
    last = s.end;
  }
  for (const span of [a.headlineSpan, a.dateSpan, ...a.authorSpans]) {
    if (span) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length);
  }
  assert.ok(a.score >= 0 && a.score <= 1);
  if (a.date !== null) assert.match(a.date, /^\d{4}-\d{2}-\d{2}$/);
}

// Pieces that stress the parser: line breaks of every kind, NBSP, quotes, lone surrogates, furniture.
const piece = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\n', '\r\n', '\r', '\u00a0', '“', '”', '"', '\ud800', '\udc00', 'By Cathy He', 'January 15, 2019China News',
    'Leave a Reply', 'Next Post', 'From The Epoch Times', 'FAN Editor', '(Fabrice Coffrini/AFP/Getty Images)', 'REUTERS/Fabrizio Bensch/File Photo'),
);

describe('parseArticle properties', () => {
  it('is total and well-formed on arbitrary strings', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
      assertWellFormed(text, parseArticle(text));
    }), { numRuns: 600 });
  });

  it('keeps the headline equal to the first non-blank line', () => {
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join('')), (text) => {
      const a = parseArticle(text);
      const first = text.split(/\r\n|\r|\n/).map((l) => l.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g, '')).find((l) => l.length > 0);
      if (first === undefined) assert.equal(a.headline, null);
      else assert.equal(a.headline, first);
    }), { numRuns: 300 });
  });

  it('handles a 5 MB single line', () => {
    const text = 'word “quote '.repeat(450_000).slice(0, 5_000_000);
    const a = parseArticle(text);
    assertWellFormed(text, a);
    assert.equal(a.sections.length, 1);
  });

  it('handles many short lines with CRLF, NBSP and lone surrogates', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => (i % 3 ? `line\u00a0${i}\ud800` : '')).join('\r\n');
    assertWellFormed(text, parseArticle(text));
  });
});
