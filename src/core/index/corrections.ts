/**
 * User corrections the index applies on top of what it infers. The annotations store persists them;
 * the index only needs their meaning. Names are matched by key (case, titles and possessives aside).
 */
export type EntityCorrection =
  /** These names are one entity; the first gives the canonical name. */
  | { kind: 'merge'; names: string[] }
  /** This name is its own entity: no alias or variant link joins it to another. */
  | { kind: 'split'; name: string }
  /** Mentions with this name are not an entity (everywhere, or in `file` only). */
  | { kind: 'notEntity'; name: string; file?: string }
  /** Mentions with this name are of this type, whatever the recognizer said. */
  | { kind: 'setType'; name: string; type: 'person' | 'organization' | 'place' }
  /** The outlet of `file` is `outlet` (null: none), whatever the parser found. */
  | { kind: 'setOutlet'; file: string; outlet: string | null };
