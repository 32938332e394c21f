// News sidebar: with the 2,225 BBC articles (../shared/eval/data/bbc) analysed into the view model
// (the one the extension runs, over the workspace index, and the fallback over its own scan),
// the time each view takes to produce its first level (getChildren of the root plus getTreeItem of
// each node, what VS Code asks for when a view opens) right after the model changed, and the largest
// second level. Goal: first level within 200 ms. Prints `label: value unit` lines.
// The views import `vscode`, which only exists inside VS Code: a stub of the few value classes they
// construct (TreeItem, ThemeIcon, MarkdownString, EventEmitter, Uri) and of `workspace.fs` (Node's
// fs) stands in, so the figures are the providers' and models' own work. Annotations are synthetic (one per article, tagged by BBC category) as
// the annotations store is not part of this model.
import Module from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  const { parseArticle } = await import('../src/core/article');
  const { ArticleExtractor } = await import('../src/core/extract');
  const { loadEntityRecognizer } = await import('../src/core/ner');
  const { WorkspaceIndex } = await import('../src/core/index');
  const { IndexNewsViewModel, NewsCorpus, buildArticleRecord } = await import('../src/features/newsViewModel');
  const { ArticlesTreeProvider } = await import('../src/features/articlesView');
  const { EntitiesTreeProvider } = await import('../src/features/entitiesView');
  const { QuotesTreeProvider } = await import('../src/features/quotesView');
  const { AnnotationsTreeProvider } = await import('../src/features/annotationsView');
  type NewsViewModel = import('../src/features/newsViewModel').NewsViewModel;
  type NewsAnnotation = import('../src/features/newsViewModel').NewsAnnotation;
  type Analysis = { article: import('../src/core/types').ParsedArticle; analysis: import('../src/core/types').ArticleAnalysis };

  const extractor = new ArticleExtractor(loadEntityRecognizer(readFileSync(modelPath)));
  const files = listFiles(root);
  const uris = files.map((path) => pathToFileURL(path).href);
  // Each text is analysed once and shared by both models: the figures are about the views.
  const analyses = new Map<string, Analysis>();
  const analyse = (text: string): Analysis => {
    let result = analyses.get(text);
    if (!result) {
      const article = parseArticle(text);
      analyses.set(text, (result = { article, analysis: extractor.analyzeArticle(text, article) }));
    }
    return result;
  };
  const analysed = performance.now();
  const texts = files.map((path) => readFileSync(path, 'utf8'));
  texts.forEach(analyse);
  const analysisMs = performance.now() - analysed;
  const annotations: NewsAnnotation[] = uris.map((uri, i) => {
    const end = Math.min(texts[i].length, 40);
    return { id: uri, uri, source: relative(root, files[i]), range: { start: 0, end }, quote: texts[i].slice(0, end), text: 'synthetic note', tags: [relative(root, files[i]).split('/')[0]], orphaned: i % 50 === 0 };
  });

  // The fallback model over its own scan: a change re-sets one article's record.
  const corpus = new NewsCorpus();
  uris.forEach((uri, i) => corpus.set(buildArticleRecord(uri, relative(root, files[i]), texts[i], analyse(texts[i]).article, analyse(texts[i]).analysis)));
  const corpusChanges = new EventEmitter<void>();
  const corpusModel: NewsViewModel = {
    onDidChange: corpusChanges.event,
    onDidChangeProgress: new EventEmitter<undefined>().event,
    progress: undefined,
    articles: () => corpus.articles(),
    article: (uri) => corpus.article(uri),
    entities: () => corpus.entities(),
    mentionsOf: (entity) => corpus.mentionsOf(entity),
    entityAt: (uri, offset) => corpus.entityAt(uri, offset),
    quotes: () => corpus.quotes(),
    annotations: () => annotations,
  };
  const corpusChange: Change = async () => {
    corpus.set(buildArticleRecord(uris[0], relative(root, files[0]), texts[0], analyse(texts[0]).article, analyse(texts[0]).analysis));
    corpusChanges.fire();
  };

  // The model the extension runs: over the workspace index, fed by a Node host.
  const index = new WorkspaceIndex({
    listFiles: async () => uris,
    readFile: async (uri) => readFileSync(fileURLToPath(uri)),
  }, analyse, { modelVersion: 'views-bench' });
  const indexModel = new IndexNewsViewModel({ index, whenReady: async () => undefined });
  const indexed = performance.now();
  await index.build();
  await indexModel.settled();
  const indexMs = performance.now() - indexed;
  indexModel.setAnnotationSource({ onDidChange: new EventEmitter<unknown>().event, annotations: () => annotations });
  // An edit as the index reports it: one file re-indexed, its text re-read by the model (which
  // drops its aggregates again), and the views reset by the model's events.
  let edits = 0;
  const indexChange: Change = async () => {
    index.updateText(uris[0], `${texts[0]}${'\n'.repeat(++edits % 2)}`);
    await indexModel.settled();
  };

  console.log(`views articles: ${files.length} docs`);
  console.log(`views analysis (parse + extract, setup only): ${(analysisMs / 1000).toFixed(1)} s`);
  console.log(`views index build from analysed texts (setup only): ${(indexMs / 1000).toFixed(1)} s`);
  let worst = 0;
  for (const [modelName, model, change] of [['index', indexModel, indexChange], ['own scan', corpusModel, corpusChange]] as const) {
    console.log(`views ${modelName} entities: ${model.entities().length} entities`);
    console.log(`views ${modelName} mentions: ${model.entities().reduce((sum, e) => sum + e.mentionCount, 0)} mentions`);
    console.log(`views ${modelName} quotes: ${model.quotes().length} quotes`);
    const views: [string, Provider<unknown>][] = [
      ['articles', new ArticlesTreeProvider(model) as Provider<unknown>],
      ['entities', new EntitiesTreeProvider(model) as Provider<unknown>],
      ['quotes', new QuotesTreeProvider(model) as Provider<unknown>],
      ['annotations', new AnnotationsTreeProvider(model) as Provider<unknown>],
    ];
    for (const [name, provider] of views) {
      const first = await firstLevel(provider, change);
      worst = Math.max(worst, first.ms);
      console.log(`views ${modelName} ${name} first level: ${first.ms.toFixed(1)} ms (${first.nodes} nodes)`);
      const second = await largestSecondLevel(provider, change);
      console.log(`views ${modelName} ${name} largest second level: ${second.ms.toFixed(1)} ms (${second.nodes} nodes)`);
    }
  }
  // The share of the entities figure that is the index's own work (it rebuilds its entity list after an update).
  const indexOnly: number[] = [];
  for (let run = 0; run < 5; run++) {
    await indexChange();
    const started = performance.now();
    index.entities();
    indexOnly.push(performance.now() - started);
  }
  console.log(`views index entities() after an update (index's own share): ${indexOnly.sort((a, b) => a - b)[2].toFixed(1)} ms`);
  console.log(`views worst first level: ${worst.toFixed(1)} ms (goal ${GOAL_MS} ms: ${worst <= GOAL_MS ? 'met' : 'missed'})`);
  indexModel.dispose();
  index.dispose();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
