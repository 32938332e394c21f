import * as vscode from 'vscode';
import type { ParsedArticle, Span } from '../core/types';
import { spanToLines } from './convert';
import type { ParsedDocuments } from './parsedDocuments';

/**
 * Folds of an article: the header block (headline through byline, dateline, repeated headline and the
 * captions before the body), the footer block, each caption and each paragraph that runs over
 * several lines. Single-line stretches cannot fold and are left out.
 */
export function articleFoldingRanges(document: vscode.TextDocument, article: ParsedArticle): vscode.FoldingRange[] {
  const ranges: vscode.FoldingRange[] = [];
  const fold = (span: Span, kind?: vscode.FoldingRangeKind) => {
    const { startLine, endLine } = spanToLines(document, span);
    if (endLine > startLine) ranges.push(new vscode.FoldingRange(startLine, endLine, kind));
  };
  const sections = article.sections;
  const firstBody = sections.findIndex((s) => s.kind === 'body');
  const header = sections.slice(0, firstBody === -1 ? sections.length : firstBody).filter((s) => s.kind !== 'footer' && s.kind !== 'boilerplate');
  if (header.length) fold({ start: header[0].start, end: header[header.length - 1].end }, vscode.FoldingRangeKind.Region);
  const footers = sections.filter((s) => s.kind === 'footer');
  if (footers.length) fold({ start: footers[0].start, end: footers[footers.length - 1].end }, vscode.FoldingRangeKind.Region);
  for (const section of sections) {
    if (section.kind === 'caption' || section.kind === 'body') fold(section);
  }
  return ranges;
}

/** Folding of news articles from the parser. */
export class ArticleFoldingRangeProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly parsedDocuments: ParsedDocuments) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return articleFoldingRanges(document, this.parsedDocuments.get(document));
  }
}

export function registerFolding(deps: { parsedDocuments: ParsedDocuments }): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider({ language: 'news-article' }, new ArticleFoldingRangeProvider(deps.parsedDocuments));
}
