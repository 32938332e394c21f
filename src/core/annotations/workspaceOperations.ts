/**
 * Import into and export from a store, shared by the CLI and the VS Code commands.
 */
import type { Annotation } from './model';
import { type ExportedAnnotation, ImportError, isDerivedAnnotationId, reanchorForExport } from './interchange';
import type { AnnotationStore } from './store';

/** What an import did. */
export interface ImportSummary {
  /** Annotations written (new, or newer than the stored version). */
  readonly imported: number;
  /** Annotations without an id of their own that were already stored (imported before): left as stored. */
  readonly alreadyStored: number;
  readonly articles: readonly string[];
}

/**
 * An import that stopped part-way: the store files of `written` hold their annotations, those of
 * `notWritten` do not (each with why). Nothing is half-written: each store file is written whole or not.
 */
export class PartialImportError extends Error {
  constructor(
    readonly written: readonly { article: string; count: number }[],
    readonly notWritten: readonly { article: string; count: number; reason: string }[],
  ) {
    const failed = notWritten.map((n) => `${n.count} for ${n.article} (${n.reason})`).join('; ');
    super(written.length === 0
      ? `import failed, nothing was written: ${failed}`
      : `import incomplete: written: ${written.map((w) => `${w.count} for ${w.article}`).join(', ')}; not written: ${failed}`);
    this.name = 'PartialImportError';
  }
}

/**
 * Puts annotations into the store file of their article (a reply goes with its root annotation,
 * whether imported alongside or already stored). Merges by id: a stored version newer than the
 * imported one is kept, and an annotation whose id was derived from its content (it came without
 * one) is left as stored, so importing a file again changes nothing. Throws ImportError, before
 * writing anything, for a reply whose parent is nowhere; when a store file cannot be written (a
 * corrupt store, a read-only folder) the others still are, and PartialImportError says which were.
 */
export async function importIntoStore(store: AnnotationStore, annotations: readonly Annotation[]): Promise<ImportSummary> {
  await store.loadAll();
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const articleOf = (annotation: Annotation, seen = new Set<string>()): string | undefined => {
    if (typeof annotation.target !== 'string') return annotation.target.source;
    if (seen.has(annotation.id)) return undefined;
    seen.add(annotation.id);
    const parent = byId.get(annotation.target);
    if (parent) return articleOf(parent, seen);
    return store.find(annotation.target)?.article;
  };
  const groups = new Map<string, Annotation[]>();
  let alreadyStored = 0;
  for (const annotation of annotations) {
    const article = articleOf(annotation);
    if (article === undefined) throw new ImportError(`reply ${annotation.id} answers ${String(annotation.target)}, which is neither imported nor stored`);
    if (isDerivedAnnotationId(annotation.id) && store.find(annotation.id)) {
      alreadyStored++;
      continue;
    }
    groups.set(article, [...(groups.get(article) ?? []), annotation]);
  }
  const written: { article: string; count: number }[] = [];
  const notWritten: { article: string; count: number; reason: string }[] = [];
  for (const [article, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    try {
      await store.put(article, list);
      written.push({ article, count: list.length });
    } catch (err) {
      notWritten.push({ article, count: list.length, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  if (notWritten.length > 0) throw new PartialImportError(written, notWritten);
  return { imported: written.reduce((n, w) => n + w.count, 0), alreadyStored, articles: written.map((w) => w.article) };
}

/**
 * Every stored annotation re-anchored against the current text of its article (`readArticle`
 * resolves to undefined for a missing article), ordered by article then creation.
 */
export async function exportFromStore(store: AnnotationStore, readArticle: (path: string) => Promise<string | undefined>): Promise<ExportedAnnotation[]> {
  const exported: ExportedAnnotation[] = [];
  for (const article of await store.loadAll()) {
    const text = await readArticle(article);
    const annotations = store.annotationsOf(article).sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
    for (const annotation of annotations) exported.push(reanchorForExport(article, annotation, text));
  }
  return exported;
}
