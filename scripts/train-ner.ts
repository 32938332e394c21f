// Trains the entity tagger (`npm run train`): an averaged structured perceptron over BILOU tags on
// CoNLL-2003 eng.train plus UNER English-EWT train (web text; path in NER_UNER_TRAIN, see
// models/README.md for where it comes from), with word signatures and casing learned from the unlabeled
// text in ../shared/eval/data, a training-data gazetteer (jackknifed over 10 folds so training features
// look like test features) and the public name lists of models/ner-gazetteer.txt. Deterministic: seeded
// shuffle, no clock or randomness elsewhere. Writes models/ner-en.bin and prints dev scores (eng.testa
// and UNER EWT dev, gold tokens) per epoch for model selection.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentCasing, FeatureExtractor, gazetteerBit, type NerLexicon } from '../src/core/ner/features';
import { encodeModel } from '../src/core/ner/modelFormat';
import { emissionScores } from '../src/core/ner/tagger';
import { ALLOWED, NUM_TAGS, spansOf, tagsOf, viterbi, type TaggedSpan } from '../src/core/ner/tags';
import { tokenize } from '../src/core/ner/tokenize';
import { readConll, readNameLists, readUner, type ConllDocument } from './ner-conll';
import { learnWordStats } from './ner-lexicon';

const root = path.resolve(__dirname, '..');
const data = path.resolve(root, '..', 'shared', 'eval', 'data');
const EPOCHS = Number(process.env.NER_EPOCHS ?? 9);
const BUCKET_BITS = Number(process.env.NER_BUCKET_BITS ?? 19);
const FOLDS = 10;
const out = process.env.NER_OUT ?? path.join(root, 'models', 'ner-en.bin');

const started = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const unerTrainPath = process.env.NER_UNER_TRAIN ?? '/work/data-cache/uner-ewt/en_ewt-ud-train.iob2';
const nameListsPath = process.env.NER_NAME_LISTS ?? path.join(root, 'models', 'ner-gazetteer.txt');
const conllTrain = readConll(path.join(data, 'conll2003', 'eng.train'));
if (!fs.existsSync(unerTrainPath)) {
  throw new Error(`UNER English-EWT train not found at ${unerTrainPath}: set NER_UNER_TRAIN (models/README.md says where to get it)`);
}
const unerTrain = readUner(unerTrainPath);
// Web text is the smaller set and the one most unlike CoNLL's Reuters news: its sentences may be seen
// more than once an epoch (the documents themselves are not repeated, so no fold sees its own names).
const UNER_REPEAT = Number(process.env.NER_UNER_REPEAT ?? 1);
const train = [...conllTrain, ...unerTrain];
const dev = readConll(path.join(data, 'conll2003', 'eng.testa'));
const unerDev = readConll(path.join(data, 'uner-ewt', 'en_ewt-ud-dev.conll'));
const nameLists = readNameLists(nameListsPath);
log(`train ${conllTrain.length} CoNLL + ${unerTrain.length} UNER docs, dev ${dev.length} + ${unerDev.length} docs, ${nameLists.size} listed name words`);

function* unlabeledSentences(): Generator<string[]> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.txt') && !/readme/i.test(entry.name)) files.push(p);
    }
  };
  walk(path.join(data, 'bbc'));
  walk(path.join(data, 'polnear', 'train', 'text'));
  walk(path.join(data, 'polnear', 'dev', 'text'));
  walk(path.join(data, 'articles-dev'));
  for (const f of files) for (const s of tokenize(fs.readFileSync(f, 'utf8'))) yield s.map((t) => t.text);
  // The CoNLL training text counts as unlabeled text too (never the dev text).
  for (const doc of train) for (const s of doc) yield s.words;
}

const SIGNATURE_WINDOW = Number(process.env.NER_SIGNATURE_WINDOW ?? 1);
const stats = learnWordStats(unlabeledSentences(), 120000, 2, SIGNATURE_WINDOW);
log(`lexicon ${stats.words.size} words`);

function gazetteerOf(docs: ConllDocument[]): Map<string, number> {
  const gaz = new Map<string, number>(nameLists);
  for (const doc of docs) {
    for (const s of doc) {
      for (const name of s.names) {
        for (let k = name.start; k < name.end; k++) {
          const position = name.end - name.start === 1 ? 3 : k === name.start ? 0 : k === name.end - 1 ? 2 : 1;
          const w = s.words[k].toLowerCase();
          gaz.set(w, (gaz.get(w) ?? 0) | gazetteerBit(name.type, position));
        }
      }
    }
  }
  return gaz;
}

interface Example {
  web?: boolean;
  rows: Int32Array;
  offsets: Int32Array;
  gold: Int32Array;
  names: TaggedSpan[];
}

function examplesOf(docs: ConllDocument[], lexicon: NerLexicon): Example[] {
  const examples: Example[] = [];
  const features = new FeatureExtractor(lexicon, BUCKET_BITS);
  for (const doc of docs) {
    const casing = documentCasing(doc.map((s) => s.words));
    for (const s of doc) {
      const { rows, offsets } = features.sentenceFeatures(s.words, casing);
      examples.push({ rows, offsets, gold: tagsOf(s.words.length, s.names), names: s.names });
    }
  }
  return examples;
}

