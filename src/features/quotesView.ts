import * as vscode from 'vscode';
import { articlesAndOrigins } from '../core/corpus/copies';
import { openCommandFor, type NewsQuote, type NewsViewModel } from './newsViewModel';
import { plural, shorten } from './labels';

export const QUOTES_VIEW_ID = 'newsAnnotator.quotes';

export interface SpeakerNode {
  readonly kind: 'speaker';
  readonly id: string;
  readonly speaker: string | null;
  readonly quotes: readonly NewsQuote[];
}

/** One statement: quotes of one speaker that render the same words, possibly in several articles. */
export interface StatementNode {
  readonly kind: 'statement';
  readonly id: string;
  readonly text: string;
  readonly quotes: readonly NewsQuote[];
  readonly parent: SpeakerNode;
}

export interface QuoteOccurrenceNode {
  readonly kind: 'occurrence';
  readonly id: string;
  readonly quote: NewsQuote;
  readonly parent: StatementNode;
}

export type QuotesTreeNode = SpeakerNode | StatementNode | QuoteOccurrenceNode;

const UNATTRIBUTED = 'Unattributed';
/** Word-set overlap at which two renderings count as one statement (tuned by eye on the two seeds). */
const SAME_STATEMENT_OVERLAP = 0.6;
const MIN_WORDS_FOR_MATCH = 4;
const LABEL_WIDTH = 80;

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []);
}

/**
 * Groups quotes that render the same statement: the shared words over the shorter quote's words, so
 * a shortened or reworded rendering in another outlet still joins. Short quotes must match exactly.
 */
export function groupStatements(quotes: readonly NewsQuote[]): NewsQuote[][] {
  const groups: { words: Set<string>; quotes: NewsQuote[] }[] = [];
  for (const quote of quotes) {
    const own = words(quote.text);
    const home = groups.find((g) => sameStatement(own, g.words));
    if (home) home.quotes.push(quote);
    else groups.push({ words: own, quotes: [quote] });
  }
  return groups.map((g) => g.quotes);
}

function sameStatement(a: Set<string>, b: Set<string>): boolean {
  const smaller = a.size <= b.size ? a : b;
  const larger = smaller === a ? b : a;
  if (smaller.size < MIN_WORDS_FOR_MATCH) return smaller.size === larger.size && [...smaller].every((w) => larger.has(w));
  let shared = 0;
  for (const word of smaller) if (larger.has(word)) shared++;
  return shared / smaller.size >= SAME_STATEMENT_OVERLAP;
}

