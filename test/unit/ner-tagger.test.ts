import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentCasing, FeatureExtractor, NEIGHBOUR_OFFSETS, type DocumentCasing } from '../../src/core/ner/features';
import { decodeModel, denseWeights, type NerModel } from '../../src/core/ner/modelFormat';
import { emissionScores, packedSentenceEmissions, tagDocument } from '../../src/core/ner/tagger';
import { ALLOWED, allowedEnd, NUM_TAGS, spansOf, viterbi, type TaggedSpan } from '../../src/core/ner/tags';
import { tokenize } from '../../src/core/ner/tokenize';

const repo = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(repo, 'test', 'fixtures', name), 'utf8');

const denseByModel = new WeakMap<NerModel, Int16Array>();
function dense(model: NerModel): Int16Array {
  let table = denseByModel.get(model);
  if (!table) denseByModel.set(model, (table = denseWeights(model)));
  return table;
}

/** The plain tagging the training script does: every feature row of the dense table, summed in float64. */
function referenceTags(model: NerModel, features: FeatureExtractor, sentences: string[][], doc: DocumentCasing): TaggedSpan[][] {
  return sentences.map((words) => {
    if (!words.length) return [];
    const { rows, offsets } = features.sentenceFeatures(words, doc);
    return spansOf(viterbi(words.length, emissionScores(rows, offsets, dense(model), NUM_TAGS), model.transitions));
  });
}

/** Viterbi as plainly as it goes: every allowed predecessor in increasing order, the first best kept. */
function plainViterbi(n: number, emission: ArrayLike<number>, transition: ArrayLike<number>): number[] {
  const score: number[][] = [];
  const back: number[][] = [];
  score.push(Array.from({ length: NUM_TAGS }, (_, t) => (ALLOWED[t] ? emission[t] + transition[t] : -Infinity)));
  for (let i = 1; i < n; i++) {
    score.push([]);
    back.push([]);
    for (let t = 0; t < NUM_TAGS; t++) {
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < NUM_TAGS; p++) {
        if (!ALLOWED[(p + 1) * NUM_TAGS + t]) continue;
        const s = score[i - 1][p] + transition[(p + 1) * NUM_TAGS + t];
        if (s > top) [top, arg] = [s, p];
      }
      score[i].push(top + emission[i * NUM_TAGS + t]);
      back[i - 1].push(arg);
    }
  }
  let arg = 0; // O, which may end a sentence
  for (let t = 1; t < NUM_TAGS; t++) if (allowedEnd(t) && score[n - 1][t] > score[n - 1][arg]) arg = t;
  const tags = [arg];
  for (let i = n - 1; i > 0; i--) tags.unshift((arg = back[i - 1][arg]));
  return tags;
}

