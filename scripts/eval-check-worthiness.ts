// Scores the check-worthy sentence ranking (src/core/claims/checkWorthiness.ts) on data in the CLEF
// CheckThat! 2019 task 1 format: a folder of TSV files, one per debate or speech, each line
// `line<TAB>speaker<TAB>sentence<TAB>label` (label 1: check-worthy). Prints, per file and overall, the
// task's measures: average precision (mean over files: MAP), R-precision and precision at 5 and 10.
// The data is not part of the repository (its licence allows research use only): pass its folder,
// for example `node --import tsx scripts/eval-check-worthiness.ts /work/data-cache/clef2019/data/test_annotated`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreSentence } from '../src/core/claims/checkWorthiness';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: eval-check-worthiness.ts FOLDER_OF_CLEF_TSV_FILES');
  process.exit(2);
}

interface Measures { ap: number; rPrecision: number; p5: number; p10: number }

function measures(ranked: readonly boolean[]): Measures {
  const relevant = ranked.filter(Boolean).length;
  let hits = 0;
  let sum = 0;
  ranked.forEach((isRelevant, i) => {
    if (!isRelevant) return;
    hits++;
    sum += hits / (i + 1);
  });
  const precisionAt = (k: number) => ranked.slice(0, k).filter(Boolean).length / k;
  return { ap: relevant ? sum / relevant : 0, rPrecision: relevant ? precisionAt(relevant) : 0, p5: precisionAt(5), p10: precisionAt(10) };
}

const files = readdirSync(folder).filter((f) => f.endsWith('.tsv')).sort();
const all: Measures[] = [];
for (const file of files) {
  const rows = readFileSync(join(folder, file), 'utf8').split(/\r?\n/).filter((l) => l.trim()).map((line) => {
    const [lineNumber, , text = '', label = '0'] = line.split('\t');
    const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
    const score = scoreSentence(text, words).reduce((s, r) => s + r.weight, 0);
    return { line: Number(lineNumber), score, relevant: label.trim() === '1' };
  });
  // Ties keep the transcript's order, as the ranking in an article does.
  const ranked = [...rows].sort((a, b) => b.score - a.score || a.line - b.line).map((r) => r.relevant);
  const m = measures(ranked);
  all.push(m);
  console.log(`${file}\t${rows.length} sentences\t${rows.filter((r) => r.relevant).length} check-worthy\tAP ${m.ap.toFixed(3)}\tR-P ${m.rPrecision.toFixed(3)}\tP@5 ${m.p5.toFixed(3)}\tP@10 ${m.p10.toFixed(3)}`);
}
const mean = (key: keyof Measures) => (all.reduce((s, m) => s + m[key], 0) / all.length).toFixed(4);
console.log(`overall (${all.length} files)\tMAP ${mean('ap')}\tR-P ${mean('rPrecision')}\tP@5 ${mean('p5')}\tP@10 ${mean('p10')}`);