/** The words of a quote without the marks around them (the extractor keeps them; labels add their own). */
function unquoted(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/^["“”„«‹'‘’]+/u, '').replace(/["“”»›'‘’]+$/u, '');
}

/** Quotes by speaker; each speaker's statements, each statement's occurrences across articles. */
export class QuotesTreeProvider implements vscode.TreeDataProvider<QuotesTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<QuotesTreeNode | undefined>();
  private readonly subscription: vscode.Disposable;
  private roots: SpeakerNode[] | undefined;
  private readonly children = new Map<string, StatementNode[] | QuoteOccurrenceNode[]>();

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly model: NewsViewModel, private readonly outletOf: (uri: string) => string | undefined = (uri) => model.article(uri)?.outlet?.name) {
    this.subscription = model.onDidChange(() => this.reset());
  }

  getChildren(element?: QuotesTreeNode): QuotesTreeNode[] {
    if (!element) return this.speakers();
    if (element.kind === 'occurrence') return [];
    const cached = this.children.get(element.id);
    if (cached) return cached;
    const built: StatementNode[] | QuoteOccurrenceNode[] = element.kind === 'speaker'
      ? groupStatements(element.quotes)
        .sort((a, b) => b.length - a.length)
        .map((quotes): StatementNode => ({ kind: 'statement', id: `statement:${element.id}:${quotes[0].uri}#${quotes[0].start}`, text: quotes[0].text, quotes, parent: element }))
      : element.quotes.map((quote): QuoteOccurrenceNode => ({ kind: 'occurrence', id: `quote:${quote.uri}#${quote.start}`, quote, parent: element }));
    this.children.set(element.id, built);
    return built;
  }

  getParent(element: QuotesTreeNode): QuotesTreeNode | undefined {
    return element.kind === 'speaker' ? undefined : element.parent;
  }

  getTreeItem(element: QuotesTreeNode): vscode.TreeItem {
    if (element.kind === 'speaker') {
      const name = element.speaker ?? UNATTRIBUTED;
      const count = plural(element.quotes.length, 'quote');
      const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = element.id;
      item.description = count;
      item.tooltip = `${name}: ${count}`;
      item.iconPath = new vscode.ThemeIcon(element.speaker ? 'person' : 'question');
      item.contextValue = 'newsSpeaker';
      item.accessibilityInformation = { label: `Speaker ${name}, ${count}`, role: 'treeitem' };
      return item;
    }
    if (element.kind === 'statement') {
      const uris = new Set(element.quotes.map((q) => q.uri));
      const outlets = new Set(element.quotes.map((q) => this.outletOf(q.uri) ?? q.uri)).size;
      const where = `${articlesAndOrigins(uris.size, this.model.originCount?.(uris) ?? uris.size)}${outlets > 1 ? ` · ${plural(outlets, 'outlet')}` : ''}`;
      const item = new vscode.TreeItem(`“${shorten(unquoted(element.text), LABEL_WIDTH)}”`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = element.id;
      item.description = where;
      const tooltip = new vscode.MarkdownString();
      for (const quote of element.quotes) {
        tooltip.appendText(`“${unquoted(quote.text)}” (${this.outletOf(quote.uri) ?? fileName(quote.uri)})`);
        tooltip.appendMarkdown('\n\n');
      }
      item.tooltip = tooltip;
      item.iconPath = new vscode.ThemeIcon(element.quotes.length > 1 ? 'references' : 'quote');
      item.contextValue = 'newsStatement';
      item.accessibilityInformation = { label: `Quote: ${element.text}. Quoted in ${where}`, role: 'treeitem' };
      return item;
    }
    const { quote } = element;
    const source = this.outletOf(quote.uri) ?? fileName(quote.uri);
    const item = new vscode.TreeItem(source, vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    item.description = `${fileName(quote.uri)} · ${shorten(quote.text, LABEL_WIDTH)}`;
    item.tooltip = `${source}, ${fileName(quote.uri)}:\n“${unquoted(quote.text)}”`;
    item.iconPath = new vscode.ThemeIcon('go-to-file');
    item.contextValue = 'newsQuote';
    item.command = openCommandFor(quote, 'Open Quote');
    item.accessibilityInformation = { label: `Quoted in ${source}, ${fileName(quote.uri)}: ${quote.text}`, role: 'treeitem' };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private speakers(): SpeakerNode[] {
    if (this.roots) return this.roots;
    const bySpeaker = new Map<string | null, NewsQuote[]>();
    for (const quote of this.model.quotes()) {
      const list = bySpeaker.get(quote.speaker);
      if (list) list.push(quote);
      else bySpeaker.set(quote.speaker, [quote]);
    }
    this.roots = [...bySpeaker.entries()]
      .map(([speaker, quotes]): SpeakerNode => ({ kind: 'speaker', id: `speaker:${speaker ?? ''}`, speaker, quotes }))
      .sort((a, b) => Number(a.speaker === null) - Number(b.speaker === null) || b.quotes.length - a.quotes.length || (a.speaker ?? '').localeCompare(b.speaker ?? ''));
    return this.roots;
  }

  private reset(): void {
    this.roots = undefined;
    this.children.clear();
    this.changeEmitter.fire(undefined);
  }
}

/** The Quotes view. */
export function registerQuotesView(model: NewsViewModel): vscode.Disposable {
  const provider = new QuotesTreeProvider(model);
  const view = vscode.window.createTreeView(QUOTES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  return vscode.Disposable.from(provider, view);
}
