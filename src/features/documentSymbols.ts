import * as vscode from 'vscode';
import type { ArticleSection, ParsedArticle } from '../core/types';
import { spanToRange } from './convert';
import type { ParsedDocuments } from './parsedDocuments';

/** How much of a paragraph names it in the outline. */
const PARAGRAPH_LABEL_LENGTH = 60;

const HEADER_KINDS = new Set<ArticleSection['kind']>(['headline', 'byline', 'dateline', 'repeatedHeadline', 'caption']);

/** One line, at most `max` characters, cut at a word boundary. */
function label(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat || '…';
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function sectionSymbol(document: vscode.TextDocument, text: string, section: ArticleSection, article: ParsedArticle, paragraph: number): vscode.DocumentSymbol {
  const range = spanToRange(document, section);
  const written = text.slice(section.start, section.end);
  switch (section.kind) {
    case 'headline':
      return new vscode.DocumentSymbol(label(written, 200), 'headline', vscode.SymbolKind.File, range, range);
    case 'byline':
      return new vscode.DocumentSymbol(label(written, PARAGRAPH_LABEL_LENGTH), article.authors.length ? `byline: ${article.authors.join(', ')}` : 'byline', vscode.SymbolKind.Property, range, range);
    case 'dateline':
      return new vscode.DocumentSymbol(label(written, PARAGRAPH_LABEL_LENGTH), article.date ? `date ${article.date}` : 'dateline', vscode.SymbolKind.Event, range, range);
    case 'repeatedHeadline':
      return new vscode.DocumentSymbol(label(written, PARAGRAPH_LABEL_LENGTH), 'repeated headline', vscode.SymbolKind.String, range, range);
    case 'caption':
      return new vscode.DocumentSymbol(label(written, PARAGRAPH_LABEL_LENGTH), 'caption', vscode.SymbolKind.Field, range, range);
    case 'boilerplate':
      return new vscode.DocumentSymbol('Boilerplate', label(written, PARAGRAPH_LABEL_LENGTH), vscode.SymbolKind.Package, range, range);
    case 'footer':
      return new vscode.DocumentSymbol('Footer', label(written, PARAGRAPH_LABEL_LENGTH), vscode.SymbolKind.Package, range, range);
    case 'body':
      return new vscode.DocumentSymbol(label(written, PARAGRAPH_LABEL_LENGTH), `¶ ${paragraph}`, vscode.SymbolKind.String, range, range);
  }
}

/**
 * The article's outline: the headline (holding byline, dateline, repeated headline and captions of the
 * header), a Body group of paragraphs (and captions among them), and the footer.
 */
export function articleOutline(document: vscode.TextDocument, article: ParsedArticle): vscode.DocumentSymbol[] {
  const text = document.getText();
  const firstBody = article.sections.findIndex((s) => s.kind === 'body');
  const headerEnd = firstBody === -1 ? article.sections.length : firstBody;
  const symbols: vscode.DocumentSymbol[] = [];
  let headline: vscode.DocumentSymbol | undefined;
  let body: vscode.DocumentSymbol | undefined;
  let paragraph = 0;
  article.sections.forEach((section, index) => {
    if (section.kind === 'body') paragraph++;
    const symbol = sectionSymbol(document, text, section, article, paragraph);
    if (section.kind === 'headline' && !headline) {
      headline = symbol;
      symbols.push(symbol);
    } else if (index < headerEnd && HEADER_KINDS.has(section.kind) && headline) {
      headline.children.push(symbol);
      headline.range = headline.range.union(symbol.range);
    } else if (section.kind === 'body' || (section.kind === 'caption' && body)) {
      if (!body) {
        body = new vscode.DocumentSymbol('Body', '', vscode.SymbolKind.Namespace, symbol.range, symbol.range);
        symbols.push(body);
      }
      body.children.push(symbol);
      body.range = body.range.union(symbol.range);
    } else {
      symbols.push(symbol);
    }
  });
  if (body) body.detail = `${paragraph} paragraph${paragraph === 1 ? '' : 's'}`;
  return symbols;
}

/** Outline of news articles from the parser. */
export class ArticleDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly parsedDocuments: ParsedDocuments) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return articleOutline(document, this.parsedDocuments.get(document));
  }
}

export function registerDocumentSymbols(deps: { parsedDocuments: ParsedDocuments }): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(
    { language: 'news-article' },
    new ArticleDocumentSymbolProvider(deps.parsedDocuments),
    { label: 'Article' },
  );
}
