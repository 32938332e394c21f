import * as vscode from 'vscode';
import { openCommandFor, type NewsArticle, type NewsViewModel } from './newsViewModel';
import { plural } from './labels';

export const ARTICLES_VIEW_ID = 'newsAnnotator.articles';

/** How articles are ordered inside an outlet. */
export type ArticleSortOrder = 'date' | 'headline';

export interface OutletNode {
  readonly kind: 'outlet';
  readonly id: string;
  readonly label: string;
  readonly articles: readonly NewsArticle[];
}

export interface ArticleNode {
  readonly kind: 'article';
  readonly id: string;
  readonly article: NewsArticle;
  readonly parent: OutletNode;
}

export type ArticlesTreeNode = OutletNode | ArticleNode;

const UNKNOWN_OUTLET = 'Unknown outlet';

/** "The Epoch Times — via NTD" for a syndicated article, the outlet's name otherwise. */
export function outletLabel(article: NewsArticle): string {
  const outlet = article.outlet;
  if (!outlet) return UNKNOWN_OUTLET;
  return outlet.via ? `${outlet.name} — via ${outlet.via}` : outlet.name;
}

/**
 * Articles grouped by outlet, with counts. Nodes are built once per model change and kept, so the
 * same objects come back from `getChildren`, `getParent` and `nodeFor` (TreeView.reveal needs that).
 */
export class ArticlesTreeProvider implements vscode.TreeDataProvider<ArticlesTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ArticlesTreeNode | undefined>();
  private readonly subscription: vscode.Disposable;
  private roots: OutletNode[] | undefined;
  private readonly children = new Map<string, ArticleNode[]>();
  private byUri = new Map<string, ArticleNode>();
  private order: ArticleSortOrder = 'date';

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly model: NewsViewModel) {
    this.subscription = model.onDidChange(() => this.reset());
  }

  get sortOrder(): ArticleSortOrder {
    return this.order;
  }

  setSortOrder(order: ArticleSortOrder): void {
    this.order = order;
    this.reset();
  }

  getChildren(element?: ArticlesTreeNode): ArticlesTreeNode[] {
    if (!element) return this.outlets();
    if (element.kind === 'article') return [];
    let list = this.children.get(element.id);
    if (!list) {
      list = sortArticles(element.articles, this.order).map((article) => ({ kind: 'article', id: `article:${article.uri}`, article, parent: element }));
      this.children.set(element.id, list);
      for (const node of list) this.byUri.set(node.article.uri, node);
    }
    return list;
  }

  getParent(element: ArticlesTreeNode): ArticlesTreeNode | undefined {
    return element.kind === 'article' ? element.parent : undefined;
  }

  /** The node of the article at `uri`, if the model has it. */
  nodeFor(uri: string): ArticleNode | undefined {
    const known = this.byUri.get(uri);
    if (known) return known;
    const article = this.model.article(uri);
    if (!article) return undefined;
    const outlet = this.outlets().find((o) => o.label === outletLabel(article));
    return outlet && this.getChildren(outlet).find((n): n is ArticleNode => n.kind === 'article' && n.article.uri === uri);
  }

  getTreeItem(element: ArticlesTreeNode): vscode.TreeItem {
    if (element.kind === 'outlet') {
      const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
      const count = plural(element.articles.length, 'article');
      item.id = element.id;
      item.description = count;
      item.tooltip = `${element.label}: ${count}`;
      item.iconPath = new vscode.ThemeIcon('globe');
      item.contextValue = 'newsOutlet';
      item.accessibilityInformation = { label: `Outlet ${element.label}, ${count}`, role: 'treeitem' };
      return item;
    }
    const { article } = element;
    const headline = article.headline ?? article.label;
    const item = new vscode.TreeItem(headline, vscode.TreeItemCollapsibleState.None);
    const alsoBy = article.alsoPublishedBy?.length ? `also published by ${article.alsoPublishedBy.join(', ')}` : undefined;
    const details = [article.date ?? 'no date', article.authors.join(', ') || undefined, alsoBy].filter(Boolean).join(' · ');
    item.id = element.id;
    item.description = details;
    item.resourceUri = vscode.Uri.parse(article.uri);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(headline);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(`${outletLabel(article)} · ${article.date ?? 'no date'}${article.authors.length ? ` · by ${article.authors.join(', ')}` : ''}${alsoBy ? `\n${alsoBy}` : ''}\n${article.label}`);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon('note');
    item.contextValue = 'newsArticle';
    item.command = openCommandFor({ uri: article.uri, start: article.headlineSpan?.start ?? 0, end: article.headlineSpan?.start ?? 0 }, 'Open Article');
    item.accessibilityInformation = {
      label: `Article ${headline}, ${article.date ?? 'no date'}${article.authors.length ? `, by ${article.authors.join(', ')}` : ''}, ${outletLabel(article)}${alsoBy ? `, ${alsoBy}` : ''}`,
      role: 'treeitem',
    };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private outlets(): OutletNode[] {
    if (this.roots) return this.roots;
    const groups = new Map<string, NewsArticle[]>();
    for (const article of this.model.articles()) {
      const label = outletLabel(article);
      const list = groups.get(label);
      if (list) list.push(article);
      else groups.set(label, [article]);
    }
    this.roots = [...groups.entries()]
      .map(([label, articles]): OutletNode => ({ kind: 'outlet', id: `outlet:${label}`, label, articles }))
      .sort((a, b) => Number(a.label === UNKNOWN_OUTLET) - Number(b.label === UNKNOWN_OUTLET) || a.label.localeCompare(b.label));
    return this.roots;
  }

  private reset(): void {
    this.roots = undefined;
    this.children.clear();
    this.byUri = new Map();
    this.changeEmitter.fire(undefined);
  }
}