const fullLexicon: NerLexicon & { words: Map<string, number>; gazetteer: Map<string, number> } = { ...stats, gazetteer: gazetteerOf(train) };
const trainExamples: Example[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const inFold = train.filter((_, i) => i % FOLDS === fold);
  const others = train.filter((_, i) => i % FOLDS !== fold);
  const lexicon = { ...stats, gazetteer: gazetteerOf(others) };
  trainExamples.push(...examplesOf(inFold.filter((d) => !unerTrain.includes(d)), lexicon));
  trainExamples.push(...examplesOf(inFold.filter((d) => unerTrain.includes(d)), lexicon).map((e) => ({ ...e, web: true })));
}
const devExamples = examplesOf(dev, fullLexicon);
const unerDevExamples = examplesOf(unerDev, fullLexicon);
log(`features: ${trainExamples.length} train sentences, ${devExamples.length} + ${unerDevExamples.length} dev sentences`);

const weightCount = (1 << BUCKET_BITS) * NUM_TAGS;
const weights = new Float32Array(weightCount);
const accumulated = new Float64Array(weightCount);
const transitions = new Float32Array((NUM_TAGS + 1) * NUM_TAGS);
const transitionsAcc = new Float64Array(transitions.length);
let clock = 1;

function update(example: Example, predicted: Int32Array): void {
  const { rows, offsets, gold } = example;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i];
    const p = predicted[i];
    if (g !== p) {
      for (let f = offsets[i]; f < offsets[i + 1]; f++) {
        const r = rows[f] * NUM_TAGS;
        weights[r + g] += 1;
        accumulated[r + g] += clock;
        weights[r + p] -= 1;
        accumulated[r + p] -= clock;
      }
    }
    const gt = (i === 0 ? 0 : gold[i - 1] + 1) * NUM_TAGS + g;
    const pt = (i === 0 ? 0 : predicted[i - 1] + 1) * NUM_TAGS + p;
    if (gt !== pt) {
      transitions[gt] += 1;
      transitionsAcc[gt] += clock;
      transitions[pt] -= 1;
      transitionsAcc[pt] -= clock;
    }
  }
}

function averaged(): { w: Float32Array; t: Float32Array } {
  const w = new Float32Array(weightCount);
  for (let i = 0; i < weightCount; i++) w[i] = weights[i] - accumulated[i] / clock;
  const t = new Float32Array(transitions.length);
  for (let i = 0; i < t.length; i++) t[i] = ALLOWED[i] ? transitions[i] - transitionsAcc[i] / clock : 0;
  return { w, t };
}

function score(examples: Example[], w: Float32Array, t: Float32Array): string {
  const perType = [0, 1, 2, 3].map(() => ({ tp: 0, pred: 0, gold: 0 }));
  for (const ex of examples) {
    const n = ex.gold.length;
    const predicted = spansOf(viterbi(n, emissionScores(ex.rows, ex.offsets, w, NUM_TAGS), t));
    const key = (s: TaggedSpan) => `${s.start}:${s.end}:${s.type}`;
    const gold = new Set(ex.names.map(key));
    for (const s of predicted) {
      perType[s.type].pred++;
      if (gold.has(key(s))) perType[s.type].tp++;
    }
    for (const s of ex.names) perType[s.type].gold++;
  }
  const f1 = (c: { tp: number; pred: number; gold: number }) => (2 * c.tp) / (c.pred + c.gold || 1);
  const all = perType.reduce((a, c) => ({ tp: a.tp + c.tp, pred: a.pred + c.pred, gold: a.gold + c.gold }), { tp: 0, pred: 0, gold: 0 });
  return `PER F1 ${f1(perType[0]).toFixed(4)} all F1 ${f1(all).toFixed(4)} (ORG ${f1(perType[1]).toFixed(3)} LOC ${f1(perType[2]).toFixed(3)} MISC ${f1(perType[3]).toFixed(3)})`;
}

// Seeded shuffle (mulberry32) so every run trains the same model.
let seed = 20031;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const order = trainExamples.flatMap((e, i) => (e.web ? Array.from({ length: UNER_REPEAT }, () => i) : [i]));
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let mistakes = 0;
  for (const idx of order) {
    const ex = trainExamples[idx];
    const predicted = viterbi(ex.gold.length, emissionScores(ex.rows, ex.offsets, weights, NUM_TAGS), transitions);
    let wrong = false;
    for (let i = 0; i < predicted.length; i++) if (predicted[i] !== ex.gold[i]) wrong = true;
    if (wrong) {
      mistakes++;
      update(ex, predicted);
    }
    clock++;
  }
  const { w, t } = averaged();
  log(`epoch ${epoch}: ${mistakes} sentences wrong; testa ${score(devExamples, w, t)}; UNER dev ${score(unerDevExamples, w, t)}`);
}

const { w, t } = averaged();
const bytes = encodeModel(BUCKET_BITS, NUM_TAGS, w, t, fullLexicon);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, bytes);
log(`wrote ${out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
