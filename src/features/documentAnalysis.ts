import * as vscode from 'vscode';
import { ArticleExtractor } from '../core/extract';
import { loadEntityRecognizer } from '../core/ner';
import type { ArticleAnalysis, ParsedArticle } from '../core/types';
import type { ParsedDocuments } from './parsedDocuments';

/**
 * Longer documents are not analysed: extraction runs in the extension host at some tens of
 * thousands of tokens a second, and a multi-megabyte file would stall it for seconds. News articles
 * are far shorter; outline and folding (parser only) still work beyond this.
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
 * Builds the extractor from the model shipped in the extension (`models/ner-en.bin`). A missing model
 * is not an error: people, organizations and places are then empty while dates and quotes still work.
 * An unreadable model is reported once on the console and treated the same way.
 */
export async function loadShippedExtractor(extensionUri: vscode.Uri): Promise<ArticleExtractor> {
  const modelBytes = await vscode.workspace.fs
    .readFile(vscode.Uri.joinPath(extensionUri, 'models', 'ner-en.bin'))
    .then((bytes) => bytes, () => new Uint8Array(0));
  try {
    return new ArticleExtractor(loadEntityRecognizer(modelBytes));
  } catch (error) {
    console.error('News Annotator: the entity model could not be read; people, organizations and places are off', error);
    return new ArticleExtractor(loadEntityRecognizer(new Uint8Array(0)));
  }
}

/**
 * Parse plus extraction per open document, computed lazily on the first request for a version and
 * shared by semantic tokens and hovers. Concurrent requests for one version share one computation;
 * the model is loaded on the first request, not at activation.
 */
export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; result: Promise<DocumentAnalysis> }>();
  private extractor: Promise<ArticleExtractor> | undefined;
  private readonly closeListener: vscode.Disposable;

  constructor(
    private readonly parsedDocuments: ParsedDocuments,
    private readonly loadExtractor: () => Promise<ArticleExtractor>,
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
      : this.extractorOnce().then((extractor) => ({
        version,
        parsed,
        analysis: extractor.analyzeArticle(text, parsed, {
          onError: (stage, error) => console.error(`News Annotator: ${stage} extraction failed on ${key}`, error),
        }),
      }));
    this.cache.set(key, { version, result });
    return result;
  }

  private extractorOnce(): Promise<ArticleExtractor> {
    return (this.extractor ??= this.loadExtractor());
  }

  dispose(): void {
    this.closeListener.dispose();
    this.cache.clear();
  }
}
