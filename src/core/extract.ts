import type { ArticleAnalysis, ParsedArticle, Span } from './types';
import type { EntityRecognizer } from './ner';
import { findDates } from './dates';
import { findQuotes } from './quotes';

/** Which parts of the analysis to compute. */
export type ExtractionTask = 'entities' | 'dates' | 'quotes';
export const ALL_TASKS: readonly ExtractionTask[] = ['entities', 'dates', 'quotes'];

export interface ExtractOptions {
  /** Publication date `YYYY-MM-DD` that relative dates resolve against. */
  date?: string | null;
  /** Stretches to leave out (captions, boilerplate). */
  skip?: readonly Span[];
  /** Stretches the entity recognizer leaves out; default `skip`. */
  entitySkip?: readonly Span[];
  /** Defaults to all tasks. Quotes need entities for speaker names, so they imply them. */
  tasks?: readonly ExtractionTask[];
  /** Told about a stage that failed; the other stages still run. */
  onError?: (stage: ExtractionTask, error: unknown) => void;
}

/** Runs the extraction stages over one text. A stage that throws loses only its own results. */
export class ArticleExtractor {
  constructor(private readonly recognizer: EntityRecognizer) {}

  analyze(text: string, options: ExtractOptions = {}): ArticleAnalysis {
    const tasks = new Set(options.tasks ?? ALL_TASKS);
    const skip = options.skip ?? [];
    const result: ArticleAnalysis = { entities: [], dates: [], quotes: [] };
    const guard = <T>(stage: ExtractionTask, run: () => T[]): T[] => {
      try {
        return run();
      } catch (err) {
        options.onError?.(stage, err);
        return [];
      }
    };
    if (tasks.has('entities') || tasks.has('quotes')) {
      result.entities = guard('entities', () => this.recognizer.recognize(text, options.entitySkip ?? skip));
    }
    if (tasks.has('dates')) {
      result.dates = guard('dates', () => findDates(text, options.date ?? null, skip));
    }
    if (tasks.has('quotes')) {
      result.quotes = guard('quotes', () => findQuotes(text, result.entities, skip));
    }
    return result;
  }

  /** Analyses a parsed article: captions and footer boilerplate are skipped, the dateline gives the date. */
  /**
   * The parser's bylines, less those the person-name model reads as an organization, place or other name in
   * their own line:
   * the parser finds bylines by their shape and position only ("By Tech Industry", "Polizei Steinfurt" fit that
   * shape too), and the model is too slow to run inside `parseArticle` on every page of a folder.
   */
  confirmAuthors(text: string, article: ParsedArticle): ParsedArticle {
    if (!article.authors.length || article.authorSpans.length !== article.authors.length) return article;
    const authors: string[] = [];
    const authorSpans: Span[] = [];
    article.authors.forEach((name, i) => {
      const span = article.authorSpans[i];
      if (isPersonAt(this.recognizer, text, span)) {
        authors.push(name);
        authorSpans.push(span);
      }
    });
    return authors.length === article.authors.length ? article : { ...article, authors, authorSpans };
  }

  analyzeArticle(text: string, article: ParsedArticle, options: Omit<ExtractOptions, 'skip' | 'date'> = {}): ArticleAnalysis {
    return this.analyze(text, { ...options, date: article.date, skip: nonBodySpans(article), entitySkip: nonTextSpans(article) });
  }
}

/**
 * What the entity recognizer leaves out of a page: captions and credits, a repeated headline. Not the
 * boilerplate: the block classifier also reads e-mail headers, sign-offs and forum lines as furniture,
 * and leaving them out cost a quarter of the people in web text (UNER EWT dev recall 0.863 -> 0.633),
 * while a name in a menu or teaser is still a name.
 */
export function nonTextSpans(article: ParsedArticle): Span[] {
  return article.sections.filter((s) => s.kind === 'caption' || s.kind === 'repeatedHeadline').map(({ start, end }) => ({ start, end }));
}

/** Sections whose text is not the article's own prose: captions, boilerplate and footer, a repeated headline. */
export function nonBodySpans(article: ParsedArticle): Span[] {
  return article.sections
    .filter((s) => s.kind === 'caption' || s.kind === 'footer' || s.kind === 'boilerplate' || s.kind === 'repeatedHeadline')
    .map(({ start, end }) => ({ start, end }));
}

/** False when the recognizer, reading the line around `span` (at most 300 characters), finds a name there that is no person's. */
function isPersonAt(recognizer: EntityRecognizer, text: string, span: Span): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', span.start - 1) + 1, span.start - 150);
  const newline = text.indexOf('\n', span.end);
  const lineEnd = Math.min(newline < 0 ? text.length : newline, span.end + 150);
  try {
    const found = recognizer.recognize(text.slice(lineStart, lineEnd));
    const over = found.filter((e) => e.start + lineStart < span.end && e.end + lineStart > span.start);
    // The model misses rare names in a short line ("By Cathy He"): only a name it reads as something else goes.
    return !over.length || over.some((e) => e.type === 'person');
  } catch {
    return true;
  }
}
