// Time to parse the whole BBC folder (../shared/eval/data/bbc, 2,225 articles) with the article parser.
// Goal: under 2 s. Prints `label: value unit` lines: the first (cold) pass and the best of three warm ones.
import { parseArticle } from '../src/core/article';
import { readBbcTexts } from './bbcCorpus';

const texts = readBbcTexts();
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
const timePass = () => {
  const started = performance.now();
  for (const t of texts) parseArticle(t);
  return performance.now() - started;
};
const cold = timePass();
const warm = Math.min(timePass(), timePass(), timePass());
console.log(`parse documents: ${texts.length} docs`);
console.log(`parse bytes: ${bytes} bytes`);
console.log(`parse BBC folder cold: ${cold.toFixed(0)} ms`);
console.log(`parse BBC folder warm: ${warm.toFixed(0)} ms`);
console.log(`parse throughput: ${(bytes / 1e6 / (warm / 1000)).toFixed(1)} MB/s`);
