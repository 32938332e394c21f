import type { ArticleRecord, IndexedEntityType, IndexedMention } from './articleRecord';
import { AUTHOR_ROLE } from './articleRecord';
import { type IndexCorrection, changedCorrections, namesOf } from '../corrections/indexForm';
import type { CorrectedEntityType } from '../corrections/stored';
import { compareStrings, nameKey, oneEditApart } from './names';

/** One entity across the workspace: a real person, organization or place. */
export interface IndexedEntity {
  /** Stable while the names behind it stay: the matching key of its canonical name. */
  id: string;
  /** Canonical name (the most frequent full form, or the name a user merge gave). */
  name: string;
  type: IndexedEntityType;
  /** Other forms it is written as: surname alone, with titles, spelling variants. */
  aliases: string[];
  /** Spelling variants linked on evidence ("Meng Wenzhou" for Meng Wanzhou); also listed in `aliases`. */
  variants: string[];
  /** Roles gathered from all articles, most frequent first. */
  roles: { role: string; count: number }[];
  mentionCount: number;
  /** Files that mention it, sorted. */
  files: string[];
}

interface KeyStats {
  mentions: number;
  types: Map<IndexedEntityType, number>;
  names: Map<string, number>;
  forms: Map<string, number>;
  roles: Map<string, number>;
  files: Map<string, number>;
}

/** Fewest shared people or organizations around two spellings for them to count as one person. */
const MIN_SHARED_CONTEXT = 2;
/** A spelling variant differs in a word of at least this length ("Li Wei"/"Li Wen" needs context too). */
const MIN_VARIANT_WORD = 3;
/** Articles sampled per name when comparing contexts (a name in thousands of articles needs no more). */
const CONTEXT_SAMPLE = 60;

/**
 * Cross-article entities, maintained incrementally: adding, replacing or removing one article touches
 * only the name keys it mentions. Links between keys (a surname alone to the one full name it can
 * mean, spelling variants with shared context, user merges) are resolved lazily and memoised until
 * the next change, so a change costs the size of one article and a query the size of one entity.
 */
export class EntityGraph {
  private readonly records = new Map<string, ArticleRecord>();
  private readonly effective = new Map<string, IndexedMention[]>();
  private readonly keys = new Map<string, KeyStats>();
  /** First and last word of multi-word keys -> those keys (surname aliases). */
  private readonly byWord = new Map<string, Set<string>>();
  /** Multi-word keys with one word blanked -> keys (spelling-variant candidates). */
  private readonly blocks = new Map<string, Set<string>>();

  private corrections: IndexCorrection[] = [];
  private mergeGroups = new Map<string, { canonical: string; name: string; keys: string[] }>();
  private splitKeys = new Set<string>();
  private notEntityKeys = new Set<string>();
  private notEntityInFile = new Map<string, Set<string>>();
  private typeOverrides = new Map<string, IndexedEntityType>();

  private rootMemo = new Map<string, string | null>();
  /** Keys whose memoised results depend on each entity id (resolved to it, or in its spelling set). */
  private keysByRoot = new Map<string, Set<string>>();
  private rootOfKey = new Map<string, string>();
  private edgeMemo = new Map<string, string[]>();
  private contextMemo = new Map<string, Set<string>>();
  private entityMemo = new Map<string, IndexedEntity>();
  private allMemo: IndexedEntity[] | null = null;
  /** Every entity by id once the full list was built, patched after changes; null until then. */
  private listed: Map<string, IndexedEntity> | null = null;
  /** Keys to resolve again into `listed`. */
  private readonly unlisted = new Set<string>();

  /** Sets (or with null removes) the record of one file. */
  setArticle(file: string, record: ArticleRecord | null): void {
    const old = this.effective.get(file);
    const touched = new Set([...(old ?? []), ...(record?.mentions ?? [])].map((m) => m.key));
    this.invalidateAround(touched);
    if (old) this.contribute(file, old, -1);
    this.effective.delete(file);
    this.records.delete(file);
    if (record) {
      this.records.set(file, record);
      const mentions = this.filterMentions(file, record.mentions);
      this.effective.set(file, mentions);
      this.contribute(file, mentions, +1);
    }
  }

  /** The record of a file, if indexed. */
  record(file: string): ArticleRecord | undefined {
    return this.records.get(file);
  }

  /** Indexed files. */
  files(): IterableIterator<string> {
    return this.records.keys();
  }

