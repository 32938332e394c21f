import * as vscode from 'vscode';
import { hashBytes } from '../core/index';
import type { AnalysisBackend } from './analysisBackendContract';
import { type Logger, silentLogger } from '../core/logger';

export type { AnalysisBackend } from './analysisBackendContract';

/** The shipped NER model's bytes (`models/ner-en.bin`); empty when it is missing. */
export async function readShippedModel(extensionUri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'models', 'ner-en.bin')).then((bytes) => bytes, () => new Uint8Array(0));
}

/** The cache key of an extension version and a model. */
export function modelVersionOf(context: vscode.ExtensionContext, modelBytes: Uint8Array): string {
  return `${context.extension.packageJSON.version as string}:${hashBytes(modelBytes)}`;
}

/**
 * Creates the backend on first use (the model is read then, not at activation) and disposes it
 * with the extension. The Node variant is imported only outside the web build (esbuild replaces
 * `process.env.NEWS_ANNOTATOR_WEB`), so the web bundle has no `worker_threads`; the extractors are
 * loaded only where they run in this thread.
 */
export class LazyAnalysisBackend implements vscode.Disposable {
  private backend: Promise<AnalysisBackend> | undefined;
  private disposed = false;

  constructor(private readonly context: vscode.ExtensionContext, private readonly logger: Logger = silentLogger) {}

  get(): Promise<AnalysisBackend> {
    return (this.backend ??= this.create());
  }

  private async create(): Promise<AnalysisBackend> {
    const modelBytes = await readShippedModel(this.context.extensionUri);
    const version = modelVersionOf(this.context, modelBytes);
    const backend: AnalysisBackend = process.env.NEWS_ANNOTATOR_WEB
      ? new (await import('./analysisBackendInThread')).InThreadAnalysisBackend(version, modelBytes, this.logger)
      : await (await import('./analysisBackendNode')).createNodeAnalysisBackend(this.context.extensionUri, version, modelBytes, this.logger);
    if (this.disposed) backend.dispose();
    return backend;
  }

  dispose(): void {
    this.disposed = true;
    void this.backend?.then((b) => b.dispose(), () => undefined);
  }
}
