import * as vscode from 'vscode';
import type { ArticleAnalysis, EntityType, Span } from '../core/types';
import { spanToLineRanges } from './convert';
import type { DocumentAnalyses } from './documentAnalysis';

/** Custom token types contributed in package.json (`semanticTokenTypes`, with superTypes and default scopes). */
export const ARTICLE_TOKEN_TYPES = ['person', 'organization', 'place', 'date', 'quote'] as const;
export type ArticleTokenType = (typeof ARTICLE_TOKEN_TYPES)[number];

/** The legend, built once: providers and the `vscode.provideDocumentSemanticTokensLegend` command share it. */
export const ARTICLE_TOKENS_LEGEND = new vscode.SemanticTokensLegend([...ARTICLE_TOKEN_TYPES], []);

const ENTITY_TOKEN: Record<EntityType, ArticleTokenType | undefined> = {
  person: 'person',
  organization: 'organization',
  place: 'place',
  misc: undefined,
};

interface TypedSpan extends Span {
  type: ArticleTokenType;
}

/**
 * The token spans of an analysis, sorted and non-overlapping. Names and dates are more specific than
 * the quote around them, so a quote is cut around them rather than hiding them.
 */
export function articleTokenSpans(analysis: ArticleAnalysis): TypedSpan[] {
  const inner: TypedSpan[] = [];
  for (const entity of analysis.entities) {
    const type = ENTITY_TOKEN[entity.type];
    if (type) inner.push({ start: entity.start, end: entity.end, type });
  }
  for (const date of analysis.dates) inner.push({ start: date.start, end: date.end, type: 'date' });
  inner.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: TypedSpan[] = [];
  let covered = 0;
  for (const span of inner) {
    // An entity and a date may overlap ("Tuesday" as a name): the first one wins.
    if (span.start < covered || span.end <= span.start) continue;
    spans.push(span);
    covered = span.end;
  }
  const quotes: TypedSpan[] = [];
  for (const quote of analysis.quotes) {
    let start = quote.start;
    for (const span of spans) {
      if (span.end <= start || span.start >= quote.end) continue;
      if (span.start > start) quotes.push({ start, end: span.start, type: 'quote' });
      start = Math.max(start, span.end);
    }
    if (quote.end > start) quotes.push({ start, end: quote.end, type: 'quote' });
  }
  const all = [...spans, ...quotes].sort((a, b) => a.start - b.start);
  // Two quotes may overlap (a partial quote inside a longer one); tokens may not.
  let end = 0;
  return all.filter((span) => {
    if (span.start < end) return false;
    end = span.end;
    return true;
  });
}

/** Semantic tokens for what the extractor finds: people, organizations, places, dates and quotes. */
export class ArticleSemanticTokensProvider implements vscode.DocumentSemanticTokensProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideDocumentSemanticTokens(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens | undefined> {
    const { version, analysis } = await this.analyses.get(document);
    if (token.isCancellationRequested || version !== document.version) return undefined;
    const builder = new vscode.SemanticTokensBuilder(ARTICLE_TOKENS_LEGEND);
    for (const span of articleTokenSpans(analysis)) {
      for (const range of spanToLineRanges(document, span)) builder.push(range, span.type);
    }
    return builder.build();
  }
}

export function registerSemanticTokens(deps: { analyses: DocumentAnalyses }): vscode.Disposable {
  const provider = new ArticleSemanticTokensProvider(deps.analyses);
  return vscode.languages.registerDocumentSemanticTokensProvider({ language: 'news-article' }, provider, ARTICLE_TOKENS_LEGEND);
}
