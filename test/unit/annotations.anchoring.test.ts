import * as assert from 'node:assert';
import { anchorQuote, anchorTarget, reanchorAfterEdits, selectorsFor } from '../../src/core/annotations';

describe('annotation anchoring (examples)', () => {
  const text = 'Ren said the company would refuse. Analysts doubted it. Meng Wenzhou is his daughter. The end of the story is near.';
  const at = (exact: string) => {
    const start = text.indexOf(exact);
    return { source: 'a.txt', selector: selectorsFor(text, start, start + exact.length) };
  };

  it('keeps the stored position while it holds the quote', () => {
    assert.deepStrictEqual(anchorTarget(text, at('Meng Wenzhou')), { kind: 'exact', start: 56, end: 68, method: 'position' });
  });

  it('finds the quote elsewhere after text moved it', () => {
    const moved = `New first line.\n${text}`;
    assert.deepStrictEqual(anchorTarget(moved, at('Meng Wenzhou')), { kind: 'exact', start: 72, end: 84, method: 'quote' });
  });

  it('takes the occurrence whose context agrees, and orphans a quote it cannot tell apart', () => {
    const twice = 'Ren said no. Ren said no.';
    // Identical context either side and no position: a guess, hence an orphan.
    assert.deepStrictEqual(anchorQuote(twice, { type: 'TextQuoteSelector', exact: 'said', prefix: 'Ren ', suffix: ' no' }), { kind: 'orphan', reason: 'ambiguous' });
    // The prefix tells them apart.
    assert.deepStrictEqual(anchorQuote(twice, { type: 'TextQuoteSelector', exact: 'said', prefix: 'no. Ren ', suffix: ' no.' }), { kind: 'exact', start: 17, end: 21, method: 'quote' });
  });

  it('does not take a look-alike inside the stored context when the passage itself was edited', () => {
    // The sentence is there twice; only the first one's suffix is unique. "in" is edited to "ian": the
    // "in" of "involve" just before it is within reach of that suffix, but the prefix contradicts it.
    const sentence = 'It has attempted to involve communities in any future airport plans.';
    const doc = `${sentence}\n\nGroups object to it. Later: ${sentence} The end.`;
    const start = doc.indexOf('communities in') + 'communities '.length;
    const [quote] = selectorsFor(doc, start, start + 2);
    const edited = `${doc.slice(0, start + 1)}a${doc.slice(start + 1)}`;
    const result = reanchorAfterEdits({ start, end: start + 2 }, quote, [{ offset: start + 1, deletedLength: 0, insertedText: 'a' }], edited);
    assert.ok(result.kind === 'orphan' || (result.start >= start && result.end <= start + 3), JSON.stringify(result));
  });

  it('reports the current text of a passage edited in place, framed by its context', () => {
    const target = at('Analysts doubted it.');
    const edited = text.replace('Analysts doubted it.', 'Analysts doubted this.');
    const result = anchorTarget(edited, target);
    assert.strictEqual(result.kind, 'fuzzy');
    assert.strictEqual(result.kind === 'fuzzy' && result.currentText, 'Analysts doubted this.');
  });

  it('orphans a deleted passage instead of pinning it to a look-alike', () => {
    const doc = 'The minister said the plan would work. Later, critics said the plan would fail badly.';
    const start = doc.indexOf('said the plan would work');
    const target = { source: 'a.txt', selector: selectorsFor(doc, start, start + 'said the plan would work'.length) };
    const edited = doc.replace('The minister said the plan would work. ', '');
    assert.deepStrictEqual(anchorTarget(edited, target), { kind: 'orphan', reason: 'not-found' });
  });

  it('does not move a short quote (a name) to another mention of it when the annotated one is gone', () => {
    const doc = 'Huawei founder Ren Zhengfei spoke on Tuesday. His daughter works for Huawei in Canada.';
    const start = doc.indexOf('Huawei founder');
    const target = { source: 'a.txt', selector: selectorsFor(doc, start, start + 'Huawei'.length) };
    assert.deepStrictEqual(anchorTarget(`The telecoms giant's founder${doc.slice('Huawei founder'.length)}`, target), { kind: 'orphan', reason: 'not-found' });
    // Rewritten in place (the context still frames it): found there, with its new text.
    const corrected = anchorTarget(`Huawei's founder${doc.slice('Huawei founder'.length)}`.replace(/^Huawei's/, 'Hauwei'), target);
    assert.ok(corrected.kind !== 'exact' || corrected.start === 0, JSON.stringify(corrected));
    // Moved along with its context: still exact.
    assert.deepStrictEqual(anchorTarget(`Breaking. ${doc}`, target), { kind: 'exact', start: 10, end: 16, method: 'quote' });
  });

  it('anchors a whole-article target (no selector) to the whole text, and offsets alone only while they fit', () => {
    assert.deepStrictEqual(anchorTarget(text, { source: 'a.txt' }), { kind: 'exact', start: 0, end: text.length, method: 'position' });
    assert.deepStrictEqual(anchorTarget('short', { source: 'a.txt', selector: [{ type: 'TextPositionSelector', start: 2, end: 40 }] }), { kind: 'orphan', reason: 'no-selector' });
  });
});
