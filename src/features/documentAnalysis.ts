import * as vscode from 'vscode';
import type { ArticleAnalysis, ParsedArticle } from '../core/types';
import type { AnalysisBackend } from './analysisBackend';
import type { ParsedDocuments } from './parsedDocuments';
import { type Logger, silentLogger } from '../core/logger';

/**
 * Longer documents are not analysed: extraction runs at some hundreds of thousands of tokens a
 * second, and a multi-megabyte file would keep a worker (or, on the web, the extension host) busy
 * for seconds. News articles are far shorter; outline and folding (parser only) still work beyond this.
 */
export const MAX_ANALYSED_LENGTH = 200_000;

function nothingFound(): ArticleAnalysis {
  return { entities: [], dates: [], quotes: [] };
}

/** A document's parse and extraction at one version. */
export interface DocumentAnalysis {
  version: number;
  parsed: ParsedArticle;
  analysis: ArticleAnalysis;
}

/**
 * Parse plus extraction per open document, computed lazily on the first request for a version and
 * shared by semantic tokens and hovers. Concurrent requests for one version share one computation.
 * Extraction runs in the analysis backend (worker threads on the desktop), loaded on first use; a
 * failed analysis (a crashed worker) is logged and leaves the document without entities.
 */
export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; result: Promise<DocumentAnalysis> }>();
  private readonly closeListener: vscode.Disposable;

  constructor(
    private readonly parsedDocuments: ParsedDocuments,
    private readonly loadBackend: () => Promise<AnalysisBackend>,
    private readonly logger: Logger = silentLogger,
  ) {
    this.closeListener = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));
  }

  /** The analysis of `document` at its current version. */
  get(document: vscode.TextDocument): Promise<DocumentAnalysis> {
    const key = document.uri.toString();
    const version = document.version;
    const cached = this.cache.get(key);
    if (cached?.version === version) return cached.result;
    // Text and parse are taken now, so the result belongs to this version even if an edit lands
    // while the model loads.
    const text = document.getText();
    const parsed = this.parsedDocuments.get(document);
    const result = text.length > MAX_ANALYSED_LENGTH
      ? Promise.resolve({ version, parsed, analysis: nothingFound() })
      : this.loadBackend()
        .then((backend) => backend.analyze(text))
        .then(({ analysis }) => ({ version, parsed, analysis }), (error: unknown) => {
          this.logger.error(`analysis failed on ${key}`, error);
          return { version, parsed, analysis: nothingFound() };
        });
    this.cache.set(key, { version, result });
    return result;
  }

  dispose(): void {
    this.closeListener.dispose();
    this.cache.clear();
  }
}
