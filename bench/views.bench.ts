// News sidebar: the 2,225 BBC articles (../shared/eval/data/bbc) indexed by the real workspace index
// (src/core/index, analysed in the worker pool the extension uses) under the view model the extension
// runs over it (IndexNewsViewModel); then the time each view takes to produce its first level
// (getChildren of the root plus getTreeItem of each node, what VS Code asks for when a view opens),
// once right after the index is ready and as the median over 5 index updates (one article edited:
// the model drops its aggregates and every view rebuilds), and the largest second level.
// Goal: first level within 200 ms. Prints `label: value unit` lines.
// The views import `vscode`, which only exists inside VS Code: a stub of the few value classes they
// construct (TreeItem, ThemeIcon, MarkdownString, EventEmitter, Uri) and of `workspace.fs` (Node's
// fs) stands in, so the figures are the providers' and model's own work. Annotations are synthetic
// (one per article, tagged by BBC category, one in 50 orphaned): the comments store is not part of it.
import Module from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(__dirname, '..');
const root = resolve(repo, '..', 'shared', 'eval', 'data', 'bbc');
const modelPath = process.env.NEWS_ANNOTATOR_MODEL || join(repo, 'models', 'ner-en.bin');
const GOAL_MS = 200;

class EventEmitter<T> {
  private listeners = new Set<(value: T) => void>();
  event = (listener: (value: T) => void) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}
class MarkdownString {
  value = '';
  appendText(text: string) { this.value += text; return this; }
  appendMarkdown(text: string) { this.value += text; return this; }
}
const vscodeStub = {
  EventEmitter,
  MarkdownString,
  TreeItem: class { constructor(public label: string, public collapsibleState: number) {} },
  ThemeIcon: class { constructor(public id: string) {} },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  Uri: { parse: (value: string) => ({ toString: () => value, fsPath: fileURLToPath(value) }) },
  Disposable: class { constructor(private readonly release: () => void) {} dispose() { this.release(); } },
  workspace: {
    fs: { readFile: async (uri: { fsPath: string }) => readFileSync(uri.fsPath) },
    asRelativePath: (uri: { fsPath: string }) => relative(root, uri.fsPath),
  },
};
const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: typeof load })._load = (request, ...rest) => (request === 'vscode' ? vscodeStub : load(request, ...rest));

function listFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return name.endsWith('.txt') && !/readme/i.test(name) ? [path] : [];
  });
}

interface Provider<T> {
  getChildren(element?: T): T[];
  getTreeItem(element: T): unknown;
}

type Change = () => Promise<void>;

/** Milliseconds for the first level after a model change (median of 5 changes), and the node count. */
async function firstLevel<T>(provider: Provider<T>, change: Change): Promise<{ ms: number; nodes: number }> {
  const times: number[] = [];
  let nodes = 0;
  for (let run = 0; run < 5; run++) {
    await change();
    const started = performance.now();
    const children = provider.getChildren();
    for (const child of children) provider.getTreeItem(child);
    times.push(performance.now() - started);
    nodes = children.length;
  }
  return { ms: times.sort((a, b) => a - b)[2], nodes };
}

/** Milliseconds to expand the root node with the most children, fresh after a change. */
async function largestSecondLevel<T>(provider: Provider<T>, change: Change): Promise<{ ms: number; nodes: number }> {
  const sizes = provider.getChildren().map((node) => provider.getChildren(node).length);
  if (!sizes.length) return { ms: 0, nodes: 0 };
  const at = sizes.indexOf(Math.max(...sizes));
  await change();
  const target = provider.getChildren()[at];
  const started = performance.now();
  const children = provider.getChildren(target);
  for (const child of children) provider.getTreeItem(child);
  return { ms: performance.now() - started, nodes: children.length };
}

