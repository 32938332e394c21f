import * as assert from 'node:assert/strict';
import { blockFeatures, folderLineKey, splitBlocks } from '../../../../src/core/article/blocks';

describe('article blocks', () => {
  it('are the non-blank lines, trimmed, with their offsets and line numbers', () => {
    const text = 'Title\n\n  By Ann Lee \r\n\nFirst paragraph.\n';
    const blocks = splitBlocks(text);
    assert.deepEqual(blocks.map((b) => b.text), ['Title', 'By Ann Lee', 'First paragraph.']);
    for (const b of blocks) assert.equal(text.slice(b.start, b.end), b.text);
    assert.deepEqual(blocks.map((b) => b.line), [0, 2, 4]);
  });

  it('fold a line to the key a folder counts it under (case, quotes, spaces)', () => {
    assert.equal(folderLineKey('  Sign Up  for “News”\u00a0Today '), 'sign up for "news" today');
    assert.equal(folderLineKey('x'.repeat(1000)).length, 200);
  });

  it('describe shape, position and neighbours, and mark a line the folder repeats', () => {
    const blocks = splitBlocks('Title of the story\n\nBy Ann Lee\n\nMarch 3, 2020\n\nThe council met on Tuesday and voted to approve the budget, which had been delayed for months by a dispute.\n\n© 2020 The Courier. All rights reserved.');
    const features = blockFeatures(blocks, (key) => (key.startsWith('©') ? 5 : 0));
    assert.equal(features.length, 5);
    assert.ok(features[0].includes('is-title'));
    assert.ok(features[1].some((f) => f.startsWith('by/')));
    assert.ok(features[2].includes('dateline'));
    assert.ok(features[3].includes('prose'));
    assert.ok(features[4].includes('copyright'));
    assert.ok(features[4].some((f) => f.startsWith('folder')));
    assert.ok(features[2].includes('n:prose'), 'the next block is prose');
  });

  it('stay linear on a huge line', () => {
    const features = blockFeatures(splitBlocks('T\n\n' + 'word '.repeat(200_000)));
    assert.equal(features.length, 2);
  });
});
