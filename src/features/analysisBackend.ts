import * as vscode from 'vscode';
import { parseArticle } from '../core/article';
import { ArticleExtractor } from '../core/extract';
import { hashBytes, type ArticleAnalysisResult } from '../core/index';
import { loadEntityRecognizer } from '../core/ner';

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
  analyze(text: string): Promise<ArticleAnalysisResult>;
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
 * The extractor of the shipped model in this thread. A missing model is not an error: people,
 * organizations and places are then empty while dates and quotes still work. An unreadable model
 * is reported once on the console and treated the same way.
 */
export function inThreadExtractor(modelBytes: Uint8Array): ArticleExtractor {
  try {
    return new ArticleExtractor(loadEntityRecognizer(modelBytes));
  } catch (error) {
    console.error('News Annotator: the entity model could not be read; people, organizations and places are off', error);
    return new ArticleExtractor(loadEntityRecognizer(new Uint8Array(0)));
  }
}

/** Analysis in the extension host's own thread (the web extension host has no worker threads here). */
export class InThreadAnalysisBackend implements AnalysisBackend {
  private readonly extractor: ArticleExtractor;

  constructor(readonly modelVersion: string, modelBytes: Uint8Array) {
    this.extractor = inThreadExtractor(modelBytes);
  }

  async analyze(text: string): Promise<ArticleAnalysisResult> {
    const article = parseArticle(text);
    const analysis = this.extractor.analyzeArticle(text, article, {
      onError: (stage, error) => console.error(`News Annotator: ${stage} extraction failed`, error),
    });
    return { article, analysis };
  }

  dispose(): void {}
}

/**
 * Creates the backend on first use (the model is read then, not at activation) and disposes it
 * with the extension. The Node variant is imported only outside the web build (esbuild replaces
 * `process.env.NEWS_ANNOTATOR_WEB`), so the web bundle has no `worker_threads`.
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
      ? new InThreadAnalysisBackend(version, modelBytes)
      : (await import('./analysisBackendNode')).createNodeAnalysisBackend(this.context.extensionUri, version, modelBytes);
    if (this.disposed) backend.dispose();
    return backend;
  }

  dispose(): void {
    this.disposed = true;
    void this.backend?.then((b) => b.dispose(), () => undefined);
  }
}
