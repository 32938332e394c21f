import * as vscode from 'vscode';
import { hashBytes, type ArticleAnalysisResult, type FolderLineHints } from '../core/index';

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

  constructor(private readonly context: vscode.ExtensionContext) {}

  get(): Promise<AnalysisBackend> {
    return (this.backend ??= this.create());
  }

  private async create(): Promise<AnalysisBackend> {
    const modelBytes = await readShippedModel(this.context.extensionUri);
    const version = modelVersionOf(this.context, modelBytes);
    const backend: AnalysisBackend = process.env.NEWS_ANNOTATOR_WEB
      ? new (await import('./analysisBackendInThread')).InThreadAnalysisBackend(version, modelBytes)
      : await (await import('./analysisBackendNode')).createNodeAnalysisBackend(this.context.extensionUri, version, modelBytes);
    if (this.disposed) backend.dispose();
    return backend;
  }

  dispose(): void {
    this.disposed = true;
    void this.backend?.then((b) => b.dispose(), () => undefined);
  }
}
