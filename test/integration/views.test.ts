import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { AnnotationsTreeProvider, type AnnotationsTreeNode } from '../../src/features/annotationsView';
import { ArticlesTreeProvider } from '../../src/features/articlesView';
import { EntitiesTreeProvider, type EntityNode } from '../../src/features/entitiesView';
import { parseArticle } from '../../src/core/article';
import { ArticleExtractor } from '../../src/core/extract';
import { WorkspaceIndex } from '../../src/core/index';
import { loadEntityRecognizer } from '../../src/core/ner';
import {
  IndexNewsViewModel,
  OPEN_MENTION_COMMAND,
  WorkspaceNewsViewModel,
  type IndexServiceLike,
  snippetAround,
  type NewsAnnotation,
  type NewsArticle,
  type NewsQuote,
  type NewsViewModel,
} from '../../src/features/newsViewModel';
import { QuotesTreeProvider, type QuotesTreeNode } from '../../src/features/quotesView';

// The providers are driven directly (this bundle is its own module copy of them) over a view model
// that reads the workspace folder the runner opened: a temp copy of test/fixtures/. The commands a
// click runs are the extension's own registrations, executed through VS Code.

const EXTENSION_ID = 'news-annotator.news-annotator';
const FIRST_SEED = '000_fc681af9c8dd27c5.txt';
const OTHER_SEED = '001_ef6bbce3734ab0e1.txt';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** Runs a tree item's command as a click does and returns the editor it leaves active. */
async function click(item: vscode.TreeItem): Promise<vscode.TextEditor> {
  assert.ok(item.command, `"${label(item)}" has a command`);
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'a click leaves an editor active');
  return editor;
}

/** A view model over fixed data, for what the seeds cannot show yet (quotes, annotations). */
class FixedViewModel implements NewsViewModel {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  readonly onDidChangeProgress = new vscode.EventEmitter<undefined>().event;
  readonly progress = undefined;
  constructor(
    private readonly fixedArticles: NewsArticle[],
    private fixedQuotes: NewsQuote[] = [],
    private fixedAnnotations: NewsAnnotation[] = [],
  ) {}
  articles() { return this.fixedArticles; }
  article(uri: string) { return this.fixedArticles.find((a) => a.uri === uri); }
  entities() { return []; }
  mentionsOf() { return []; }
  entityAt() { return undefined; }
  quotes() { return this.fixedQuotes; }
  annotations() { return this.fixedAnnotations; }
  update(quotes: NewsQuote[], annotations: NewsAnnotation[]): void {
    this.fixedQuotes = quotes;
    this.fixedAnnotations = annotations;
    this.emitter.fire();
  }
}

/** The core workspace index over this workspace, as the index service runs it (watcher included). */
async function startWorkspaceIndex(extensionUri: vscode.Uri): Promise<IndexServiceLike & vscode.Disposable> {
  const extractor = new ArticleExtractor(loadEntityRecognizer(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'models', 'ner-en.bin'))));
  const glob = '{**/[0-9][0-9][0-9]_*.txt,**/*.news.txt}';
  const index = new WorkspaceIndex({
    listFiles: async () => (await vscode.workspace.findFiles(glob)).map((uri) => uri.toString()),
    readFile: async (path) => vscode.workspace.fs.readFile(vscode.Uri.parse(path)),
    onDidChangeFile: (listener) => {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      return vscode.Disposable.from(
        watcher,
        watcher.onDidCreate((uri) => listener({ kind: 'created', path: uri.toString() })),
        watcher.onDidChange((uri) => listener({ kind: 'changed', path: uri.toString() })),
        watcher.onDidDelete((uri) => listener({ kind: 'deleted', path: uri.toString() })),
      );
    },
  }, (text) => {
    const article = parseArticle(text);
    return { article, analysis: extractor.analyzeArticle(text, article) };
  }, { modelVersion: 'views-test' });
  const watching = index.watch();
  const built = index.build();
  return { index, whenReady: async () => void (await built), dispose: () => { watching.dispose(); index.dispose(); } };
}

/** The view models the sidebar runs on: over the shared index, and the scan of its own (fallback). */
const MODELS: { title: string; create(extensionUri: vscode.Uri): Promise<NewsViewModel & vscode.Disposable> }[] = [
  {
    title: 'over the workspace index',
    async create(extensionUri) {
      const service = await startWorkspaceIndex(extensionUri);
      const model = new IndexNewsViewModel(service);
      await service.whenReady();
      await model.settled();
      return Object.assign(model, { dispose: () => { IndexNewsViewModel.prototype.dispose.call(model); service.dispose(); } });
    },
  },
  {
    title: 'over its own scan',
    async create(extensionUri) {
      const model = new WorkspaceNewsViewModel(extensionUri);
      await model.refresh();
      return model;
    },
  },
];

