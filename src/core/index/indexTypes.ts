/**
 * The workspace index's public types: what it analyses with, how it runs, and what it reports
 * (updates, progress, build results, record changes).
 */
import type { ArticleRecord } from './articleRecord';
import type { FolderLineHints } from './folderLines';
import type { ArticleAnalysis, ParsedArticle } from '../types';

/** One article's parse and extraction. */
export interface ArticleAnalysisResult {
  article: ParsedArticle;
  analysis: ArticleAnalysis;
}

/**
 * Parses and analyses one article's text: the real pipeline in-thread, a pool of worker threads
 * (asynchronous), or a fake in tests. A thrown error or rejected promise skips that file only. `folder`
 * tells how many other articles of the workspace hold each of its lines (for `parseArticle`'s
 * `lineFrequency`: the site's repeated furniture is boilerplate).
 */
export type AnalyzeArticle = (text: string, folder?: FolderLineHints) => ArticleAnalysisResult | Promise<ArticleAnalysisResult>;

/** How the index runs. */
export interface WorkspaceIndexOptions {
  /** Identifies the analyser; a cache written by another version is not reused. */
  modelVersion: string;
  /** Milliseconds of work before yielding to the host's event loop (default 15). */
  sliceMs?: number;
  /** How to yield (default: a zero-delay timer, so the extension host keeps serving requests). */
  yieldToHost?: () => Promise<void>;
  /** Files read at once during a build (default 16). */
  readConcurrency?: number;
  /**
   * Asynchronous analyses kept in flight during a build (default 16). Results are applied in file
   * order, so a long article at the head holds back those behind it: with a few in flight only, the
   * workers of a pool then run dry.
   */
  analysisConcurrency?: number;
  /** Larger files are skipped with a reason rather than analysed for seconds (default 5 MB). */
  maxFileBytes?: number;
  /** Finds wire copies and near-duplicates (default true; the bench turns it off to compare). */
  copies?: boolean;
}

/** What changed in the index: views and semantic tokens refresh on it. */
export interface IndexUpdate {
  /** Files (re)indexed. */
  changed: string[];
  /** Files no longer indexed. */
  removed: string[];
}

/** Progress of a build. */
export interface IndexProgress {
  done: number;
  total: number;
}

/** A file the index could not read or decode, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** The outcome of `build()`. */
export interface BuildResult {
  /** Files indexed in all (analysed, from cache or unchanged). */
  indexed: number;
  analysed: number;
  fromCache: number;
  skipped: SkippedFile[];
  cancelled: boolean;
}

/** A file's record set (`before` undefined), replaced, or removed (`after` undefined). */
export interface RecordChange {
  readonly path: string;
  readonly before: ArticleRecord | undefined;
  readonly after: ArticleRecord | undefined;
}