async function main(): Promise<void> {
  if (!existsSync(modelPath)) {
    console.log(`views bench: skipped (no model at ${modelPath}; run npm run train)`);
    return;
  }
  const { WorkspaceIndex } = await import('../src/core/index');
  const { AnalysisPool, defaultPoolSize } = await import('../src/node/analysisPool');
  const { IndexNewsViewModel } = await import('../src/features/newsViewModel');
  const { ArticlesTreeProvider } = await import('../src/features/articlesView');
  const { EntitiesTreeProvider } = await import('../src/features/entitiesView');
  const { QuotesTreeProvider } = await import('../src/features/quotesView');
  const { AnnotationsTreeProvider } = await import('../src/features/annotationsView');
  type NewsAnnotation = import('../src/features/newsViewModel').NewsAnnotation;

  // The pool's worker, bundled as the build bundles it (bench/index.bench.ts does the same).
  const { buildSync } = await import('esbuild');
  const workDir = mkdtempSync(join(tmpdir(), 'views-bench-'));
  const workerScript = join(workDir, 'analysisWorker.js');
  buildSync({ entryPoints: [join(repo, 'src', 'node', 'analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerScript, logLevel: 'warning' });
  const pool = new AnalysisPool({ workerScript, modelBytes: readFileSync(modelPath), size: defaultPoolSize() });

  const files = listFiles(root);
  const uris = files.map((path) => pathToFileURL(path).href);
  const texts = files.map((path) => readFileSync(path, 'utf8'));
  const annotations: NewsAnnotation[] = uris.map((uri, i) => {
    const end = Math.min(texts[i].length, 40);
    return { id: uri, uri, source: relative(root, files[i]), range: { start: 0, end }, quote: texts[i].slice(0, end), text: 'synthetic note', tags: [relative(root, files[i]).split('/')[0]], orphaned: i % 50 === 0 };
  });

  // The model the extension runs, over the workspace index fed by a Node host.
  const index = new WorkspaceIndex({
    listFiles: async () => uris,
    readFile: async (uri) => readFileSync(fileURLToPath(uri)),
  }, (text) => pool.analyze(text), { modelVersion: 'views-bench' });
  const model = new IndexNewsViewModel({ index, whenReady: async () => undefined });
  model.setAnnotationSource({ onDidChange: new EventEmitter<unknown>().event, annotations: () => annotations });
  const indexed = performance.now();
  await index.build();
  await model.settled();
  const indexMs = performance.now() - indexed;
  // An edit as the index reports it: one file re-analysed, its text re-read by the model (which
  // drops its aggregates), and the views reset by the model's events.
  let edits = 0;
  const change: Change = async () => {
    await index.updateText(uris[0], `${texts[0]}${'\n'.repeat(++edits % 2)}`);
    await model.settled();
  };

  console.log(`views articles: ${model.articles().length} docs`);
  console.log(`views index build with ${defaultPoolSize()} analysis workers (setup only): ${(indexMs / 1000).toFixed(1)} s`);
  const views: [string, Provider<unknown>][] = [
    ['articles', new ArticlesTreeProvider(model) as Provider<unknown>],
    ['entities', new EntitiesTreeProvider(model) as Provider<unknown>],
    ['quotes', new QuotesTreeProvider(model) as Provider<unknown>],
    ['annotations', new AnnotationsTreeProvider(model) as Provider<unknown>],
  ];
  let worst = 0;
  // Right after the index is ready: every view opened once, each building the model's list it shows.
  for (const [name, provider] of views) {
    const started = performance.now();
    for (const node of provider.getChildren()) provider.getTreeItem(node);
    const ms = performance.now() - started;
    worst = Math.max(worst, ms);
    console.log(`views ${name} first level once the index is ready: ${ms.toFixed(1)} ms`);
  }
  // Counted after the figures above, which would otherwise find the model's aggregates built.
  console.log(`views entities: ${model.entities().length} entities`);
  console.log(`views mentions: ${model.entities().reduce((sum, e) => sum + e.mentionCount, 0)} mentions`);
  console.log(`views quotes: ${model.quotes().length} quotes`);
  for (const [name, provider] of views) {
    const first = await firstLevel(provider, change);
    worst = Math.max(worst, first.ms);
    console.log(`views ${name} first level after an index update: ${first.ms.toFixed(1)} ms (${first.nodes} nodes)`);
    const second = await largestSecondLevel(provider, change);
    console.log(`views ${name} largest second level: ${second.ms.toFixed(1)} ms (${second.nodes} nodes)`);
  }
  // The share of the entities figure that is the index's own work (it rebuilds its entity list after an update).
  const indexOnly: number[] = [];
  for (let run = 0; run < 5; run++) {
    await change();
    const started = performance.now();
    index.entities();
    indexOnly.push(performance.now() - started);
  }
  console.log(`views index entities() after an update (index's own share): ${indexOnly.sort((a, b) => a - b)[2].toFixed(1)} ms`);
  console.log(`views worst first level: ${worst.toFixed(1)} ms (goal ${GOAL_MS} ms: ${worst <= GOAL_MS ? 'met' : 'missed'})`);
  model.dispose();
  index.dispose();
  await pool.dispose();
  rmSync(workDir, { recursive: true, force: true });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
