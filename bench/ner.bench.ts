// Entity recognizer: model load time and tagging throughput on the unlabelled BBC articles
// (../shared/eval/data/bbc). Prints `label: value unit` lines. NEWS_ANNOTATOR_MODEL overrides the model.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEntityRecognizer } from '../src/core/ner';
import { readBbcTexts, countTokens } from './bbcCorpus';

const repo = resolve(__dirname, '..');
const modelPath = process.env.NEWS_ANNOTATOR_MODEL || join(repo, 'models', 'ner-en.bin');

const bytes = readFileSync(modelPath);
const loadStarted = performance.now();
const recognizer = loadEntityRecognizer(bytes);
const loadMs = performance.now() - loadStarted;

const texts = readBbcTexts();
const tokens = countTokens(texts);

// One warm-up pass lets the JIT settle; then the best of three timed passes.
let mentions = 0;
for (const t of texts) mentions += recognizer.recognize(t).length;
let best = Infinity;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  for (const t of texts) recognizer.recognize(t);
  best = Math.min(best, performance.now() - started);
}

console.log(`ner model size: ${(bytes.length / 1e6).toFixed(2)} MB`);
console.log(`ner model load: ${loadMs.toFixed(1)} ms`);
console.log(`ner documents: ${texts.length} docs`);
console.log(`ner mentions: ${mentions} mentions`);
console.log(`ner tagging: ${Math.round(tokens / (best / 1000))} tokens/s`);
