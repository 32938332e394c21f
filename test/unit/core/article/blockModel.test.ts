import * as assert from 'node:assert/strict';
import modelData from '../../../../models/article-blocks.json';
import { BLOCK_LABELS, BlockModel, viterbi, type BlockModelData } from '../../../../src/core/article/blockModel';

describe('block model', () => {
  it('decodes by Viterbi: transitions can overrule a weak emission', () => {
    const em = [Float64Array.of(2, 0), Float64Array.of(0, 0.5), Float64Array.of(2, 0)];
    const free = [Float64Array.of(0, 0), Float64Array.of(0, 0)];
    assert.deepEqual(viterbi(em, free, Float64Array.of(0, 0)), [0, 1, 0]);
    const sticky = [Float64Array.of(1, -1), Float64Array.of(-1, 1)];
    assert.deepEqual(viterbi(em, sticky, Float64Array.of(0, 0)), [0, 0, 0]);
    assert.deepEqual(viterbi([], sticky, Float64Array.of(0, 0)), []);
  });

  it('scores features from the stored integer weights', () => {
    const data: BlockModelData = {
      format: 'news-annotator/article-blocks', version: 1, labels: [...BLOCK_LABELS], scale: 10,
      weights: { a: [10, 0, 0, 0, 0, 0], b: [0, 0, 0, 0, 20, 0] }, transitions: BLOCK_LABELS.map(() => BLOCK_LABELS.map(() => 0)), start: BLOCK_LABELS.map(() => 0),
    };
    const m = new BlockModel(data);
    assert.deepEqual([...m.scores(['a', 'b', 'unknown'])], [1, 0, 0, 0, 2, 0]);
    assert.deepEqual(m.decode([['a'], ['b']]), [0, 4]);
  });

  it('refuses a file that is not a block model, or has rows of the wrong size', () => {
    assert.throws(() => new BlockModel({ format: 'other' } as unknown as BlockModelData));
    const bad = { ...(modelData as unknown as BlockModelData), start: [0] };
    assert.throws(() => new BlockModel(bad));
  });

  it('the shipped model loads, with every label', () => {
    const m = new BlockModel(modelData as unknown as BlockModelData);
    assert.deepEqual(m.labels, BLOCK_LABELS);
  });
});
