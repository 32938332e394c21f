import { parseArticle } from '../core/article';
import { ArticleExtractor } from '../core/extract';
import { lineFrequencyOf, type ArticleAnalysisResult, type FolderLineHints } from '../core/index';
import { loadEntityRecognizer } from '../core/ner';
import type { AnalysisBackend } from './analysisBackendContract';
import { type Logger, silentLogger } from '../core/logger';

/**
 * The extractor of the shipped model in this thread. A missing model is not an error: people,
 * organizations and places are then empty while dates and quotes still work. An unreadable model
 * is reported once in the log and treated the same way.
 */
function inThreadExtractor(modelBytes: Uint8Array, logger: Logger): ArticleExtractor {
  try {
    return new ArticleExtractor(loadEntityRecognizer(modelBytes));
  } catch (error) {
    logger.error('the entity model could not be read; people, organizations and places are off', error);
    return new ArticleExtractor(loadEntityRecognizer(new Uint8Array(0)));
  }
}

/**
 * Analysis in the extension host's own thread: the web extension host (no worker threads there), or
 * a desktop install that lacks the worker script. A module of its own, imported only then, so the
 * desktop extension host never loads the extractors (the workers do).
 */
export class InThreadAnalysisBackend implements AnalysisBackend {
  private readonly extractor: ArticleExtractor;

  constructor(readonly modelVersion: string, modelBytes: Uint8Array, private readonly logger: Logger = silentLogger) {
    this.extractor = inThreadExtractor(modelBytes, logger);
  }

  async analyze(text: string, folder?: FolderLineHints): Promise<ArticleAnalysisResult> {
    const article = parseArticle(text, { lineFrequency: lineFrequencyOf(folder) });
    const analysis = this.extractor.analyzeArticle(text, article, {
      onError: (stage, error) => this.logger.error(`${stage} extraction failed`, error),
    });
    return { article, analysis };
  }

  dispose(): void {}
}
