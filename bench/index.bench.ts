// Workspace index: cold index of the BBC articles (../shared/eval/data/bbc) through the real pipeline
// (the worker pool the extension and the CLI use, its worker bundled as the build bundles it), warm
// reopen from the snapshot, then a synthetic 20,000-article workspace (the BBC set copied nine times
// under other paths) for hover latency, re-analysis after an edit and memory. Prints
// `label: value unit` lines. NEWS_ANNOTATOR_MODEL overrides the model; NLP_MODULES (a node_modules
// folder with compromise and chrono-node) enables the compromise/chrono baseline on the same texts.
// INDEX_BENCH_BEFORE (a checkout of an earlier version, e.g. `git archive <commit> src models`) adds a
// side-by-side cold index: its worker and model against this one, INDEX_BENCH_RUNS (default 3) runs
// each, interleaved, medians of wall and CPU time; INDEX_BENCH_COLD_ONLY=1 stops after that.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WorkspaceIndex, type AnalyzeArticle, type ArticleAnalysisResult, type WorkspaceHost } from '../src/core/index';
import { AnalysisPool, defaultPoolSize } from '../src/node/analysisPool';
import { NodeWorkspaceHost } from '../src/cli/nodeWorkspaceHost';

// The 20k part runs bundled, in a process of its own, and is told where the repository is.
const repo = process.env.INDEX_BENCH_REPO ?? resolve(__dirname, '..');
const bbc = resolve(repo, '..', 'shared', 'eval', 'data', 'bbc');
const baselineScript = resolve(repo, '..', 'shared', 'eval', 'baselines', 'compromise-chrono.mjs');
const modelPath = process.env.NEWS_ANNOTATOR_MODEL || join(repo, 'models', 'ner-en.bin');
const COPIES = 9;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A seeded generator so runs pick the same mentions and edits. */
function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