  /** The entity mentions of a file that count (corrections applied), sorted by start. */
  mentionsIn(file: string): readonly IndexedMention[] {
    return this.effective.get(file) ?? [];
  }

  /**
   * Replaces the user corrections and re-derives what the ones added or withdrawn change; returns
   * the files that mention a name of those (the articles whose entities may differ). The same list
   * again changes nothing. Only "not an entity" changes which mentions of a file count, so only the
   * files it names are counted again; the other kinds change how keys resolve, which the memos
   * (cleared here) recompute lazily.
   */
  setCorrections(corrections: readonly IndexCorrection[]): string[] {
    const changed = changedCorrections(this.corrections, corrections);
    if (changed.length === 0) return [];
    this.corrections = [...corrections];
    this.mergeGroups = new Map();
    this.splitKeys = new Set();
    this.notEntityKeys = new Set();
    this.notEntityInFile = new Map();
    this.typeOverrides = new Map();
    for (const c of corrections) {
      if (c.kind === 'mergeWith') {
        const keys = c.names.map(nameKey).filter((k) => k);
        if (keys.length < 2) continue;
        // Merges that share a name are one group; the earliest merge names it.
        const joined = [...new Set(keys.map((k) => this.mergeGroups.get(k)).filter((g) => g !== undefined))];
        const group = joined[0] ?? { canonical: keys[0], name: c.names[0].trim(), keys: [] };
        group.keys = [...new Set([...joined.flatMap((g) => g.keys), ...keys])];
        for (const k of group.keys) this.mergeGroups.set(k, group);
      } else if (c.kind === 'setType') {
        this.typeOverrides.set(nameKey(c.name), ENTITY_TYPES[c.entityType]);
      } else if (c.kind === 'split') {
        this.splitKeys.add(nameKey(c.name));
      } else if (c.kind === 'notAnEntity') {
        const key = nameKey(c.name);
        if (c.file === undefined) this.notEntityKeys.add(key);
        else {
          const set = this.notEntityInFile.get(c.file) ?? new Set<string>();
          set.add(key);
          this.notEntityInFile.set(c.file, set);
        }
      }
    }
    const named = new Set(changed.flatMap(namesOf).map(nameKey).filter((k) => k));
    const recount = new Set(changed.flatMap((c) => (c.kind === 'notAnEntity' ? [nameKey(c.name)] : [])));
    const touched: string[] = [];
    for (const [file, record] of this.records) {
      if (!record.mentions.some((m) => named.has(m.key))) continue;
      touched.push(file);
      if (!record.mentions.some((m) => recount.has(m.key))) continue;
      this.contribute(file, this.effective.get(file) ?? [], -1);
      const mentions = this.filterMentions(file, record.mentions);
      this.effective.set(file, mentions);
      this.contribute(file, mentions, +1);
    }
    this.invalidate();
    return touched;
  }

  /** The corrections in force. */
  currentCorrections(): readonly IndexCorrection[] {
    return this.corrections;
  }

  /** The entity id a name key belongs to, or null when it is not an entity. */
  entityIdOfKey(key: string): string | null {
    const memo = this.rootMemo.get(key);
    if (memo !== undefined) return memo;
    const root = this.resolve(key);
    this.rootMemo.set(key, root);
    if (root !== null) this.dependsOn(key, root);
    return root;
  }

  /** The entity with this id, or undefined. */
  entity(id: string): IndexedEntity | undefined {
    const memo = this.entityMemo.get(id);
    if (memo) return memo;
    if (!this.keys.has(id) && !this.mergeGroups.has(id)) return undefined;
    if (this.entityIdOfKey(id) !== id) return undefined;
    const built = this.buildEntity(id, this.membersOf(id));
    this.entityMemo.set(id, built);
    return built;
  }

  /** The name keys that make up an entity (its spellings and aliases). */
  membersOf(id: string): string[] {
    const members = new Set(this.component(id).filter((k) => this.keys.has(k)));
    for (const k of [...members]) {
      const words = k.split(' ');
      if (words.length < 2) continue;
      for (const w of [words[0], words[words.length - 1]]) {
        if (this.keys.has(w) && this.entityIdOfKey(w) === id) members.add(w);
      }
    }
    return [...members];
  }

