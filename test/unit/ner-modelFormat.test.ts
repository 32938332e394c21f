import * as assert from 'node:assert/strict';
import { LIST_BITS } from '../../src/core/ner/features';
import { decodeModel, encodeModel } from '../../src/core/ner/modelFormat';

describe('NER model format', () => {
  it('round-trips weights, lexicon and a gazetteer of listed words, looked up by hash', () => {
    const numTags = 3;
    const bucketBits = 4;
    const weights = new Float32Array((1 << bucketBits) * numTags);
    weights[5 * numTags + 1] = 2.5;
    weights[9 * numTags + 2] = -1;
    const transitions = new Float32Array((numTags + 1) * numTags).map((_, i) => i / 4);
    const gazetteer = new Map([['quellport', LIST_BITS.place], ['mara', LIST_BITS.given | 1], ['ölund', LIST_BITS.company]]);
    const words = new Map([['the', 0], ['quellport', 1]]);
    const bytes = encodeModel(bucketBits, numTags, weights, transitions, {
      words, signature: Uint32Array.of(7, 0xffffffff), caseBucket: Uint8Array.of(1, 4), gazetteer,
    });
    const model = decodeModel(bytes);
    assert.equal(model.lexicon.gazetteer.size, 3);
    for (const [w, mask] of gazetteer) assert.equal(model.lexicon.gazetteer.get(w), mask);
    assert.equal(model.lexicon.gazetteer.get('Quellport'), undefined, 'keys are lower-cased words');
    assert.equal(model.lexicon.gazetteer.get('elsewhere'), undefined);
    // Words are indexed in hash order; each keeps its own signature and case bucket.
    const q = model.lexicon.words.get('quellport')!;
    const the = model.lexicon.words.get('the')!;
    assert.deepEqual([q, the].sort(), [0, 1]);
    assert.deepEqual([model.lexicon.signature[q], model.lexicon.caseBucket[q], model.lexicon.signature[the], model.lexicon.caseBucket[the]], [0xffffffff, 4, 7, 1]);
    assert.equal(model.lexicon.words.get('quellpor'), undefined);
    assert.equal(model.rowStart.filter((r) => r >= 0).length, 2);
    assert.ok(Math.abs(model.rowWeights[model.rowStart[5] + 1] * model.scale - 2.5) < 1e-3);
    // Deterministic: the same model gives the same bytes.
    assert.deepEqual(encodeModel(bucketBits, numTags, weights, transitions, { words, signature: Uint32Array.of(7, 0xffffffff), caseBucket: Uint8Array.of(1, 4), gazetteer: new Map([...gazetteer].reverse()) }), bytes);
  });

  it('rejects bytes that are not a model, and a gazetteer running past the end', () => {
    assert.throws(() => decodeModel(new Uint8Array(40)), /bad magic/);
    const bytes = encodeModel(2, 2, new Float32Array(8), new Float32Array(6), { words: new Map(), signature: new Uint32Array(0), caseBucket: new Uint8Array(0), gazetteer: new Map([['a', 1]]) });
    assert.throws(() => decodeModel(bytes.slice(0, bytes.length - 4)), /corrupt/);
  });
});
