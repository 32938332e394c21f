// Corrections: what adding an annotation costs the extension host with the 2,225 BBC articles
// indexed. The comments feature hands the index every stored correction after each store change
// (`correctionsOf` over the annotations, `indexCorrectionsFrom`, `WorkspaceIndex.applyCorrections`);
// the views then re-read the files the index says changed. Measured for a plain comment (the
// corrections are those in force) and for a new "not an entity" and "merge with" correction, with
// 200 annotations of which 20 are corrections. Prints `label: value unit` lines; the same file runs
// against an earlier commit (it uses only the core's public entry points) for a side-by-side figure.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Annotation, correctionsOf, createAnnotation, createCorrection, selectorsFor } from '../src/core/annotations';
import { WorkspaceIndex, indexCorrectionsFrom, type WorkspaceHost } from '../src/core/index';
import { AnalysisPool, defaultPoolSize } from '../src/node/analysisPool';
import { NodeWorkspaceHost } from '../src/cli/nodeWorkspaceHost';

const repo = process.env.INDEX_BENCH_REPO ?? resolve(__dirname, '..');
const bbc = resolve(repo, '..', 'shared', 'eval', 'data', 'bbc');
const modelPath = process.env.NEWS_ANNOTATOR_MODEL || join(repo, 'models', 'ner-en.bin');
const ROUNDS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  const { buildSync } = await import('esbuild');
  const workerScript = join(repo, 'dist', 'corrections-bench-worker.js');
  buildSync({ entryPoints: [join(repo, 'src', 'node', 'analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerScript, logLevel: 'warning' });
  const disk = new NodeWorkspaceHost(bbc);
  const files = (await disk.listFiles()).filter((f) => !/readme/i.test(f));
  let reads = 0;
  const host: WorkspaceHost = { listFiles: async () => files, readFile: (p) => { reads++; return disk.readFile(p); } };
  const pool = new AnalysisPool({ workerScript, modelBytes: readFileSync(modelPath), size: defaultPoolSize() });
  const index = new WorkspaceIndex(host, (t) => pool.analyze(t), { modelVersion: 'bench' });
  const built = await index.build();
  await pool.dispose();
  console.log(`corrections index: ${built.indexed} articles`);

  // The views re-read every file an update names (the sidebar's view model does).
  let namedFiles = 0;
  index.onDidUpdate((u) => { namedFiles += u.changed.length; });

  // 200 annotations on the first 200 articles; every tenth is a correction of an entity mention.
  const annotations: Annotation[] = [];
  const sources = files.slice(0, 200);
  for (const [i, file] of sources.entries()) {
    const text = new TextDecoder().decode(await disk.readFile(file));
    const mention = index.entitiesInFile(file)[0]?.mention;
    const start = mention?.start ?? 0;
    const end = mention?.end ?? Math.min(10, text.length);
    const target = { source: file, selector: selectorsFor(text, start, end) };
    annotations.push(i % 10 === 0
      ? createCorrection({ kind: 'notAnEntity' }, target, 'bench', new Date(Date.UTC(2026, 0, 1, 0, i)))
      : createAnnotation({ motivation: 'commenting', text: `note ${i}`, target }, new Date(Date.UTC(2026, 0, 1, 0, i))));
  }
  const publish = (all: readonly Annotation[]) => index.applyCorrections(indexCorrectionsFrom(correctionsOf(all), (s) => s));
  publish(annotations);

  const measure = (label: string, next: (round: number) => Annotation) => {
    const times: number[] = [];
    namedFiles = 0;
    reads = 0;
    for (let round = 0; round < ROUNDS; round++) {
      annotations.push(next(round));
      const started = performance.now();
      publish(annotations);
      times.push(performance.now() - started);
    }
    console.log(`corrections ${label}, median: ${median(times).toFixed(2)} ms`);
    console.log(`corrections ${label}, files the views re-read per annotation: ${Math.round(namedFiles / ROUNDS)} files`);
    console.log(`corrections ${label}, article files the index read: ${reads} files`);
  };
  const place = (round: number) => {
    const file = files[300 + round] as string;
    return { source: file, selector: selectorsFor('x'.repeat(20), 0, 5) };
  };
  measure('adding a comment', (round) => createAnnotation({ motivation: 'commenting', text: `more ${round}`, target: place(round) }));
  measure('adding a not-an-entity correction', (round) => {
    const file = files[400 + round] as string;
    const mention = index.entitiesInFile(file)[0]?.mention;
    const text = new TextDecoder().decode(readFileSync(join(bbc, file)));
    return createCorrection({ kind: 'notAnEntity' }, { source: file, selector: selectorsFor(text, mention?.start ?? 0, mention?.end ?? 5) }, 'bench');
  });
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
