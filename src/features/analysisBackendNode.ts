import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ArticleAnalysisResult, FolderLineHints } from '../core/index';
import { AnalysisPool } from '../node/analysisPool';
import type { AnalysisBackend } from './analysisBackendContract';
import { type Logger, silentLogger } from '../core/logger';

/** Analysis in a pool of worker threads (`dist/analysisWorker.js`), off the extension host thread. */
class PoolAnalysisBackend implements AnalysisBackend {
  constructor(readonly modelVersion: string, private readonly pool: AnalysisPool) {}

  analyze(text: string, folder?: FolderLineHints): Promise<ArticleAnalysisResult> {
    return this.pool.analyze(text, folder);
  }

  dispose(): void {
    void this.pool.dispose();
  }
}

/**
 * The desktop backend: a worker pool of the default size. Without the worker script (a build that
 * lacks it) analysis falls back to the extension host thread rather than failing every file.
 */
export async function createNodeAnalysisBackend(extensionUri: vscode.Uri, modelVersion: string, modelBytes: Uint8Array, logger: Logger = silentLogger): Promise<AnalysisBackend> {
  const workerScript = vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath;
  if (!fs.existsSync(workerScript)) {
    logger.error(`${workerScript} is missing; articles are analysed in the extension host thread`);
    return new (await import('./analysisBackendInThread')).InThreadAnalysisBackend(modelVersion, modelBytes, logger);
  }
  return new PoolAnalysisBackend(modelVersion, new AnalysisPool({ workerScript, modelBytes }));
}
