/**
 * Lookups derived from the index's records, each following the records as they come and go
 * (`IndexIngestion.onDidChangeRecord`), the way Foam's graph follows its workspace: dates by day,
 * quotes by speaker key, and the catalogue of quotes by word for "the same statement elsewhere".
 */
import type { DateMention, QuoteMention } from '../types';
import type { ArticleRecord } from './articleRecord';
import type { Disposable, Event } from '../events';
import type { RecordChange } from './ingestion';
import { quoteWords } from './quoteSimilarity';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Date mentions by the day they resolve to (`YYYY-MM-DD`), then by file. */
export class DayLookup implements Disposable {
  private readonly byDay = new Map<string, Map<string, DateMention[]>>();
  private readonly subscription: Disposable;

  constructor(onDidChangeRecord: Event<RecordChange>) {
    this.subscription = onDidChangeRecord(({ path, before, after }) => {
      for (const date of before?.dates ?? []) {
        const files = date.value ? this.byDay.get(date.value) : undefined;
        if (!files) continue;
        files.delete(path);
        if (!files.size) this.byDay.delete(date.value as string);
      }
      for (const date of after?.dates ?? []) {
        if (!date.value || !DAY.test(date.value)) continue;
        let files = this.byDay.get(date.value);
        if (!files) this.byDay.set(date.value, (files = new Map()));
        const list = files.get(path);
        if (list) list.push(date);
        else files.set(path, [date]);
      }
    });
  }

  /** The files with dates on `day`, and those dates. */
  datesOn(day: string): ReadonlyMap<string, readonly DateMention[]> {
    return this.byDay.get(day) ?? new Map();
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** The files quoting each speaker key. */
export class SpeakerLookup implements Disposable {
  private readonly bySpeaker = new Map<string, Set<string>>();
  private readonly subscription: Disposable;

  constructor(onDidChangeRecord: Event<RecordChange>) {
    this.subscription = onDidChangeRecord(({ path, before, after }) => {
      for (const key of before?.speakerKeys ?? []) {
        const files = key === null ? undefined : this.bySpeaker.get(key);
        files?.delete(path);
        if (files && !files.size) this.bySpeaker.delete(key as string);
      }
      for (const key of after?.speakerKeys ?? []) {
        if (key === null) continue;
        let files = this.bySpeaker.get(key);
        if (!files) this.bySpeaker.set(key, (files = new Set()));
        files.add(path);
      }
    });
  }

  /** Files with a quote whose speaker has this name key. */
  filesOf(key: string): ReadonlySet<string> {
    return this.bySpeaker.get(key) ?? new Set();
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** Every quote of the workspace, with its words and, by word, the quotes using it. */
export interface QuoteCatalogueContent {
  readonly refs: readonly { file: string; quote: QuoteMention; words: string[] }[];
  readonly byWord: ReadonlyMap<string, number[]>;
}

/** The quotes by word, built on first use and dropped whenever a record changes. */
export class QuoteCatalogue implements Disposable {
  private content: QuoteCatalogueContent | null = null;
  private readonly subscription: Disposable;

  constructor(
    onDidChangeRecord: Event<RecordChange>,
    private readonly files: () => Iterable<string>,
    private readonly record: (file: string) => ArticleRecord | undefined,
  ) {
    this.subscription = onDidChangeRecord(() => {
      this.content = null;
    });
  }

  get(): QuoteCatalogueContent {
    if (this.content) return this.content;
    const refs: { file: string; quote: QuoteMention; words: string[] }[] = [];
    const byWord = new Map<string, number[]>();
    for (const file of this.files()) {
      for (const quote of this.record(file)?.quotes ?? []) {
        const words = quoteWords(quote.text);
        const ref = refs.push({ file, quote, words }) - 1;
        for (const w of new Set(words)) {
          if (w.length < 3) continue;
          const list = byWord.get(w);
          if (list) list.push(ref);
          else byWord.set(w, [ref]);
        }
      }
    }
    this.content = { refs, byWord };
    return this.content;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