describe('NER tagger (packed weights, cached word scores)', () => {
  let model: NerModel;
  before(() => {
    model = decodeModel(readFileSync(join(repo, 'models', 'ner-en.bin')));
  });

  it('tags exactly as the dense reference on both seeds and odd sentences', () => {
    const documents = [
      fixture('000_fc681af9c8dd27c5.txt'),
      fixture('001_ef6bbce3734ab0e1.txt'),
      'HUAWEI CEO REN ZHENGFEI SPEAKS\n"I love my country," Ren said. ' + 'Very long sentence with Meng Wanzhou and '.repeat(60) + 'the end.',
      'a\n\n"\n(Reuters) - Mr. O\'Neil-Smith of São Paulo met 3M and AT&T in Washington, D.C.',
    ];
    const features = new FeatureExtractor(model.lexicon, model.bucketBits);
    let spans = 0;
    for (const text of documents) {
      const sentences = tokenize(text).map((s) => s.map((t) => t.text));
      const expected = referenceTags(model, new FeatureExtractor(model.lexicon, model.bucketBits), sentences, documentCasing(sentences));
      // The same extractor twice: the second pass runs on cached word scores.
      assert.deepEqual(tagDocument(model, features, sentences), expected);
      assert.deepEqual(tagDocument(model, features, sentences), expected);
      spans += expected.flat().length;
    }
    assert.ok(spans > 50, `the documents have names to find (${spans})`);
  });

  // Sentence edges on both sides of every token, one- and two-word sentences, words not in the lexicon.
  const oddSentences = [
    ['Ren'],
    ['Zxqvbnmk'],
    ['Huawei', 'Zxqvbnmk'],
    ['"', 'Meng', 'Wanzhou', 'said'],
    ['HUAWEI', 'CEO', 'REN', 'ZHENGFEI', 'SPEAKS'],
    ['Mr.', "O'Neil-Smith", 'of', 'São', 'Paulo', 'met', '3M', 'and', 'AT&T', 'in', 'Washington', ',', 'D.C.', 'Qqqwxz', '.'],
  ];

  it('splits every sentence feature row into word rows, case rows, neighbour rows and positional rows', () => {
    const features = new FeatureExtractor(model.lexicon, model.bucketBits);
    assert.ok(model.lexicon.words.get('zxqvbnmk') === undefined && model.lexicon.words.get('ren') !== undefined);
    const doc = documentCasing(oddSentences);
    for (const words of oddSentences) {
      const all = features.sentenceFeatures(words, doc);
      const positional = features.sentenceFeatures(words, doc, 'positional');
      for (let i = 0; i < words.length; i++) {
        const parts = [...features.wordRows(words[i]), ...features.caseRows(words, i), ...positional.rows.subarray(positional.offsets[i], positional.offsets[i + 1])];
        for (const offset of NEIGHBOUR_OFFSETS) parts.push(...features.neighbourRows(words[i + offset], offset));
        const full = [...all.rows.subarray(all.offsets[i], all.offsets[i + 1])];
        assert.deepEqual(parts.sort((a, b) => a - b), full.sort((a, b) => a - b), `${words.join(' ')} @${i}`);
      }
    }
  });

  it('gives the emission scores of the plain sum of all sentence feature rows', () => {
    const features = new FeatureExtractor(model.lexicon, model.bucketBits);
    const sentences = [...oddSentences, ...tokenize(fixture('000_fc681af9c8dd27c5.txt')).map((s) => s.map((t) => t.text))];
    const doc = documentCasing(sentences);
    // Twice: the second pass runs on cached word scores.
    for (let pass = 0; pass < 2; pass++) {
      const prepared = features.documentWords(sentences);
      sentences.forEach((words, s) => {
        const { rows, offsets } = features.sentenceFeatures(words, doc);
        const expected = [...emissionScores(rows, offsets, dense(model), NUM_TAGS)];
        const packed = [...packedSentenceEmissions(model, features, prepared, s).subarray(0, words.length * NUM_TAGS)];
        assert.deepEqual(packed, expected, words.join(' '));
      });
    }
  });

  it('finds the same document casing from cached word facts as documentCasing', () => {
    const features = new FeatureExtractor(model.lexicon, model.bucketBits);
    const documents = [
      oddSentences,
      tokenize(fixture('000_fc681af9c8dd27c5.txt')).map((s) => s.map((t) => t.text)),
      tokenize(fixture('001_ef6bbce3734ab0e1.txt')).map((s) => s.map((t) => t.text)),
      tokenize('HUAWEI CEO REN ZHENGFEI SPEAKS\n(Ren) said "Huawei" twice: Huawei, HUAWEI and huawei. ' + 'Meng Wanzhou met Ren. '.repeat(20)).map((s) => s.map((t) => t.text)),
    ];
    for (const sentences of documents) {
      const expected = documentCasing(sentences);
      assert.deepStrictEqual(features.documentWords(sentences).casing, expected);
      assert.ok(expected.capitalisedMid.size && expected.lowercase.size && expected.contexts.size);
    }
  });

  it('decodes as a plain Viterbi, ties included', () => {
    // A fixed pseudo-random sequence; few distinct scores, so many ties between paths.
    let seed = 12345;
    const next = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % k;
    for (let round = 0; round < 300; round++) {
      const n = 1 + next(12);
      const emission = Int32Array.from({ length: n * NUM_TAGS }, () => next(5) - 2);
      const transition = Float32Array.from({ length: (NUM_TAGS + 1) * NUM_TAGS }, () => (next(5) - 2) / 2);
      assert.deepEqual([...viterbi(n, emission, transition)], plainViterbi(n, emission, transition), `round ${round}`);
    }
  });

  it('leaves word rows out of sentence features on request, and only them', () => {
    const features = new FeatureExtractor(model.lexicon, model.bucketBits);
    const words = ['Ren', 'Zhengfei', 'founded', 'Huawei', '.'];
    const doc = documentCasing([words]);
    const all = features.sentenceFeatures(words, doc);
    const context = features.sentenceFeatures(words, doc, 'context');
    for (let i = 0; i < words.length; i++) {
      const own = [...features.wordRows(words[i])];
      const full = [...all.rows.subarray(all.offsets[i], all.offsets[i + 1])];
      const rest = [...context.rows.subarray(context.offsets[i], context.offsets[i + 1])];
      assert.deepEqual(full, [...own, ...rest]);
    }
  });
});
