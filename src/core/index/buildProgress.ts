/** How far the first build of the workspace index is: `total` is undefined until the workspace is listed. */
export interface IndexBuildProgress {
  readonly done: number;
  readonly total: number | undefined;
}

/**
 * The line (Markdown) a hover card shows while the index is still being built, so a card without
 * the other articles says why: "*Indexing 1 of 2 articles…* (the other articles follow)".
 */
export function indexingNote(progress: IndexBuildProgress): string {
  const what = progress.total === undefined
    ? 'Indexing the articles of the workspace…'
    : `Indexing ${Math.max(0, Math.min(progress.done, progress.total))} of ${progress.total} article${progress.total === 1 ? '' : 's'}…`;
  return `*${what}* (the other articles follow)`;
}
