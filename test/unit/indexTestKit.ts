// Helpers for the index unit tests: an in-memory host and a fake analyser driven by a small lexicon,
// so entity linking is tested apart from the NER.
import type { ArticleAnalysis, EntityMention, EntityType, ParsedArticle, QuoteMention } from '../../src/core/types';
import { Emitter, type Disposable } from '../../src/core/events';
import type { FileChange, WorkspaceHost } from '../../src/core/index/host';

export class MemoryHost implements WorkspaceHost {
  readonly files = new Map<string, Uint8Array | Error>();
  private readonly changes = new Emitter<FileChange>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.set(path, text);
  }

  set(path: string, text: string | Uint8Array | Error): void {
    this.files.set(path, typeof text === 'string' ? new TextEncoder().encode(text) : text);
  }

  fire(change: FileChange): void {
    this.changes.fire(change);
  }

  async listFiles(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    const content = this.files.get(path);
    if (!content) throw new Error('no such file');
    if (content instanceof Error) throw content;
    return content;
  }

  onDidChangeFile(listener: (change: FileChange) => void): Disposable {
    return this.changes.event(listener);
  }
}

export interface LexiconEntry {
  /** Text to find. */
  text: string;
  type: EntityType;
  /** Article-level canonical name (defaults to `text`). */
  name?: string;
  roles?: string[];
}

/**
 * A fake `analyze`: a header of `Key: value` lines (Outlet, Date, By) then the body; entity mentions
 * are the lexicon's texts found as whole words (longest first); dates are ISO days written
 * `[2019-01-15]`; quotes are `"..." said NAME` with NAME looked up in the lexicon. Counts its calls.
 */
export function fakeAnalyzer(lexicon: LexiconEntry[]): { analyze: (text: string) => { article: ParsedArticle; analysis: ArticleAnalysis }; calls: string[] } {
  const calls: string[] = [];
  const entries = [...lexicon].sort((a, b) => b.text.length - a.text.length);
  const analyze = (text: string) => {
    calls.push(text);
    const article: ParsedArticle = {
      headline: text.split('\n')[0] || null, headlineSpan: null, authors: [], authorSpans: [], date: null, dateSpan: null,
      sectionName: null, outlet: null, sections: [{ kind: 'body', start: 0, end: text.length }], score: 1,
    };
    const header = /^(Outlet|Date|By): (.*)$/gm;
    for (let m = header.exec(text); m; m = header.exec(text)) {
      if (m[1] === 'Outlet') article.outlet = { name: m[2], via: null };
      if (m[1] === 'Date') article.date = m[2];
      if (m[1] === 'By') {
        article.authors.push(m[2]);
        const start = m.index + 4;
        article.authorSpans.push({ start, end: start + m[2].length });
        article.sections.push({ kind: 'byline', start: m.index, end: m.index + m[0].length });
      }
    }
    const entities: EntityMention[] = [];
    const taken = new Uint8Array(text.length);
    for (const e of entries) {
      const re = new RegExp(`\\b${e.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (taken.subarray(m.index, m.index + e.text.length).some((x) => x)) continue;
        taken.fill(1, m.index, m.index + e.text.length);
        entities.push({ start: m.index, end: m.index + e.text.length, type: e.type, text: e.text, name: e.name ?? e.text, roles: e.roles ?? [] });
      }
    }
    entities.sort((a, b) => a.start - b.start);
    const dates = [...text.matchAll(/\[(\d{4}-\d{2}-\d{2})\]/g)].map((m) => ({ start: m.index as number, end: (m.index as number) + m[0].length, text: m[0], type: 'DATE' as const, value: m[1] }));
    const quotes: QuoteMention[] = [...text.matchAll(/"([^"]+)" said ([A-Z][\w ]*?)\./g)].map((m) => {
      const start = m.index as number;
      const speakerStart = start + m[0].length - m[2].length - 1;
      const lex = lexicon.find((e) => e.text === m[2]);
      return { start, end: start + m[1].length + 2, text: m[1], speaker: { start: speakerStart, end: speakerStart + m[2].length }, speakerText: m[2], speakerName: lex?.name ?? m[2], cue: 'said' };
    });
    return { article, analysis: { entities, dates, quotes } };
  };
  return { analyze, calls };
}
