import * as assert from 'node:assert';
import { type Annotation, createAnnotation, selectorsFor } from '../../../../src/core/annotations';
import {
  type LiveAnchor, anchorClosedArticle, anchorOpenArticle, editsOf, followEdits, movedAnnotations,
} from '../../../../src/core/annotations/liveAnchors';

describe('live anchors (open and closed articles)', () => {
  const text = 'Ren said the company would refuse. Analysts doubted it. Meng Wenzhou is his daughter.';
  const on = (exact: string, id: string, of = text): Annotation => {
    const start = of.indexOf(exact);
    return createAnnotation({ id, motivation: 'commenting', text: 'note', target: { source: 'a.txt', selector: selectorsFor(of, start, start + exact.length) } }, new Date('2026-01-01T00:00:00Z'));
  };
  const whole = createAnnotation({ id: 'whole', motivation: 'commenting', text: 'about it all', target: { source: 'a.txt' } }, new Date('2026-01-01T00:00:00Z'));

  it('anchors an open article once and keeps an anchor whose stored target did not change', () => {
    const anchors = new Map<string, LiveAnchor>();
    const meng = on('Meng Wenzhou', 'meng');
    anchorOpenArticle(text, [meng, whole], anchors);
    const first = anchors.get('meng');
    assert.strictEqual(first?.result.kind, 'exact');
    assert.strictEqual(first?.quote?.exact, 'Meng Wenzhou');
    anchorOpenArticle(`X${text}`, [meng], anchors);
    assert.strictEqual(anchors.get('meng'), first, 'same target: the live anchor (which follows edits) is kept');
  });

  it('orders the changes of one event from the last to the first', () => {
    const edits = editsOf([{ rangeOffset: 0, rangeLength: 0, text: 'A' }, { rangeOffset: 10, rangeLength: 2, text: '' }]);
    assert.deepStrictEqual(edits, [{ offset: 10, deletedLength: 2, insertedText: '' }, { offset: 0, deletedLength: 0, insertedText: 'A' }]);
  });

  it('moves passage anchors through edits, leaving whole-article anchors alone', () => {
    const anchors = new Map<string, LiveAnchor>();
    anchorOpenArticle(text, [on('Meng Wenzhou', 'meng'), whole], anchors);
    const inserted = 'BREAKING. ';
    const followed = followEdits(anchors, editsOf([{ rangeOffset: 0, rangeLength: 0, text: inserted }]), inserted + text);
    assert.deepStrictEqual(followed.map((f) => f.id), ['meng']);
    const start = text.indexOf('Meng Wenzhou') + inserted.length;
    assert.deepStrictEqual(anchors.get('meng')?.result, { kind: 'exact', start, end: start + 'Meng Wenzhou'.length, method: 'position' });
  });

  it('turns an anchor whose passage was deleted into an orphan', () => {
    const anchors = new Map<string, LiveAnchor>();
    anchorOpenArticle(text, [on('Meng Wenzhou', 'meng')], anchors);
    const at = text.indexOf('Meng Wenzhou is his daughter.');
    const after = text.slice(0, at);
    const [followed] = followEdits(anchors, [{ offset: at, deletedLength: text.length - at, insertedText: '' }], after);
    assert.strictEqual(followed?.after.kind, 'orphan');
  });

  it('on save, revises only the annotations whose passage moved, one millisecond later', () => {
    const anchors = new Map<string, LiveAnchor>();
    const meng = on('Meng Wenzhou', 'meng');
    const ren = on('Ren said', 'ren');
    anchorOpenArticle(text, [meng, ren], anchors);
    const saved = `${text.slice(0, text.indexOf('Meng'))}Note. ${text.slice(text.indexOf('Meng'))}`;
    followEdits(anchors, [{ offset: text.indexOf('Meng'), deletedLength: 0, insertedText: 'Note. ' }], saved);
    const moved = movedAnnotations(saved, [meng, ren], anchors);
    assert.deepStrictEqual(moved.map((a) => a.id), ['meng']);
    assert.strictEqual(moved[0]?.modified, '2026-01-01T00:00:00.001Z');
    assert.deepStrictEqual((moved[0]?.target as { selector: unknown }).selector, selectorsFor(saved, saved.indexOf('Meng Wenzhou'), saved.indexOf('Meng Wenzhou') + 12));
    assert.deepStrictEqual(movedAnnotations(saved, [moved[0] as Annotation, ren], anchors), [], 'nothing left to move');
  });

  it('re-anchors a closed article from the text last seen, and orphans all when the file is unreadable', () => {
    const meng = on('Meng Wenzhou', 'meng');
    const first = anchorClosedArticle(undefined, text, [meng, whole], new Map());
    assert.strictEqual(first.get('meng')?.result.kind, 'exact');
    const pulled = `EDITOR'S NOTE.\n\n${text}`;
    const second = anchorClosedArticle(text, pulled, [meng, whole], first);
    const start = pulled.indexOf('Meng Wenzhou');
    assert.deepStrictEqual(second.get('meng')?.result, { ...first.get('meng')?.result, start, end: start + 12 });
    const gone = anchorClosedArticle(pulled, undefined, [meng, whole], second);
    assert.deepStrictEqual([...gone.values()].map((a) => a.result.kind), ['orphan', 'orphan']);
  });
});
