// Peak memory (resident set) of `node dist/cli.js extract` on one huge article: the seed articles
// repeated to BENCH_EXTRACT_MB megabytes (default 50), one JSON line on stdin. BASELINE_CLI names
// another build's cli.js (e.g. main's) to measure side by side in the same run. Needs `npm run build`.
// Prints `label: value unit` lines.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..');
const megabytes = Number(process.env.BENCH_EXTRACT_MB ?? 50);
const cli = path.join(repo, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.log(`extract memory bench: skipped (${cli} missing: run npm run build)`);
  process.exit(0);
}

const seeds = ['000_fc681af9c8dd27c5.txt', '001_ef6bbce3734ab0e1.txt'].map((f) => fs.readFileSync(path.join(repo, 'test', 'fixtures', f), 'utf8')).join('\n\n');
const parts: string[] = [];
for (let length = 0; length < megabytes * 1e6; length += seeds.length + 2) parts.push(seeds);
const text = parts.join('\n\n');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-bench-'));
const input = path.join(dir, 'article.jsonl');
fs.writeFileSync(input, `${JSON.stringify({ id: 'huge', text, date: '2019-01-15' })}\n`);

function measure(label: string, script: string): void {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', path.join(__dirname, 'lib', 'peakRss.cjs'), script, 'extract'], {
    input: fs.readFileSync(input), maxBuffer: 1 << 30, stdio: ['pipe', 'ignore', 'pipe'], encoding: 'buffer',
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = /peak-rss-bytes (\d+)/.exec(run.stderr.toString())?.[1];
  if (run.status !== 0 || peak === undefined) {
    console.log(`${label}: failed (exit ${run.status ?? run.signal})`);
    return;
  }
  console.log(`${label} peak RSS: ${(Number(peak) / 1e6).toFixed(0)} MB`);
  console.log(`${label} time: ${seconds.toFixed(1)} s`);
}

try {
  console.log(`extract input: ${(text.length / 1e6).toFixed(1)} M characters (seed articles repeated)`);
  measure('extract (this build)', cli);
  if (process.env.BASELINE_CLI) measure(`extract (baseline ${process.env.BASELINE_CLI})`, process.env.BASELINE_CLI);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
