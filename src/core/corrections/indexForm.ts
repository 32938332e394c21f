/**
 * Corrections as the cross-file index applies them: by name (matched by key, case, titles and
 * possessives aside) and by file path, rather than by annotation and passage. One vocabulary with
 * the stored form (`stored.ts`): `setType` with `Person`/`Organization`/`Place`, `notAnEntity`,
 * `mergeWith`, `split`, `setOutlet`.
 */
import type { Correction, CorrectedEntityType } from './stored';

/** A correction the index applies on top of what it infers. */
export type IndexCorrection =
  /** These names are one entity; the first gives the canonical name. */
  | { readonly kind: 'mergeWith'; readonly names: readonly string[] }
  /** This name is its own entity: no alias or variant link joins it to another. */
  | { readonly kind: 'split'; readonly name: string }
  /** Mentions with this name are not an entity (everywhere, or in `file` only). */
  | { readonly kind: 'notAnEntity'; readonly name: string; readonly file?: string }
  /** Mentions with this name are of this type, whatever the recognizer said. */
  | { readonly kind: 'setType'; readonly name: string; readonly entityType: CorrectedEntityType }
  /** The outlet of `file` is `outlet` (null: none), whatever the parser found. */
  | { readonly kind: 'setOutlet'; readonly file: string; readonly outlet: string | null };

/**
 * The index's corrections from the corrections stored as annotations (`correctionsOf`), oldest
 * first. A mention-level correction applies to the name it was made on: "Not an entity" in that
 * article only (every article when made for the workspace), "Merge with…", "Split" and a type
 * everywhere the name is used. `pathOf` maps an annotation's source (a path relative to the
 * workspace folder) to the index's path for the file; a correction on a file the index does not
 * know is dropped.
 */
export function indexCorrectionsFrom(corrections: readonly Correction[], pathOf: (source: string) => string | undefined): IndexCorrection[] {
  const out: IndexCorrection[] = [];
  for (const c of corrections) {
    const file = pathOf(c.source);
    if (file === undefined) continue;
    switch (c.kind) {
      case 'setOutlet':
        out.push({ kind: 'setOutlet', file, outlet: c.outlet });
        break;
      case 'notAnEntity':
        out.push(c.scope === 'workspace' ? { kind: 'notAnEntity', name: c.mention } : { kind: 'notAnEntity', name: c.mention, file });
        break;
      case 'mergeWith':
        out.push({ kind: 'mergeWith', names: [c.canonicalName, c.mention] });
        break;
      case 'split':
        out.push({ kind: 'split', name: c.mention });
        break;
      case 'setType':
        out.push({ kind: 'setType', name: c.mention, entityType: c.entityType });
        break;
    }
  }
  // A later correction of the same name overrides an earlier one of the same kind.
  const last = new Map<string, number>();
  out.forEach((c, i) => last.set(identity(c), i));
  return out.filter((c, i) => last.get(identity(c)) === i);
}

/** The names a correction is about (what to look for in the articles it may change). */
export function namesOf(c: IndexCorrection): readonly string[] {
  switch (c.kind) {
    case 'setOutlet': return [];
    case 'mergeWith': return c.names;
    default: return [c.name];
  }
}

/**
 * The corrections in one list and not the other (added or withdrawn), compared by value: what a
 * new list of corrections changes, so that the index re-derives only the articles those touch.
 */
export function changedCorrections(before: readonly IndexCorrection[], after: readonly IndexCorrection[]): IndexCorrection[] {
  const keyed = (list: readonly IndexCorrection[]) => new Map(list.map((c) => [JSON.stringify(c), c]));
  const was = keyed(before);
  const is = keyed(after);
  return [...[...was].filter(([k]) => !is.has(k)), ...[...is].filter(([k]) => !was.has(k))].map(([, c]) => c);
}

function identity(c: IndexCorrection): string {
  switch (c.kind) {
    case 'setOutlet':
      return `outlet|${c.file}`;
    case 'notAnEntity':
      return `not|${c.file ?? ''}|${c.name.toLowerCase()}`;
    case 'mergeWith':
      return `merge|${c.names[1]?.toLowerCase()}`;
    case 'split':
      return `split|${c.name.toLowerCase()}`;
    case 'setType':
      return `type|${c.name.toLowerCase()}`;
  }
}