async function main(): Promise<void> {
  if (!existsSync(modelPath)) {
    console.log(`index bench: skipped (no model at ${modelPath}; run npm run train)`);
    return;
  }
  // Imported here: the bundled 20k part does not build anything and has no esbuild beside it.
  const { buildSync } = await import('esbuild');
  const workDir = mkdtempSync(join(tmpdir(), 'index-bench-'));
  const workerScript = join(workDir, 'analysisWorker.js');
  buildSync({ entryPoints: [join(repo, 'src', 'node', 'analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerScript, logLevel: 'warning' });
  const modelBytes = readFileSync(modelPath);
  const host = new NodeWorkspaceHost(bbc);
  const files = (await host.listFiles()).filter((f) => !/readme/i.test(f));
  const bbcHost: WorkspaceHost = { listFiles: async () => files, readFile: (p) => host.readFile(p) };

  /**
   * Cold: a new pool (workers started, model loaded: as at the first build after activation), then
   * every article read, hashed, analysed in the workers and linked, yielding as in the editor.
   */
  const coldIndex = (size: number) => coldIndexWith(workerScript, modelBytes, size);
  async function coldIndexWith(workerScript: string, modelBytes: Uint8Array, size: number) {
    const started = performance.now();
    const pool = new AnalysisPool({ workerScript, modelBytes, size });
    const index = new WorkspaceIndex(bbcHost, (t) => pool.analyze(t), { modelVersion: 'bench' });
    const built = await index.build();
    return { pool, index, built, ms: performance.now() - started };
  }
  const poolSize = defaultPoolSize();
  const before = process.env.INDEX_BENCH_BEFORE;
  if (before) {
    const beforeWorker = join(workDir, 'analysisWorkerBefore.js');
    buildSync({ entryPoints: [join(before, 'src', 'node', 'analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: beforeWorker, nodePaths: [join(repo, 'node_modules')], logLevel: 'warning' });
    const beforeModel = readFileSync(join(before, 'models', 'ner-en.bin'));
    const runs = Number(process.env.INDEX_BENCH_RUNS) || 3;
    for (const size of poolSize === 1 ? [1] : [poolSize, 1]) {
      const times = { before: { wall: [] as number[], cpu: [] as number[] }, now: { wall: [] as number[], cpu: [] as number[] } };
      for (let run = 0; run < runs; run++) {
        // Interleaved, so a change in the machine's load falls on both sides alike.
        for (const side of ['before', 'now'] as const) {
          const cpu = process.cpuUsage();
          const built = await coldIndexWith(side === 'before' ? beforeWorker : workerScript, side === 'before' ? beforeModel : modelBytes, size);
          const used = process.cpuUsage(cpu);
          times[side].wall.push(built.ms);
          // The process's CPU time, the workers' threads included.
          times[side].cpu.push((used.user + used.system) / 1000);
          await built.pool.dispose();
        }
      }
      const show = (ms: number[]) => `median ${(percentile(ms, 50) / 1000).toFixed(2)} s (${ms.map((m) => (m / 1000).toFixed(2)).join(', ')})`;
      for (const side of ['before', 'now'] as const) {
        console.log(`index cold ${side}, ${size} worker${size === 1 ? '' : 's'}: wall ${show(times[side].wall)}; CPU ${show(times[side].cpu)}`);
      }
    }
    if (process.env.INDEX_BENCH_COLD_ONLY === '1') {
      rmSync(workDir, { recursive: true, force: true });
      return;
    }
  }
  const cold = await coldIndex(poolSize);
  const coldMs = cold.ms;
  console.log(`index pool size: ${poolSize} workers`);
  console.log(`index cold articles: ${cold.built.indexed} articles (${cold.built.skipped.length} skipped)`);
  console.log(`index cold: ${(coldMs / 1000).toFixed(2)} s`);
  console.log(`index entities: ${cold.index.entities().length} entities`);
  if (poolSize !== 1) {
    const single = await coldIndex(1);
    console.log(`index cold with 1 worker: ${(single.ms / 1000).toFixed(2)} s`);
    await single.pool.dispose();
  }
  const pool = cold.pool;

  const modules = process.env.NLP_MODULES;
  let started: number;
  if (modules && existsSync(baselineScript)) {
    const input = (await Promise.all(files.map(async (f, i) => JSON.stringify({ id: String(i), text: new TextDecoder().decode(await host.readFile(f)), date: null })))).join('\n') + '\n';
    started = performance.now();
    const run = spawnSync(process.execPath, [baselineScript, '--modules', modules], { input, maxBuffer: 1 << 30 });
    const baselineMs = performance.now() - started;
    if (run.status === 0) {
      console.log(`baseline compromise/chrono extract, same texts: ${(baselineMs / 1000).toFixed(2)} s`);
      console.log(`index cold speed-up over baseline: ${(baselineMs / coldMs).toFixed(1)} x`);
    } else console.log(`baseline compromise/chrono: failed (${run.stderr.toString().split('\n')[0]})`);
  } else console.log('baseline compromise/chrono: not run (set NLP_MODULES to a node_modules with compromise and chrono-node)');

  // Warm: reopening the folder in a new window, so in a process of its own (as a new extension host
  // is): the snapshot file read and parsed, every file read and hashed, none analysed.
  const snapshot = cold.index.snapshot();
  console.log(`index snapshot size: ${(snapshot.length / 1e6).toFixed(1)} MB`);
  const snapshotFile = join(workDir, 'snapshot.json');
  writeFileSync(snapshotFile, snapshot);
  await pool.dispose();
  const benchScript = join(workDir, 'indexBenchParts.js');
  buildSync({ entryPoints: [__filename], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: benchScript, external: ['esbuild'], logLevel: 'warning' });
  for (let run = 0; run < 3; run++) {
    const warm = spawnSync(process.execPath, [benchScript, '--warm', snapshotFile], { stdio: 'inherit', cwd: repo, env: { ...process.env, INDEX_BENCH_REPO: repo } });
    if (warm.status !== 0) console.log(`index warm part: failed (${warm.status ?? warm.signal})`);
  }

  // The 20,000-article workspace in a process of its own, so its memory figure is that of an
  // index of that size (with its pool), not of this process's earlier indexes; bundled like the
  // extension, so the TypeScript loader of this bench is not counted either.
  const child = spawnSync(process.execPath, [benchScript, '--scale', workerScript], { stdio: 'inherit', cwd: repo, env: { ...process.env, INDEX_BENCH_REPO: repo } });
  if (child.status !== 0) console.log(`index 20k part: failed (${child.status ?? child.signal})`);
  rmSync(workDir, { recursive: true, force: true });
}

/**
 * Warm reopen in a fresh process (three runs, each printed): snapshot read and loaded, files read and
 * hashed, nothing analysed.
 */
async function warmReopen(snapshotFile: string): Promise<void> {
  const host = new NodeWorkspaceHost(bbc);
  const files = (await host.listFiles()).filter((f) => !/readme/i.test(f));
  const bbcHost: WorkspaceHost = { listFiles: async () => files, readFile: (p) => host.readFile(p) };
  let analysed = 0;
  const started = performance.now();
  const warm = new WorkspaceIndex(bbcHost, () => (analysed++, Promise.reject(new Error('the warm reopen analyses nothing'))), { modelVersion: 'bench' });
  if (!warm.loadSnapshot(readFileSync(snapshotFile, 'utf8'))) throw new Error('the snapshot was refused');
  const built = await warm.build();
  const ms = performance.now() - started;
  console.log(`index warm reopen from snapshot: ${(ms / 1000).toFixed(3)} s (${built.fromCache} from cache, ${analysed} analysed; a new process, snapshot file read included)`);
}

/** The synthetic 20,000-article workspace: build, memory, hover and edit latency. */
async function scale(workerScript: string): Promise<void> {
  const modelBytes = readFileSync(modelPath);
  const host = new NodeWorkspaceHost(bbc);
  const files = (await host.listFiles()).filter((f) => !/readme/i.test(f));
  // The editor stops extra workers after 30 s without work; the bench waits 1 s instead.
  const pool = new AnalysisPool({ workerScript, modelBytes, idleMs: 1000 });
  const analyze: AnalyzeArticle = (t) => pool.analyze(t);

  // 20,000 articles: the BBC texts under COPIES extra prefixes. Each text is analysed once (this
  // measures the index, not the extractor); every path gets its own copy of the result, as a worker's
  // structured clone would give, so no two records share objects.
  const texts = new Map<string, Uint8Array>();
  for (const f of files) texts.set(f, await host.readFile(f));
  const scaledFiles = [...files, ...Array.from({ length: COPIES }, (_, k) => files.map((f) => `copy${k}/${f}`)).flat()];
  const original = (p: string) => p.replace(/^copy\d+\//, '');
  let memo: Map<string, string> | undefined = new Map();
  const memoAnalyze: AnalyzeArticle = async (text) => {
    let json = memo?.get(text);
    if (json === undefined) {
      json = JSON.stringify(await analyze(text));
      memo?.set(text, json);
    }
    return JSON.parse(json) as ArticleAnalysisResult;
  };
  const scaled = new WorkspaceIndex({ listFiles: async () => scaledFiles, readFile: async (p) => texts.get(original(p))! }, memoAnalyze, { modelVersion: 'bench' });
  const started = performance.now();
  await scaled.build();
  console.log(`index 20k build (analyses reused): ${((performance.now() - started) / 1000).toFixed(2)} s for ${scaled.files().length} articles`);
  scaled.entities();
  // Memory with the 20k index alive and the bench's analysis memo released, once the pool is idle
  // and keeps one worker, as the editor's does 30 s after a build.
  memo = undefined;
  while (pool.running > 1) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const memory = process.memoryUsage();
  console.log(`index memory at ${scaled.files().length} articles: ${(memory.heapUsed / 1e6).toFixed(0)} MB heap after gc (${(memory.heapTotal / 1e6).toFixed(0)} MB reserved), ${(memory.rss / 1e6).toFixed(0)} MB rss (the whole process, pool idle: ${pool.running} analysis worker)`);

  // Hover: what the entity hover card asks for, at random mentions of random articles.
  const next = random(42);
  const hoverMs: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const file = scaledFiles[Math.floor(next() * scaledFiles.length)];
    const mentions = scaled.article(file)?.mentions ?? [];
    if (!mentions.length) continue;
    const offset = mentions[Math.floor(next() * mentions.length)].start;
    const t = performance.now();
    const hit = scaled.entityAt(file, offset);
    if (hit) {
      scaled.mentionCounts(hit.entity.id);
      scaled.quotesBy(hit.entity.id, 3);
      scaled.firstMention(hit.entity.id);
    }
    hoverMs.push(performance.now() - t);
  }
  console.log(`hover p50 at 20k articles: ${percentile(hoverMs, 50).toFixed(3)} ms`);
  console.log(`hover p99 at 20k articles: ${percentile(hoverMs, 99).toFixed(3)} ms`);

  // Edit: a 1,000-word article (BBC paragraphs joined) changed word by word, re-analysed each time.
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let long = '';
  for (const f of files) {
    if (words(long) >= 1000) break;
    const text = new TextDecoder().decode(texts.get(f));
    long += (long ? '\n\n' : '') + (long ? text.slice(text.indexOf('\n') + 1) : text);
  }
  long = long.split(/(\s+)/).slice(0, 1999).join('');
  await scaled.updateText('edited.txt', long);
  const editMs: number[] = [];
  const editThenHoverMs: number[] = [];
  const editThenListMs: number[] = [];
  for (let i = 0; i < 60; i++) {
    const at = long.indexOf(' ', Math.floor(next() * long.length));
    const edited = long.slice(0, at) + (i % 2 ? ' very' : ' quite') + long.slice(at);
    const t = performance.now();
    await scaled.updateText('edited.txt', edited);
    editMs.push(performance.now() - t);
    const mention = scaled.article('edited.txt')?.mentions[0];
    if (mention) {
      const h = performance.now();
      const hit = scaled.entityAt('edited.txt', mention.start);
      if (hit) scaled.mentionCounts(hit.entity.id);
      editThenHoverMs.push(performance.now() - h);
    }
    // What the sidebar asks after each update: the whole entity list.
    const l = performance.now();
    scaled.entities();
    editThenListMs.push(performance.now() - l);
  }
  console.log(`edit re-analysis of a ${words(long)}-word article p95: ${percentile(editMs, 95).toFixed(1)} ms`);
  console.log(`first hover after an edit p95: ${percentile(editThenHoverMs, 95).toFixed(2)} ms`);
  console.log(`entity list after an edit at 20k articles p95: ${percentile(editThenListMs, 95).toFixed(1)} ms`);
  await pool.dispose();
}

const scaleAt = process.argv.indexOf('--scale');
const warmAt = process.argv.indexOf('--warm');
void (scaleAt >= 0 ? scale(process.argv[scaleAt + 1]) : warmAt >= 0 ? warmReopen(process.argv[warmAt + 1]) : main());
