// Time to parse the whole BBC folder (../shared/eval/data/bbc, 2,225 articles) with the article parser, side by
// side with the previous, rule-based parser (the one before the learned block classifier, read from git at
// PREVIOUS_PARSER_COMMIT into a temporary folder that is removed afterwards; skipped without git).
// Goal: under 2 s. Prints `label: value unit` lines: the first (cold) pass and the best of three warm ones.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArticle } from '../src/core/article';
import { readBbcTexts } from './bbcCorpus';

/** The last commit of the rule-based parser. */
const PREVIOUS_PARSER_COMMIT = 'aa5dfd5';
const PREVIOUS_FILES = ['src/core/types.ts', 'src/core/article/parser.ts', 'src/core/article/datelines.ts', 'src/core/article/lines.ts', 'src/core/article/outlets.ts'];

type Parse = (text: string) => unknown;

function previousParser(dir: string): Parse | undefined {
  try {
    const repo = resolve(__dirname, '..');
    for (const file of PREVIOUS_FILES) {
      const source = execFileSync('git', ['show', `${PREVIOUS_PARSER_COMMIT}:${file}`], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), source);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(join(dir, 'src/core/article/parser.ts')) as { parseArticle: Parse }).parseArticle;
  } catch {
    return undefined;
  }
}

const texts = readBbcTexts();
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
const timePass = (parse: Parse) => {
  const started = performance.now();
  for (const t of texts) parse(t);
  return performance.now() - started;
};
const dir = mkdtempSync(join(tmpdir(), 'news-annotator-parse-bench-'));
try {
  const previous = previousParser(dir);
  const cold = timePass(parseArticle);
  const previousCold = previous ? timePass(previous) : undefined;
  const warm = Math.min(timePass(parseArticle), timePass(parseArticle), timePass(parseArticle));
  const previousWarm = previous ? Math.min(timePass(previous), timePass(previous), timePass(previous)) : undefined;
  console.log(`parse documents: ${texts.length} docs`);
  console.log(`parse bytes: ${bytes} bytes`);
  console.log(`parse BBC folder cold: ${cold.toFixed(0)} ms`);
  console.log(`parse BBC folder warm: ${warm.toFixed(0)} ms`);
  console.log(`parse throughput: ${(bytes / 1e6 / (warm / 1000)).toFixed(1)} MB/s`);
  if (previousCold !== undefined && previousWarm !== undefined) {
    console.log(`previous parser (${PREVIOUS_PARSER_COMMIT}) BBC folder cold: ${previousCold.toFixed(0)} ms`);
    console.log(`previous parser (${PREVIOUS_PARSER_COMMIT}) BBC folder warm: ${previousWarm.toFixed(0)} ms`);
  } else console.log(`previous parser: skipped (git show ${PREVIOUS_PARSER_COMMIT} failed)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
