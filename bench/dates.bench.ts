// Throughput of the date extractor alone on the unlabelled BBC articles (../shared/eval/data/bbc).
// Prints `label: value unit` lines. The publication date is fixed: BBC files carry none.
import { findDates } from '../src/core/dates';
import { readBbcTexts, countTokens } from './bbcCorpus';

const texts = readBbcTexts();
const tokens = countTokens(texts);

// one warm-up pass compiles the patterns and lets the JIT settle; then the best of three timed passes
let mentions = 0;
for (const t of texts) mentions += findDates(t, '2005-01-15').length;
let best = Infinity;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  for (const t of texts) findDates(t, '2005-01-15');
  best = Math.min(best, performance.now() - started);
}

console.log(`dates documents: ${texts.length} docs`);
console.log(`dates tokens: ${tokens} tokens`);
console.log(`dates mentions: ${mentions} mentions`);
console.log(`dates time: ${best.toFixed(0)} ms`);
console.log(`dates throughput: ${Math.round(tokens / (best / 1000))} tokens/s`);
