// News sidebar: with the 2,225 BBC articles (../shared/eval/data/bbc) analysed into the view model,
// the time each view takes to produce its first level (getChildren of the root plus getTreeItem of
// each node, what VS Code asks for when a view opens) right after the model changed, and the largest
// second level. Goal: first level within 200 ms. Prints `label: value unit` lines.
// The views import `vscode`, which only exists inside VS Code: a stub of the few value classes they
// construct (TreeItem, ThemeIcon, MarkdownString, EventEmitter, Uri) stands in, so the figures are
// the providers' own work. Annotations are synthetic (one per article, tagged by BBC category) as
// the annotations store is not part of this model.
import Module from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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
  Uri: { parse: (value: string) => ({ toString: () => value }) },
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

/** Milliseconds for the first level after a model change (median of 5 changes), and the node count. */
function firstLevel<T>(provider: Provider<T>, change: () => void): { ms: number; nodes: number } {
  const times: number[] = [];
  let nodes = 0;
  for (let run = 0; run < 5; run++) {
    change();
    const started = performance.now();
    const children = provider.getChildren();
    for (const child of children) provider.getTreeItem(child);
    times.push(performance.now() - started);
    nodes = children.length;
  }
  return { ms: times.sort((a, b) => a - b)[2], nodes };
}

/** Milliseconds to expand the root node with the most children (fresh after a change). */
function largestSecondLevel<T>(provider: Provider<T>, change: () => void): { ms: number; nodes: number } {
  change();
  const roots = provider.getChildren();
  const sizes = roots.map((node) => provider.getChildren(node).length);
  const biggest = roots[sizes.indexOf(Math.max(...sizes))];
  if (!biggest) return { ms: 0, nodes: 0 };
  change();
  provider.getChildren();
  const target = provider.getChildren()[sizes.indexOf(Math.max(...sizes))];
  const started = performance.now();
  const children = provider.getChildren(target);
  for (const child of children) provider.getTreeItem(child);
  return { ms: performance.now() - started, nodes: children.length };
}

async function main(): Promise<void> {
  const { parseArticle } = await import('../src/core/article');
  const { ArticleExtractor } = await import('../src/core/extract');
  const { loadEntityRecognizer } = await import('../src/core/ner');
  const { NewsCorpus, buildArticleRecord } = await import('../src/features/newsViewModel');
  const { ArticlesTreeProvider } = await import('../src/features/articlesView');
  const { EntitiesTreeProvider } = await import('../src/features/entitiesView');
  const { QuotesTreeProvider } = await import('../src/features/quotesView');
  const { AnnotationsTreeProvider } = await import('../src/features/annotationsView');
  type NewsViewModel = import('../src/features/newsViewModel').NewsViewModel;
  type NewsAnnotation = import('../src/features/newsViewModel').NewsAnnotation;

  const extractor = new ArticleExtractor(loadEntityRecognizer(readFileSync(modelPath)));
  const corpus = new NewsCorpus();
  const annotations: NewsAnnotation[] = [];
  const files = listFiles(root);
  const analysed = performance.now();
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const parsed = parseArticle(text);
    const uri = `file://${path}`;
    corpus.set(buildArticleRecord(uri, relative(root, path), text, parsed, extractor.analyzeArticle(text, parsed)));
    const end = Math.min(text.length, 40);
    annotations.push({ id: uri, uri, source: relative(root, path), range: { start: 0, end }, quote: text.slice(0, end), text: 'synthetic note', tags: [relative(root, path).split('/')[0]], orphaned: annotations.length % 50 === 0 });
  }
  const analysisMs = performance.now() - analysed;

  const changes = new EventEmitter<void>();
  const model: NewsViewModel = {
    onDidChange: changes.event,
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
  // A change as the index reports one: the corpus drops its aggregates, the views their nodes.
  const change = () => {
    const first = files[0];
    const text = readFileSync(first, 'utf8');
    const parsed = parseArticle(text);
    corpus.set(buildArticleRecord(`file://${first}`, relative(root, first), text, parsed, extractor.analyzeArticle(text, parsed)));
    changes.fire();
  };

  const views: [string, Provider<unknown>][] = [
    ['articles', new ArticlesTreeProvider(model) as Provider<unknown>],
    ['entities', new EntitiesTreeProvider(model) as Provider<unknown>],
    ['quotes', new QuotesTreeProvider(model) as Provider<unknown>],
    ['annotations', new AnnotationsTreeProvider(model) as Provider<unknown>],
  ];
  console.log(`views articles: ${files.length} docs`);
  console.log(`views entities: ${corpus.entities().length} entities`);
  console.log(`views mentions: ${corpus.entities().reduce((sum, e) => sum + e.mentionCount, 0)} mentions`);
  console.log(`views quotes: ${corpus.quotes().length} quotes`);
  console.log(`views analysis (parse + extract, setup only): ${(analysisMs / 1000).toFixed(1)} s`);
  let worst = 0;
  for (const [name, provider] of views) {
    const first = firstLevel(provider, change);
    worst = Math.max(worst, first.ms);
    console.log(`views ${name} first level: ${first.ms.toFixed(1)} ms (${first.nodes} nodes)`);
    const second = largestSecondLevel(provider, change);
    console.log(`views ${name} largest second level: ${second.ms.toFixed(1)} ms (${second.nodes} nodes)`);
  }
  console.log(`views worst first level: ${worst.toFixed(1)} ms (goal ${GOAL_MS} ms: ${worst <= GOAL_MS ? 'met' : 'missed'})`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
