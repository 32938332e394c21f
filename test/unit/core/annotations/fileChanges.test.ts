import * as assert from 'node:assert';
import { type ArticleTarget, type PreviousAnchor, anchorTarget, changeBetween, reanchorChangedText, selectorsFor } from '../../../../src/core/annotations';

describe('re-anchoring after a file changed on disk', () => {
  const text = 'Ren said the company would refuse. Analysts doubted it. Meng Wenzhou is his daughter. Ren said the company would refuse.';
  const target = (exact: string, from = 0): ArticleTarget => {
    const start = text.indexOf(exact, from);
    return { source: 'a.txt', selector: selectorsFor(text, start, start + exact.length) };
  };
  const anchorsOf = (targets: { id: string; target: ArticleTarget }[], of: string) =>
    new Map<string, PreviousAnchor>(targets.map(({ id, target: t }) => [id, { target: t, result: anchorTarget(of, t) }]));

  it('reads the change as the one edit between the common start and end', () => {
    assert.strictEqual(changeBetween('abc', 'abc'), undefined);
    assert.deepStrictEqual(changeBetween('abcdef', 'abXYef'), { offset: 2, deletedLength: 2, insertedText: 'XY' });
    assert.deepStrictEqual(changeBetween('aaa', 'aaaa'), { offset: 3, deletedLength: 0, insertedText: 'a' });
    assert.deepStrictEqual(changeBetween('note\nbody', 'body'), { offset: 0, deletedLength: 5, insertedText: '' });
    // An emoji whose low half is shared is not split.
    assert.deepStrictEqual(changeBetween('x\u{1F600}', 'x\u{1F601}'), { offset: 1, deletedLength: 2, insertedText: '\u{1F601}' });
  });

  it('moves an anchor by text inserted above it, keeping the passage it held', () => {
    const targets = [{ id: 'meng', target: target('Meng Wenzhou') }];
    const note = 'EDITOR’S NOTE: updated.\n\n';
    const pulled = note + text;
    const results = reanchorChangedText(text, pulled, targets, anchorsOf(targets, text));
    const start = text.indexOf('Meng Wenzhou') + note.length;
    assert.deepStrictEqual(results.get('meng'), { kind: 'exact', start, end: start + 'Meng Wenzhou'.length, method: 'position' });
  });

  it('keeps the occurrence it was on when the quote repeats and the text around it changes', () => {
    // The second "Ren said the company would refuse." is the annotated one.
    const second = text.lastIndexOf('Ren said');
    const targets = [{ id: 'second', target: target('Ren said the company would refuse.', second) }];
    const pulled = `${text.slice(0, 35)}Analysts doubted it loudly. ${text.slice(56)}`;
    const result = reanchorChangedText(text, pulled, targets, anchorsOf(targets, text)).get('second');
    assert.ok(result && result.kind !== 'orphan');
    assert.strictEqual(result.start, pulled.lastIndexOf('Ren said'));
  });

  it('finds a passage the change touched again, fuzzy when it was edited, and orphans one that is gone', () => {
    const targets = [{ id: 'doubt', target: target('Analysts doubted it.') }, { id: 'meng', target: target('Meng Wenzhou is his daughter.') }];
    const edited = text.replace('Analysts doubted it.', 'Analysts doubted that.').replace('Meng Wenzhou is his daughter. ', '');
    const results = reanchorChangedText(text, edited, targets, anchorsOf(targets, text));
    const doubt = results.get('doubt');
    assert.strictEqual(doubt?.kind, 'fuzzy');
    assert.ok(doubt.kind === 'fuzzy' && edited.slice(doubt.start, doubt.end).startsWith('Analysts doubted'));
    assert.deepStrictEqual(results.get('meng'), { kind: 'orphan', reason: 'not-found' });
  });

  it('anchors from the stored selectors when there was no previous text or anchor, and a whole-article target covers the new text', () => {
    const targets = [{ id: 'meng', target: target('Meng Wenzhou') }, { id: 'whole', target: { source: 'a.txt' } }];
    const pulled = `New first line.\n${text}`;
    const results = reanchorChangedText(undefined, pulled, targets, new Map());
    assert.deepStrictEqual(results.get('meng'), anchorTarget(pulled, targets[0]!.target));
    assert.deepStrictEqual(results.get('whole'), { kind: 'exact', start: 0, end: pulled.length, method: 'position' });
    // Unchanged text, or a target changed since: anchored from the stored selectors.
    const previous = anchorsOf(targets, text);
    assert.deepStrictEqual(reanchorChangedText(text, text, targets, previous), new Map([...previous].map(([id, p]) => [id, p.result])));
    const reattached = [{ id: 'meng', target: target('Analysts doubted it.') }];
    assert.deepStrictEqual(reanchorChangedText(text, pulled, reattached, previous).get('meng'), anchorTarget(pulled, reattached[0]!.target));
  });
});
