import { FOLDER_BOILERPLATE_ARTICLES, folderLineKey, splitBlocks } from '../article';

/**
 * How many other articles of the folder hold each of one article's lines, by line key (see `folderLineKey`):
 * what the parser needs to tell the site's furniture (menus, footers repeated on every page) from the article.
 * A plain object, so it crosses to worker threads.
 */
export type FolderLineHints = Readonly<Record<string, number>>;

/** The parser's `lineFrequency` over a file's hints (0 for a line no other article holds). */
export function lineFrequencyOf(hints: FolderLineHints | undefined): ((key: string) => number) | undefined {
  if (!hints) return undefined;
  return (key) => hints[key] ?? 0;
}

/** Lines longer than this are the article's own prose, never counted (keeps the counts small). */
const MAX_COUNTED_LINE_LENGTH = 300;

/**
 * Counts, across the articles of a workspace, the files each short line occurs in. Updated file by file as the
 * index reads them; a file counts each of its lines once, and never toward its own hints.
 */
export class FolderLineCounts {
  private readonly linesOf = new Map<string, readonly string[]>();
  private readonly counts = new Map<string, number>();

  /** Records (or replaces) one file's lines. */
  set(path: string, text: string): void {
    this.delete(path);
    const keys = new Set<string>();
    // The title line is the article's own; every other short line may be the site's.
    for (const b of splitBlocks(text).slice(1)) {
      if (b.text.length <= MAX_COUNTED_LINE_LENGTH) keys.add(folderLineKey(b.text));
    }
    const list = [...keys];
    this.linesOf.set(path, list);
    for (const k of list) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  /** Forgets one file's lines. */
  delete(path: string): void {
    const list = this.linesOf.get(path);
    if (!list) return;
    this.linesOf.delete(path);
    for (const k of list) {
      const n = (this.counts.get(k) ?? 1) - 1;
      if (n > 0) this.counts.set(k, n);
      else this.counts.delete(k);
    }
  }

  /** For each of a recorded file's lines that other files hold too: in how many of them. */
  hints(path: string): FolderLineHints {
    const out: Record<string, number> = {};
    for (const k of this.linesOf.get(path) ?? []) {
      const others = (this.counts.get(k) ?? 1) - 1;
      if (others > 0) out[k] = others;
    }
    return out;
  }

  /** The lines of a recorded file that the folder repeats often enough to be its site's boilerplate. */
  boilerplateKeys(path: string): string[] {
    const hints = this.hints(path);
    return Object.keys(hints).filter((k) => hints[k] >= FOLDER_BOILERPLATE_ARTICLES).sort();
  }
}