  /** How many mentions of the entity each file has (no walk over the mentions themselves). */
  fileCounts(id: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const k of this.membersOf(id)) for (const [f, n] of this.keys.get(k)?.files ?? []) out.set(f, (out.get(f) ?? 0) + n);
    return out;
  }

  /** Every entity, most mentioned first. */
  allEntities(): readonly IndexedEntity[] {
    if (this.allMemo) return this.allMemo;
    if (!this.listed) {
      const groups = new Map<string, string[]>();
      for (const key of this.keys.keys()) {
        const id = this.entityIdOfKey(key);
        if (id === null) continue;
        const list = groups.get(id);
        if (list) list.push(key);
        else groups.set(id, [key]);
      }
      this.listed = new Map();
      for (const [id, members] of groups) {
        const entity = this.entityMemo.get(id) ?? this.buildEntity(id, members);
        this.entityMemo.set(id, entity);
        this.listed.set(id, entity);
      }
    } else {
      // After a change only the names it touched are resolved again.
      for (const key of this.unlisted) {
        const id = this.keys.has(key) ? this.entityIdOfKey(key) : null;
        if (id === null || this.listed.has(id)) continue;
        const entity = this.entity(id);
        if (entity) this.listed.set(id, entity);
      }
    }
    this.unlisted.clear();
    const all = [...this.listed.values()].sort((a, b) => b.mentionCount - a.mentionCount || compareStrings(a.name, b.name));
    this.allMemo = all;
    return all;
  }


  private filterMentions(file: string, mentions: readonly IndexedMention[]): IndexedMention[] {
    const inFile = this.notEntityInFile.get(file);
    if (!this.notEntityKeys.size && !inFile) return [...mentions];
    return mentions.filter((m) => !this.notEntityKeys.has(m.key) && !inFile?.has(m.key));
  }

  private contribute(file: string, mentions: readonly IndexedMention[], sign: 1 | -1): void {
    for (const m of mentions) {
      let stats = this.keys.get(m.key);
      if (!stats) {
        if (sign < 0) continue;
        stats = { mentions: 0, types: new Map(), names: new Map(), forms: new Map(), roles: new Map(), files: new Map() };
        this.keys.set(m.key, stats);
        this.indexKey(m.key, +1);
      }
      stats.mentions += sign;
      bump(stats.types, m.type, sign);
      bump(stats.names, m.name, sign);
      bump(stats.forms, m.text.replace(/['’]s?$/, ''), sign);
      bump(stats.files, file, sign);
      for (const role of m.roles) bump(stats.roles, role, sign);
      if (stats.mentions <= 0) {
        this.keys.delete(m.key);
        this.indexKey(m.key, -1);
      }
    }
  }

  private indexKey(key: string, sign: 1 | -1): void {
    const words = key.split(' ');
    if (words.length < 2) return;
    const entries: [Map<string, Set<string>>, string][] = [[this.byWord, words[0]], [this.byWord, words[words.length - 1]]];
    for (let i = 0; i < words.length; i++) entries.push([this.blocks, blockOf(words, i)]);
    for (const [map, id] of entries) {
      let set = map.get(id);
      if (sign > 0) {
        if (!set) map.set(id, (set = new Set()));
        set.add(key);
      } else if (set) {
        set.delete(key);
        if (!set.size) map.delete(id);
      }
    }
  }

  /**
   * Forgets what a change to the name keys `touched` can alter, before the change is applied (old
   * links are still there to follow): the entities those keys, their spelling neighbours and the
   * surnames alone that may stand for them belong to. Everything else stays memoised, so one edit
   * does not make every entity be resolved again.
   */
  private invalidateAround(touched: ReadonlySet<string>): void {
    this.allMemo = null;
    if (this.listed) for (const k of touched) this.unlisted.add(k);
    if (!this.rootMemo.size && !this.rootOfKey.size && !this.edgeMemo.size && !this.entityMemo.size) return; // nothing memoised yet
    const near = new Set<string>();
    for (const key of touched) {
      near.add(key);
      const words = key.split(' ');
      if (words.length < 2) {
        // A surname alone that appears or goes changes the members of the person it stands for.
        for (const full of this.byWord.get(key) ?? []) near.add(full);
        continue;
      }
      near.add(words[0]);
      near.add(words[words.length - 1]);
      for (let i = 0; i < words.length; i++) for (const mate of this.blocks.get(blockOf(words, i)) ?? []) near.add(mate);
    }
    const stale = new Set(near);
    for (const key of near) {
      const root = this.rootOfKey.get(key);
      if (root === undefined) continue;
      for (const k of this.keysByRoot.get(root) ?? []) stale.add(k);
      this.keysByRoot.delete(root);
      this.entityMemo.delete(root);
      this.listed?.delete(root);
    }
    for (const k of stale) {
      if (this.listed) this.unlisted.add(k);
      this.rootMemo.delete(k);
      this.rootOfKey.delete(k);
      this.edgeMemo.delete(k);
    }
    for (const k of touched) this.contextMemo.delete(k);
  }

  /** Notes that `key`'s memoised results depend on the entity `root`. */
  private dependsOn(key: string, root: string): void {
    this.rootOfKey.set(key, root);
    const keys = this.keysByRoot.get(root);
    if (keys) keys.add(key);
    else this.keysByRoot.set(root, new Set([key]));
  }

  private invalidate(): void {
    this.listed = null;
    this.unlisted.clear();
    this.keysByRoot.clear();
    this.rootOfKey.clear();
    this.rootMemo.clear();
    this.edgeMemo.clear();
    this.contextMemo.clear();
    this.entityMemo.clear();
    this.allMemo = null;
  }

  private majorityType(keys: readonly string[]): IndexedEntityType {
    for (const k of keys) {
      const forced = this.typeOverrides.get(k);
      if (forced) return forced;
    }
    // Counted in locals, not a map: this runs for every key while the entity list is built.
    let person = 0;
    let organization = 0;
    let place = 0;
    for (const k of keys) {
      const types = this.keys.get(k)?.types;
      if (!types) continue;
      person += types.get('person') ?? 0;
      organization += types.get('organization') ?? 0;
      place += types.get('place') ?? 0;
    }
    return pluralityType(person, organization, place);
  }

  private isPerson(key: string): boolean {
    const stats = this.keys.get(key);
    if (!stats) return false;
    const forced = this.typeOverrides.get(key);
    if (forced) return forced === 'person';
    const { types } = stats;
    return pluralityType(types.get('person') ?? 0, types.get('organization') ?? 0, types.get('place') ?? 0) === 'person';
  }

  private resolve(key: string): string | null {
    if (this.notEntityKeys.has(key)) return null;
    const group = this.mergeGroups.get(key);
    if (group) return this.componentRoot(group.canonical);
    const known = this.keys.has(key);
    if (!key.includes(' ') && !this.splitKeys.has(key) && (!known || this.isPerson(key))) {
      // A surname (or given name) alone is the one person it can mean, if only one.
      const candidates = [...(this.byWord.get(key) ?? [])].filter((k) => !this.splitKeys.has(k) && this.isPerson(k));
      const roots = new Set(candidates.map((k) => this.componentRoot(k)));
      if (roots.size === 1) return [...roots][0];
    }
    return known ? this.componentRoot(key) : null;
  }

  /** Keys joined by variant edges and user merges, as one set. */
  private component(start: string): string[] {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      const k = queue.pop() as string;
      for (const next of this.edges(k)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return [...seen];
  }

  private componentRoot(key: string): string {
    const members = this.component(key);
    const merged = members.find((k) => this.mergeGroups.get(k)?.canonical === k);
    if (merged) {
      for (const k of members) this.dependsOn(k, merged);
      return merged;
    }
    let best = key;
    for (const k of members) {
      const n = this.keys.get(k)?.mentions ?? 0;
      const bestN = this.keys.get(best)?.mentions ?? 0;
      if (n > bestN || (n === bestN && k < best)) best = k;
    }
    for (const k of members) this.dependsOn(k, best);
    return best;
  }

  private edges(key: string): string[] {
    const memo = this.edgeMemo.get(key);
    if (memo) return memo;
    const out = new Set<string>();
    const group = this.mergeGroups.get(key);
    if (group) for (const k of group.keys) if (k !== key) out.add(k);
    for (const k of this.variantsOf(key)) out.add(k);
    const list = [...out];
    this.edgeMemo.set(key, list);
    return list;
  }

  /** Spellings one letter apart in one word of a person's name, with shared roles or company. */
  private variantsOf(key: string): string[] {
    if (!key.includes(' ') || this.splitKeys.has(key) || !this.isPerson(key)) return [];
    const words = key.split(' ');
    const found: string[] = [];
    for (let i = 0, before = 0; i < words.length; before += words[i].length + 1, i++) {
      // Keys of one block differ only in word i: it lies between the same `before` and `after` lengths.
      const after = key.length - before - words[i].length;
      for (const other of this.blocks.get(blockOf(words, i)) ?? []) {
        if (other === key) continue;
        const otherWord = other.slice(before, other.length - after);
        if (Math.min(words[i].length, otherWord.length) < MIN_VARIANT_WORD || !oneEditApart(words[i], otherWord)) continue;
        if (this.splitKeys.has(other) || !this.isPerson(other)) continue;
        if (this.coOccur(key, other)) continue; // two spellings side by side are two people
        if (this.sharedEvidence(key, other)) found.push(other);
      }
    }
    return found;
  }

  private coOccur(a: string, b: string): boolean {
    const fa = this.keys.get(a)?.files;
    const fb = this.keys.get(b)?.files;
    if (!fa || !fb) return false;
    const [small, large] = fa.size <= fb.size ? [fa, fb] : [fb, fa];
    for (const f of small.keys()) if (large.has(f)) return true;
    return false;
  }

  private sharedEvidence(a: string, b: string): boolean {
    const roles = (k: string) => new Set([...(this.keys.get(k)?.roles.keys() ?? [])].filter((r) => r !== AUTHOR_ROLE).map((r) => r.toLowerCase()));
    const rb = roles(b);
    for (const r of roles(a)) if (rb.has(r)) return true;
    const ca = this.context(a);
    const cb = this.context(b);
    let shared = 0;
    for (const k of ca) if (k !== a && k !== b && cb.has(k) && ++shared >= MIN_SHARED_CONTEXT) return true;
    return false;
  }

  /** People and organizations named in the articles that name `key` (a sample for very common names). */
  private context(key: string): Set<string> {
    const memo = this.contextMemo.get(key);
    if (memo) return memo;
    const out = new Set<string>();
    let n = 0;
    for (const file of this.keys.get(key)?.files.keys() ?? []) {
      if (n++ >= CONTEXT_SAMPLE) break;
      for (const m of this.effective.get(file) ?? []) if (m.key !== key && m.type !== 'place') out.add(m.key);
    }
    this.contextMemo.set(key, out);
    return out;
  }

  private buildEntity(id: string, members: readonly string[]): IndexedEntity {
    const group = this.mergeGroups.get(id);
    const names = new Map<string, number>();
    const forms = new Map<string, number>();
    const roles = new Map<string, number>();
    const files = new Set<string>();
    let mentionCount = 0;
    for (const k of members) {
      const s = this.keys.get(k);
      if (!s) continue;
      mentionCount += s.mentions;
      for (const [n, c] of s.names) bump(names, n, c);
      for (const [f, c] of s.forms) bump(forms, f, c);
      for (const [r, c] of s.roles) bump(roles, r, c);
      for (const f of s.files.keys()) files.add(f);
    }
    const nameOfKey = (k: string) => mostFrequent(this.keys.get(k)?.names) ?? k;
    const name = group && group.canonical === id ? group.name : nameOfKey(id);
    const variants = this.component(id).filter((k) => k !== id && this.keys.has(k) && !this.mergeGroups.has(k)).map(nameOfKey);
    const aliases = new Set<string>();
    for (const n of [...names.keys(), ...forms.keys()]) if (n !== name) aliases.add(n);
    return {
      id,
      name,
      type: this.majorityType(members),
      aliases: [...aliases].sort(),
      variants: variants.sort(),
      roles: [...roles].map(([role, count]) => ({ role, count })).sort((a, b) => b.count - a.count || compareStrings(a.role, b.role)),
      mentionCount,
      files: [...files].sort(),
    };
  }
}

/** The type with the most mentions; ties go to the earlier of person, organization, place. */
function pluralityType(person: number, organization: number, place: number): IndexedEntityType {
  if (person >= organization && person >= place) return 'person';
  return organization >= place ? 'organization' : 'place';
}

function blockOf(words: readonly string[], blank: number): string {
  return `${words.length}|${words.map((w, i) => (i === blank ? '*' : w)).join(' ')}`;
}

/** The index's type of a corrected type. */
const ENTITY_TYPES: Record<CorrectedEntityType, IndexedEntityType> = { Person: 'person', Organization: 'organization', Place: 'place' };

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

function mostFrequent(map: ReadonlyMap<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestN = 0;
  for (const [k, n] of map ?? []) {
    if (n > bestN || (n === bestN && best !== undefined && k.length > best.length)) [best, bestN] = [k, n];
  }
  return best;
}