/** Newest first by date (undated last), or by headline; ties by file. */
export function sortArticles(articles: readonly NewsArticle[], order: ArticleSortOrder): NewsArticle[] {
  const title = (a: NewsArticle) => a.headline ?? a.label;
  return [...articles].sort((a, b) => {
    if (order === 'date') {
      const byDate = (b.date ?? '').localeCompare(a.date ?? '');
      if (byDate) return byDate;
    }
    return title(a).localeCompare(title(b)) || a.label.localeCompare(b.label);
  });
}

/** Sort commands for the Articles view's title bar. */
export const ARTICLES_COMMANDS = {
  sortByDate: 'newsAnnotator.sortArticlesByDate',
  sortByHeadline: 'newsAnnotator.sortArticlesByHeadline',
  revealArticle: 'newsAnnotator.revealArticle',
  refresh: 'newsAnnotator.refreshViews',
  openSamples: 'newsAnnotator.openSamples',
} as const;

const INDEXING_CONTEXT_KEY = 'newsAnnotator.indexing';

/**
 * The Articles view: tree, sort commands, following the active editor, and the commands its welcome
 * content offers (open the samples shipped beside the extension, refresh).
 */
export function registerArticlesView(model: NewsViewModel, extensionUri: vscode.Uri): vscode.Disposable {
  const provider = new ArticlesTreeProvider(model);
  const view = vscode.window.createTreeView(ARTICLES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const reveal = async (editor: vscode.TextEditor | undefined, focus: boolean) => {
    const node = editor && provider.nodeFor(editor.document.uri.toString());
    if (node && (view.visible || focus)) await view.reveal(node, { select: true, focus, expand: true });
    return node;
  };
  const setIndexing = () => void vscode.commands.executeCommand('setContext', INDEXING_CONTEXT_KEY, model.progress !== undefined);
  setIndexing();
  return vscode.Disposable.from(
    provider,
    view,
    model.onDidChangeProgress(setIndexing),
    vscode.commands.registerCommand(ARTICLES_COMMANDS.refresh, () => model.refresh?.()),
    vscode.commands.registerCommand(ARTICLES_COMMANDS.openSamples, async () => {
      const samples = vscode.Uri.joinPath(extensionUri, 'samples');
      try {
        await vscode.workspace.fs.stat(samples);
      } catch {
        void vscode.window.showWarningMessage('This installation of News Annotator has no sample articles.');
        return;
      }
      await vscode.commands.executeCommand('vscode.openFolder', samples, { forceNewWindow: vscode.workspace.workspaceFolders !== undefined });
    }),
    vscode.commands.registerCommand(ARTICLES_COMMANDS.sortByDate, () => provider.setSortOrder('date')),
    vscode.commands.registerCommand(ARTICLES_COMMANDS.sortByHeadline, () => provider.setSortOrder('headline')),
    vscode.commands.registerCommand(ARTICLES_COMMANDS.revealArticle, async () => {
      const node = await reveal(vscode.window.activeTextEditor, true);
      if (!node) void vscode.window.showInformationMessage('The active editor is not an indexed news article.');
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => void reveal(editor, false).catch(() => undefined)),
    view.onDidChangeVisibility((e) => {
      if (e.visible) void reveal(vscode.window.activeTextEditor, false).catch(() => undefined);
    }),
  );
}
