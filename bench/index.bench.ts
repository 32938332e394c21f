// Workspace index: cold index of the BBC articles (../shared/eval/data/bbc) through the real pipeline,
// warm reopen from the snapshot, then a synthetic 20,000-article workspace (the BBC set copied nine
// times under other paths) for hover latency, re-analysis after an edit and memory. Prints
// `label: value unit` lines. NEWS_ANNOTATOR_MODEL overrides the model; NLP_MODULES (a node_modules
// folder with compromise and chrono-node) enables the compromise/chrono baseline on the same texts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArticle } from '../src/core/article';
import { ArticleExtractor } from '../src/core/extract';
import { WorkspaceIndex, type AnalyzeArticle, type WorkspaceHost } from '../src/core/index';
import { loadEntityRecognizer } from '../src/core/ner';
import { NodeWorkspaceHost } from '../src/cli/nodeWorkspaceHost';

const repo = resolve(__dirname, '..');
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
  const extractor = new ArticleExtractor(loadEntityRecognizer(readFileSync(modelPath)));
  const analyze: AnalyzeArticle = (text) => {
    const article = parseArticle(text);
    return { article, analysis: extractor.analyzeArticle(text, article) };
  };
  const host = new NodeWorkspaceHost(bbc);
  const files = (await host.listFiles()).filter((f) => !/readme/i.test(f));
  const bbcHost: WorkspaceHost = { listFiles: async () => files, readFile: (p) => host.readFile(p) };

  // Cold: every article read, hashed, parsed and analysed; yielding to the event loop as in the editor.
  const cold = new WorkspaceIndex(bbcHost, analyze, { modelVersion: 'bench' });
  let started = performance.now();
  const built = await cold.build();
  const coldMs = performance.now() - started;
  console.log(`index cold articles: ${built.indexed} articles`);
  console.log(`index cold: ${(coldMs / 1000).toFixed(2)} s`);
  console.log(`index entities: ${cold.entities().length} entities`);

  const modules = process.env.NLP_MODULES;
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

  // Warm: a new index seeded from the snapshot; files are still read and hashed, none analysed.
  const snapshot = cold.snapshot();
  console.log(`index snapshot size: ${(snapshot.length / 1e6).toFixed(1)} MB`);
  let analysedWarm = 0;
  const warm = new WorkspaceIndex(bbcHost, (t) => (analysedWarm++, analyze(t)), { modelVersion: 'bench' });
  started = performance.now();
  warm.loadSnapshot(snapshot);
  const warmBuilt = await warm.build();
  console.log(`index warm reopen from snapshot: ${((performance.now() - started) / 1000).toFixed(3)} s (${warmBuilt.fromCache} from cache, ${analysedWarm} analysed)`);

  // 20,000 articles: the BBC texts under COPIES extra prefixes. Analyses of identical texts are
  // reused (this measures the index, not the extractor), records are built per path.
  const texts = new Map<string, Uint8Array>();
  for (const f of files) texts.set(f, await host.readFile(f));
  const scaledFiles = [...files, ...Array.from({ length: COPIES }, (_, k) => files.map((f) => `copy${k}/${f}`)).flat()];
  const original = (p: string) => p.replace(/^copy\d+\//, '');
  const memo = new Map<string, ReturnType<AnalyzeArticle>>();
  const memoAnalyze: AnalyzeArticle = (text) => memo.get(text) ?? (memo.set(text, analyze(text)), memo.get(text)!);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const scaled = new WorkspaceIndex({ listFiles: async () => scaledFiles, readFile: async (p) => texts.get(original(p))! }, memoAnalyze, { modelVersion: 'bench' });
  started = performance.now();
  await scaled.build();
  console.log(`index 20k build (analyses reused): ${((performance.now() - started) / 1000).toFixed(2)} s for ${scaled.files().length} articles`);
  scaled.entities();
  gc();
  const memory = process.memoryUsage();
  console.log(`index memory at ${scaled.files().length} articles: ${((memory.heapUsed - heapBefore) / 1e6).toFixed(0)} MB index heap, ${(memory.heapUsed / 1e6).toFixed(0)} MB heap in all, ${(memory.rss / 1e6).toFixed(0)} MB rss`);

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
  scaled.updateText('edited.txt', long);
  const editMs: number[] = [];
  const editThenHoverMs: number[] = [];
  const editThenListMs: number[] = [];
  for (let i = 0; i < 60; i++) {
    const at = long.indexOf(' ', Math.floor(next() * long.length));
    const edited = long.slice(0, at) + (i % 2 ? ' very' : ' quite') + long.slice(at);
    const t = performance.now();
    scaled.updateText('edited.txt', edited);
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
}

void main();
