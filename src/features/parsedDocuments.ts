import * as vscode from 'vscode';
import { parseArticle } from '../core/article';
import type { ParsedArticle } from '../core/types';

/**
 * The article parser's result per open document, computed on first use and kept for the document's
 * version: outline, folding, detection and semantic tokens share one parse per edit.
 */
export class ParsedDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; parsed: ParsedArticle }>();
  private readonly closeListener: vscode.Disposable;

  constructor() {
    this.closeListener = vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString()));
  }

  /** The parse of `document` at its current version. */
  get(document: vscode.TextDocument): ParsedArticle {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.parsed;
    const parsed = parseArticle(document.getText());
    this.cache.set(key, { version: document.version, parsed });
    return parsed;
  }

  dispose(): void {
    this.closeListener.dispose();
    this.cache.clear();
  }
}

/** Creates the shared parse cache; dispose it with the extension. */
export function registerParsedDocuments(): ParsedDocuments {
  return new ParsedDocuments();
}
