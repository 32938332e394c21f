// Throughput of the date extractor alone on the unlabelled BBC articles (../shared/eval/data/bbc).
// Prints `label: value unit` lines. The publication date is fixed: BBC files carry none.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findDates } from '../src/core/dates';

const root = resolve(__dirname, '..', '..', 'shared', 'eval', 'data', 'bbc');

function listTexts(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listTexts(path);
      return name.endsWith('.txt') ? [readFileSync(path, 'utf8')] : [];
    });
}

const texts = listTexts(root);
const tokens = texts.reduce((sum, t) => sum + t.split(/\s+/).filter(Boolean).length, 0);

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
