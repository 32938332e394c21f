// Throughput of the quote and speaker finder alone on the unlabelled BBC articles (../shared/eval/data/bbc),
// without entities (the NER has its own bench). Prints `label: value unit` lines.
import { findQuotes } from '../src/core/quotes';
import { readBbcTexts, countTokens } from './bbcCorpus';

const texts = readBbcTexts();
const tokens = countTokens(texts);

// one warm-up pass compiles the patterns and lets the JIT settle; then the best of three timed passes
let quotes = 0;
let withSpeaker = 0;
for (const t of texts) {
  for (const q of findQuotes(t, [])) {
    quotes++;
    if (q.speaker) withSpeaker++;
  }
}
let best = Infinity;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  for (const t of texts) findQuotes(t, []);
  best = Math.min(best, performance.now() - started);
}

console.log(`quotes documents: ${texts.length} docs`);
console.log(`quotes tokens: ${tokens} tokens`);
console.log(`quotes found: ${quotes} quotes`);
console.log(`quotes with a speaker: ${withSpeaker} quotes`);
console.log(`quotes time: ${best.toFixed(0)} ms`);
console.log(`quotes throughput: ${Math.round(tokens / (best / 1000))} tokens/s`);
