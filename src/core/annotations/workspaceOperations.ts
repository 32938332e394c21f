/**
 * Import into and export from a store, shared by the CLI and the VS Code commands.
 */
import type { Annotation } from './model';
import { type ExportedAnnotation, ImportError, reanchorForExport } from './interchange';
import type { AnnotationStore } from './store';

/** What an import did. */
export interface ImportSummary {
  readonly imported: number;
  readonly articles: readonly string[];
}

/**
 * Puts annotations into the store file of their article (a reply goes with its root annotation,
 * whether imported alongside or already stored). Merges by id: a stored version newer than the
 * imported one is kept. Throws ImportError, before writing anything, for a reply whose parent is
 * nowhere.
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
  for (const annotation of annotations) {
    const article = articleOf(annotation);
    if (article === undefined) throw new ImportError(`reply ${annotation.id} answers ${String(annotation.target)}, which is neither imported nor stored`);
    groups.set(article, [...(groups.get(article) ?? []), annotation]);
  }
  for (const [article, list] of groups) await store.put(article, list);
  return { imported: annotations.length, articles: [...groups.keys()].sort() };
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
