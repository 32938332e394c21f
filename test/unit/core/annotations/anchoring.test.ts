import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { anchorQuote, anchorTarget } from '../../../../src/core/annotations';

const SEED = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', '001_ef6bbce3734ab0e1.txt'), 'utf8');

describe('anchoring a quote without context (core/annotations/anchoring)', () => {
  it('a unique exact quote with no prefix or suffix anchors (missing context is unknown, not the text edge)', () => {
    const exact = 'the Financial Times reported';
    const start = SEED.indexOf(exact);
    assert.ok(start > 0 && SEED.indexOf(exact, start + 1) === -1);
    assert.deepEqual(anchorTarget(SEED, { source: 'a.txt', selector: [{ type: 'TextQuoteSelector', exact }] }), { kind: 'exact', start, end: start + exact.length, method: 'quote' });
  });

  it('with only a prefix or only a suffix, the known side decides', () => {
    const text = 'Ren said no. Meng said yes. Ren said no.';
    assert.deepEqual(anchorQuote(text, { type: 'TextQuoteSelector', exact: 'said', prefix: 'Meng ' }), { kind: 'exact', start: 18, end: 22, method: 'quote' });
    assert.deepEqual(anchorQuote(text, { type: 'TextQuoteSelector', exact: 'said', suffix: ' yes.' }), { kind: 'exact', start: 18, end: 22, method: 'quote' });
  });

  it('a quote alone that occurs twice stays an orphan (no guess)', () => {
    assert.deepEqual(anchorQuote('Ren said no. Ren said no.', { type: 'TextQuoteSelector', exact: 'said no' }), { kind: 'orphan', reason: 'ambiguous' });
  });

  it('an empty prefix still means the passage began the text', () => {
    const text = 'said it. He said it.';
    assert.deepEqual(anchorQuote(text, { type: 'TextQuoteSelector', exact: 'said it', prefix: '' }), { kind: 'exact', start: 0, end: 7, method: 'quote' });
  });
});
