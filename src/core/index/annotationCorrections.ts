import type { Correction } from '../annotations/corrections';
import type { EntityCorrection } from './corrections';

const TYPES = { Person: 'person', Organization: 'organization', Place: 'place' } as const;

/**
 * The index's corrections from the corrections stored as annotations (`correctionsOf`), oldest
 * first. A mention-level correction applies to the name it was made on: "Not an entity" in that
 * article only (every article when made for the workspace), "Merge with…", "Split" and a type everywhere
 * the name is used. `pathOf` maps an
 * annotation's source (a path relative to the workspace folder) to the index's path for the file;
 * a correction on a file the index does not know is dropped.
 */
export function indexCorrectionsFrom(corrections: readonly Correction[], pathOf: (source: string) => string | undefined): EntityCorrection[] {
  const out: EntityCorrection[] = [];
  for (const c of corrections) {
    const file = pathOf(c.source);
    if (file === undefined) continue;
    switch (c.kind) {
      case 'setOutlet':
        out.push({ kind: 'setOutlet', file, outlet: c.outlet });
        break;
      case 'notAnEntity':
        out.push(c.scope === 'workspace' ? { kind: 'notEntity', name: c.mention } : { kind: 'notEntity', name: c.mention, file });
        break;
      case 'mergeWith':
        out.push({ kind: 'merge', names: [c.canonicalName, c.mention] });
        break;
      case 'split':
        out.push({ kind: 'split', name: c.mention });
        break;
      case 'setType':
        out.push({ kind: 'setType', name: c.mention, type: TYPES[c.entityType] });
        break;
    }
  }
  // A later correction of the same name overrides an earlier one of the same kind.
  const last = new Map<string, number>();
  out.forEach((c, i) => last.set(identity(c), i));
  return out.filter((c, i) => last.get(identity(c)) === i);
}

function identity(c: EntityCorrection): string {
  switch (c.kind) {
    case 'setOutlet':
      return `outlet|${c.file}`;
    case 'notEntity':
      return `not|${c.file ?? ''}|${c.name.toLowerCase()}`;
    case 'merge':
      return `merge|${c.names[1]?.toLowerCase()}`;
    case 'split':
      return `split|${c.name.toLowerCase()}`;
    case 'setType':
      return `type|${c.name.toLowerCase()}`;
  }
}