for (const { title, create } of MODELS) {
describe(`News sidebar views ${title}`, () => {
  let model: NewsViewModel & vscode.Disposable;
  let seedTexts: Map<string, string>;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    model = await create(extension.extensionUri);
    seedTexts = new Map();
    for (const name of [FIRST_SEED, OTHER_SEED]) {
      seedTexts.set(workspaceFile(name).toString(), new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name))));
    }
  });

  after(() => model?.dispose());

  it('contributes the News container with its four views and opens it', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const views = (manifest.contributes.views.news as { id: string; name: string }[]).map((v) => v.name);
    assert.deepStrictEqual(views, ['Articles', 'Entities', 'Quotes', 'Annotations']);
    await vscode.commands.executeCommand('workbench.view.extension.news');
    await vscode.commands.executeCommand('newsAnnotator.articles.focus');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['newsAnnotator.sortArticlesByDate', 'newsAnnotator.filterEntities', 'newsAnnotator.reattachOrphan', OPEN_MENTION_COMMAND]) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('reports no indexing under way once the first build is done', () => {
    assert.strictEqual(model.progress, undefined);
  });

  describe('Articles', () => {
    it('groups the seeds by outlet with counts, the syndication shown', () => {
      const provider = new ArticlesTreeProvider(model);
      const outlets = provider.getChildren().map((node) => provider.getTreeItem(node));
      assert.deepStrictEqual(outlets.map(label), ['Free America Network', 'The Epoch Times — via NTD']);
      assert.deepStrictEqual(outlets.map((item) => item.description), ['1 article', '1 article']);
      for (const item of outlets) assert.ok(item.accessibilityInformation?.label.includes('1 article'));
      provider.dispose();
    });

    it('lists each article with headline, date and author, and opens it on click', async () => {
      const provider = new ArticlesTreeProvider(model);
      const epoch = provider.getChildren().find((node) => node.kind === 'outlet' && node.label.startsWith('The Epoch Times'))!;
      const [article] = provider.getChildren(epoch);
      const item = provider.getTreeItem(article);
      assert.strictEqual(label(item), 'Huawei CEO Breaks Silence, Says Company Doesn’t Spy for China');
      assert.strictEqual(item.description, '2019-01-15 · Cathy He');
      assert.strictEqual(provider.getParent(article), epoch, 'getParent gives the outlet (TreeView.reveal needs it)');
      assert.strictEqual(provider.nodeFor(workspaceFile(OTHER_SEED).toString()), article);
      const editor = await click(item);
      assert.strictEqual(editor.document.uri.toString(), workspaceFile(OTHER_SEED).toString());
      assert.strictEqual(editor.selection.active.line, 0, 'opened at the headline');
      provider.dispose();
    });

    it('follows a new article file from the watcher, then its deletion', async () => {
      const provider = new ArticlesTreeProvider(model);
      const file = workspaceFile('999_views_test.news.txt');
      // Resolves on the first refresh of the view after which `holds()` is true.
      const refreshedUntil = (holds: () => boolean) => new Promise<void>((resolve) => {
        const subscription = provider.onDidChangeTreeData(() => {
          if (!holds()) return;
          subscription.dispose();
          resolve();
        });
      });
      try {
        const created = refreshedUntil(() => provider.nodeFor(file.toString()) !== undefined);
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('A test headline\n\nBy Jane Roe\n\nJanuary 2, 2020\n\nThe body of a short test article says little.\n'));
        await created;
        const article = provider.nodeFor(file.toString())!;
        assert.strictEqual(label(provider.getTreeItem(article)), 'A test headline');
        assert.strictEqual(model.articles().length, 3);
      } finally {
        const deleted = refreshedUntil(() => provider.nodeFor(file.toString()) === undefined);
        await vscode.workspace.fs.delete(file);
        await deleted;
      }
      assert.strictEqual(model.articles().length, 2);
      provider.dispose();
    });

    it('sorts by headline or date', () => {
      const provider = new ArticlesTreeProvider(new FixedViewModel([
        { uri: 'file:///a.txt', label: 'a.txt', headline: 'Zebra', date: '2020-01-01', authors: [], outlet: { name: 'X', via: null }, headlineSpan: null },
        { uri: 'file:///b.txt', label: 'b.txt', headline: 'Aardvark', date: '2019-01-01', authors: [], outlet: { name: 'X', via: null }, headlineSpan: null },
      ]));
      const titles = () => provider.getChildren(provider.getChildren()[0]).map((n) => label(provider.getTreeItem(n)));
      assert.deepStrictEqual(titles(), ['Zebra', 'Aardvark'], 'newest first by default');
      provider.setSortOrder('headline');
      assert.deepStrictEqual(titles(), ['Aardvark', 'Zebra']);
      provider.dispose();
    });
  });

  describe('Entities', () => {
    it('groups People, Organizations, Places and Dates', () => {
      const provider = new EntitiesTreeProvider(model);
      assert.deepStrictEqual(provider.getChildren().map((n) => label(provider.getTreeItem(n))), ['People', 'Organizations', 'Places', 'Dates']);
      provider.dispose();
    });

    it('lists Ren Zhengfei in 2 articles, expandable to mentions that open at their range', async () => {
      const provider = new EntitiesTreeProvider(model);
      const people = provider.getChildren()[0];
      const ren = provider.getChildren(people).find((n): n is EntityNode => n.kind === 'entity' && n.entity.name === 'Ren Zhengfei');
      assert.ok(ren, `Ren Zhengfei among ${provider.getChildren(people).map((n) => label(provider.getTreeItem(n))).join(', ')}`);
      const item = provider.getTreeItem(ren);
      assert.match(String(item.description), /^\d+ mentions · 2 articles/);
      assert.match(item.accessibilityInformation!.label, /Ren Zhengfei, \d+ mentions · 2 articles/);
      const mentions = await provider.getChildren(ren);
      assert.strictEqual(mentions.length, ren.entity.mentionCount);
      assert.strictEqual(new Set(mentions.map((m) => m.kind === 'mention' && m.mention.uri)).size, 2, 'mentions in both seeds');
      const first = mentions[0];
      assert.strictEqual(provider.getParent(first), ren);
      const mentionItem = provider.getTreeItem(first);
      assert.ok(label(mentionItem).includes(first.kind === 'mention' ? first.mention.text : '?'), 'the snippet shows the mention');
      const editor = await click(mentionItem);
      assert.ok(first.kind === 'mention');
      assert.strictEqual(editor.document.uri.toString(), first.mention.uri);
      assert.strictEqual(editor.document.getText(editor.selection), first.mention.text, 'the mention is selected');
      provider.dispose();
    });

    it('finds the entity under a cursor (the view follows the editor)', async () => {
      const provider = new EntitiesTreeProvider(model);
      const uri = workspaceFile(OTHER_SEED).toString();
      const ren = model.entities().find((e) => e.name === 'Ren Zhengfei');
      const mention = ren && (await model.mentionsOf(ren)).find((m) => m.uri === uri);
      assert.ok(mention, 'Ren Zhengfei is mentioned in the other seed');
      assert.strictEqual(provider.nodeAt(uri, mention.start + 2)?.entity.name, 'Ren Zhengfei');
      const text = seedTexts.get(uri)!;
      const bodyWord = text.indexOf('interview');
      assert.ok(bodyWord > 0);
      assert.strictEqual(provider.nodeAt(uri, bodyWord + 2), undefined, 'no entity on a common word');
      provider.dispose();
    });

    it('filters by name and sorts by count or name', () => {
      const provider = new EntitiesTreeProvider(model);
      provider.setFilter('zhengfei');
      const people = provider.getChildren()[0];
      assert.deepStrictEqual(provider.getChildren(people).map((n) => n.kind === 'entity' && n.entity.name), ['Ren Zhengfei']);
      const places = provider.getChildren()[2];
      assert.strictEqual(provider.getChildren(places).length, 0, 'no place matches');
      provider.setFilter('');
      provider.setSortOrder('name');
      const names = provider.getChildren(provider.getChildren()[2]).map((n) => (n.kind === 'entity' ? n.entity.name : ''));
      assert.ok(names.length > 2);
      assert.deepStrictEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
      provider.setSortOrder('count');
      const counts = provider.getChildren(provider.getChildren()[2]).map((n) => (n.kind === 'entity' ? n.entity.mentionCount : 0));
      assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a));
      provider.dispose();
    });

    it('runs the filter command with a given text', async () => {
      await vscode.commands.executeCommand('newsAnnotator.filterEntities', 'Ren');
      await vscode.commands.executeCommand('newsAnnotator.clearEntityFilter');
    });
  });

  describe('Quotes', () => {
    function quoteFrom(name: string, quote: string, speaker: string): NewsQuote {
      const uri = workspaceFile(name).toString();
      const text = seedTexts.get(uri)!;
      const start = text.indexOf(quote);
      assert.ok(start >= 0, `"${quote}" is in ${name}`);
      return { uri, start, end: start + quote.length, text: quote, snippet: snippetAround(text, start, start + quote.length), speaker };
    }

    it('groups the same statement quoted by two outlets under its speaker; occurrences open', async () => {
      const articles = [...model.articles()];
      const fixed = new FixedViewModel(articles, [
        quoteFrom(FIRST_SEED, 'China’s ministry of foreign affairs has officially clarified that no law in China requires any company to install mandatory back doors.', 'Ren Zhengfei'),
        quoteFrom(OTHER_SEED, 'No law in China requires any company to install mandatory backdoors,', 'Ren Zhengfei'),
        quoteFrom(OTHER_SEED, 'Huawei, and myself, have never received any request from any government to provide [improper] information.', 'Ren Zhengfei'),
      ]);
      const provider = new QuotesTreeProvider(fixed);
      const speakers = provider.getChildren();
      assert.deepStrictEqual(speakers.map((n) => label(provider.getTreeItem(n))), ['Ren Zhengfei']);
      assert.strictEqual(provider.getTreeItem(speakers[0]).description, '3 quotes');
      const statements = provider.getChildren(speakers[0]);
      assert.strictEqual(statements.length, 2, 'the back-doors statement is one group, the other statement another');
      const shared = statements[0];
      assert.strictEqual(provider.getTreeItem(shared).description, '2 articles · 2 outlets');
      const occurrences = provider.getChildren(shared) as QuotesTreeNode[];
      assert.deepStrictEqual(occurrences.map((n) => label(provider.getTreeItem(n))).sort(), ['Free America Network', 'The Epoch Times']);
      assert.strictEqual(provider.getParent(occurrences[0]), shared);
      const target = occurrences.find((n) => n.kind === 'occurrence' && n.quote.uri.endsWith(OTHER_SEED))!;
      const editor = await click(provider.getTreeItem(target));
      assert.strictEqual(editor.document.getText(editor.selection), 'No law in China requires any company to install mandatory backdoors,');
      provider.dispose();
    });
  });

  describe('Annotations', () => {
    it('lists annotations by article, by tag and the orphans; an annotation opens at its range', async () => {
      const uri = workspaceFile(FIRST_SEED).toString();
      const text = seedTexts.get(uri)!;
      const start = text.indexOf('Ren Zhengfei');
      const fixed = new FixedViewModel([...model.articles()]);
      const provider = new AnnotationsTreeProvider(fixed);
      assert.deepStrictEqual(provider.getChildren(), [], 'no annotations: empty, so the welcome text shows');
      let refreshed = 0;
      provider.onDidChangeTreeData(() => refreshed++);
      fixed.update([], [
        { id: 'a1', uri, source: FIRST_SEED, range: { start, end: start + 12 }, quote: 'Ren Zhengfei', text: 'Check his title', tags: ['verify'], orphaned: false },
        { id: 'a2', uri, source: FIRST_SEED, quote: 'a sentence since deleted', text: 'Gone', tags: [], orphaned: true },
      ]);
      assert.strictEqual(refreshed, 1, 'refreshes on the model change event');
      const sections = provider.getChildren();
      assert.deepStrictEqual(sections.map((n) => label(provider.getTreeItem(n))), ['By Article', 'By Tag', 'Orphans']);
      const [byArticle, byTag, orphans] = sections as AnnotationsTreeNode[];
      const [article] = provider.getChildren(byArticle);
      assert.ok(label(provider.getTreeItem(article)).startsWith('Huawei CEO: No matter'), 'an article group is named by its headline');
      assert.strictEqual(provider.getChildren(article).length, 2);
      assert.deepStrictEqual(provider.getChildren(byTag).map((n) => label(provider.getTreeItem(n))), ['#verify']);
      const [orphan] = provider.getChildren(orphans);
      const orphanItem = provider.getTreeItem(orphan);
      assert.strictEqual(orphanItem.contextValue, 'newsAnnotation.orphan', 'orphans carry the Re-attach menu');
      assert.strictEqual(provider.getParent(orphan), orphans);
      const [tagged] = provider.getChildren(provider.getChildren(byTag)[0]);
      const editor = await click(provider.getTreeItem(tagged));
      assert.strictEqual(editor.document.getText(editor.selection), 'Ren Zhengfei');
      provider.dispose();
    });
  });
});
}
