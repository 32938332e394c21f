// Messages between the analysis pool and its workers (structured-cloned, so plain data only).
import type { ArticleAnalysis, ParsedArticle } from '../core/types';

/** What a worker gets at start: the NER model file's bytes (empty: no model, entities off). */
export interface AnalysisWorkerData {
  modelBytes: Uint8Array;
}

/** One article to parse and analyse. */
export interface AnalysisRequest {
  id: number;
  text: string;
  /** How many other articles of the folder hold each of its lines (see `FolderLineHints`). */
  folder?: Readonly<Record<string, number>>;
}

/** The worker's answer to a request: the parse and analysis, or why it failed. */
export type AnalysisReply =
  | { id: number; ok: true; article: ParsedArticle; analysis: ArticleAnalysis }
  | { id: number; ok: false; error: string };
