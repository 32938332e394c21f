// Wire copies: what finding them adds to indexing. In one run, side by side: the cold index of the
// BBC articles (../shared/eval/data/bbc) through the worker pool without copies and with them, the
// signatures alone, and the heap of a 22,250-article workspace (the BBC set under ten prefixes, as
// the index bench builds it; every article then has nine exact copies, the copy index's worst case)
// without and with copies, each in a process of its own. Prints `label: value unit` lines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArticle } from '../src/core/article';
import { copySignature } from '../src/core/corpus/copies';
import { WorkspaceIndex, type ArticleAnalysisResult, type WorkspaceHost } from '../src/core/index';
import { AnalysisPool, defaultPoolSize } from '../src/node/analysisPool';
import { NodeWorkspaceHost } from '../src/cli/nodeWorkspaceHost';

const repo = process.env.COPIES_BENCH_REPO ?? resolve(__dirname, '..');
const bbc = resolve(repo, '..', 'shared', 'eval', 'data', 'bbc');
const modelPath = process.env.NEWS_ANNOTATOR_MODEL || join(repo, 'models', 'ner-en.bin');
const PREFIXES = 10;

async function bbcHost(): Promise<{ host: WorkspaceHost; files: string[] }> {
  const host = new NodeWorkspaceHost(bbc);
  const files = (await host.listFiles()).filter((f) => !/readme/i.test(f));
  return { host: { listFiles: async () => files, readFile: (p) => host.readFile(p) }, files };
}

