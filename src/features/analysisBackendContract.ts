import type * as vscode from 'vscode';
import type { ArticleAnalysisResult, FolderLineHints } from '../core/index';

/**
 * Where articles are parsed and analysed for the editor features and the workspace index: one
 * backend per extension, so the model is loaded once. On the desktop (Node extension host) it is a
 * pool of worker threads and the extension host thread never loads the model; on the web it runs
 * in-thread (the workspace index yields between slices).
 */
export interface AnalysisBackend extends vscode.Disposable {
  /** Identifies extension version and model, keying the index cache. */
  readonly modelVersion: string;
  /** Parses and analyses one article. Rejects when the analysis fails (a worker crashed). */
  analyze(text: string, folder?: FolderLineHints): Promise<ArticleAnalysisResult>;
}