async function main(): Promise<void> {
  if (!existsSync(modelPath)) {
    console.log(`copies bench: skipped (no model at ${modelPath}; run npm run train)`);
    return;
  }
  const { buildSync } = await import('esbuild');
  const workDir = mkdtempSync(join(tmpdir(), 'copies-bench-'));
  try {
    const workerScript = join(workDir, 'analysisWorker.js');
    buildSync({ entryPoints: [join(repo, 'src', 'node', 'analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerScript, logLevel: 'warning' });
    const modelBytes = readFileSync(modelPath);
    const { host, files } = await bbcHost();
    const analyses = new Map<string, ArticleAnalysisResult>();

    // Cold index, each with a new pool (as after activation): without copies, with, then both again,
    // three times, so a slow moment on the shared machine does not land on one side only; medians compared.
    const cold = async (copies: boolean) => {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const pool = new AnalysisPool({ workerScript, modelBytes, size: defaultPoolSize() });
      const index = new WorkspaceIndex(host, async (t) => {
        const result = await pool.analyze(t);
        analyses.set(t, result);
        return result;
      }, { modelVersion: 'bench', copies });
      await index.build();
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpuStarted);
      await pool.dispose();
      return { ms, cpuMs: (cpu.user + cpu.system) / 1000, index };
    };
    const runs: { copies: boolean; ms: number; cpuMs: number }[] = [];
    let withCopies: WorkspaceIndex | undefined;
    for (const copies of [false, true, false, true, false, true]) {
      const run = await cold(copies);
      runs.push({ copies, ms: run.ms, cpuMs: run.cpuMs });
      if (copies) withCopies = run.index;
    }
    const median = (copies: boolean, of: 'ms' | 'cpuMs' = 'ms') => runs.filter((r) => r.copies === copies).map((r) => r[of]).sort((a, b) => a - b)[1];
    const off = median(false);
    const on = median(true);
    // CPU time (main thread and workers) is what copies add; wall time on a shared machine swings with the neighbours.
    const cpuOff = median(false, 'cpuMs');
    const cpuOn = median(true, 'cpuMs');
    console.log(`copies: cold index of ${files.length} BBC articles without copies: ${(off / 1000).toFixed(2)} s (median of 3; runs ${runs.filter((r) => !r.copies).map((r) => (r.ms / 1000).toFixed(2)).join(', ')})`);
    console.log(`copies: cold index of ${files.length} BBC articles with copies: ${(on / 1000).toFixed(2)} s (median of 3; runs ${runs.filter((r) => r.copies).map((r) => (r.ms / 1000).toFixed(2)).join(', ')})`);
    console.log(`copies: cold index overhead, wall time: ${(((on - off) / off) * 100).toFixed(1)} %`);
    console.log(`copies: cold index CPU time without copies: ${(cpuOff / 1000).toFixed(2)} s, with copies: ${(cpuOn / 1000).toFixed(2)} s (medians; overhead ${(((cpuOn - cpuOff) / cpuOff) * 100).toFixed(1)} %)`);
    console.log(`copies: groups among the BBC articles: ${withCopies!.copyGroups().length} (${withCopies!.copyGroups().reduce((n, g) => n + g.files.length, 0)} articles)`);

    // The signatures alone, in this thread: what the extension host does per article on top of indexing.
    const texts = await Promise.all(files.map(async (f) => new TextDecoder().decode(await host.readFile(f))));
    const parsed = texts.map((t) => parseArticle(t));
    const signatureMs: number[] = [];
    for (let round = 0; round < 5; round++) {
      // CPU time of this thread: under a busy machine's contention wall time says more about the neighbours.
      const started = process.cpuUsage();
      for (let i = 0; i < texts.length; i++) copySignature(texts[i], parsed[i]);
      const used = process.cpuUsage(started);
      signatureMs.push((used.user + used.system) / 1000);
    }
    const fastest = Math.min(...signatureMs);
    console.log(`copies: signatures of ${texts.length} articles: ${fastest.toFixed(0)} ms CPU, fastest of 5 (${(fastest / texts.length).toFixed(3)} ms per article; ${((fastest / cpuOff) * 100).toFixed(1)} % of the cold index's CPU time)`);

    // 22,250 articles, each side in its own process, analyses reused from the cold runs.
    const analysesFile = join(workDir, 'analyses.json');
    writeFileSync(analysesFile, JSON.stringify([...analyses]));
    const script = join(workDir, 'copiesBenchScale.js');
    buildSync({ entryPoints: [__filename], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: script, external: ['esbuild'], logLevel: 'warning' });
    for (const copies of [false, true]) {
      const child = spawnSync(process.execPath, [script, '--scale', analysesFile, String(copies)], { stdio: 'inherit', cwd: repo, env: { ...process.env, COPIES_BENCH_REPO: repo } });
      if (child.status !== 0) console.log(`copies: scale part failed (${child.status ?? child.signal})`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function scale(analysesFile: string, copies: boolean): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const { host, files } = await bbcHost();
  let analyses: Map<string, string> | undefined = new Map((JSON.parse(readFileSync(analysesFile, 'utf8')) as [string, ArticleAnalysisResult][]).map(([t, r]) => [t, JSON.stringify(r)]));
  const texts = new Map<string, Uint8Array>();
  for (const f of files) texts.set(f, await host.readFile(f));
  const scaled = [...files, ...Array.from({ length: PREFIXES - 1 }, (_, k) => files.map((f) => `copy${k}/${f}`)).flat()];
  const original = (p: string) => p.replace(/^copy\d+\//, '');
  const index = new WorkspaceIndex(
    { listFiles: async () => scaled, readFile: async (p) => texts.get(original(p))! },
    (text) => JSON.parse(analyses!.get(text)!) as ArticleAnalysisResult,
    { modelVersion: 'bench', copies, yieldToHost: () => Promise.resolve(), sliceMs: 1e9 },
  );
  const started = performance.now();
  await index.build();
  const buildMs = performance.now() - started;
  const groupsStarted = performance.now();
  const groups = index.copyGroups();
  const groupsMs = performance.now() - groupsStarted;
  index.entities();
  analyses = undefined;
  gc();
  const memory = process.memoryUsage();
  const label = copies ? 'with copies' : 'without copies';
  console.log(`copies: ${index.files().length} articles ${label}: build ${(buildMs / 1000).toFixed(2)} s (analyses reused), heap after gc ${(memory.heapUsed / 1e6).toFixed(0)} MB, external ${(memory.external / 1e6).toFixed(0)} MB, rss ${(memory.rss / 1e6).toFixed(0)} MB`);
  if (copies) {
    console.log(`copies: groups at ${index.files().length} articles: ${groups.length} (first listing ${groupsMs.toFixed(0)} ms)`);
    // An edit: one article changes; its signature is replaced and the groups rebuilt on the next ask.
    const file = scaled[123];
    const text = new TextDecoder().decode(texts.get(original(file))) + '\n\nA new closing paragraph written by the editor of this copy for the bench.\n';
    analyses = new Map([[text, JSON.stringify(parseOnly(text))]]);
    const t = performance.now();
    await index.updateText(file, text);
    index.copyGroups();
    console.log(`copies: one edit at ${index.files().length} articles, signature and groups again: ${(performance.now() - t).toFixed(1)} ms`);
  }
}

function parseOnly(text: string): ArticleAnalysisResult {
  return { article: parseArticle(text), analysis: { entities: [], dates: [], quotes: [] } };
}

const scaleAt = process.argv.indexOf('--scale');
void (scaleAt >= 0 ? scale(process.argv[scaleAt + 1], process.argv[scaleAt + 2] === 'true') : main());
