// Reads CoNLL-2003 files (word first, NER tag last, IOB1 or IOB2) into documents of sentences with gold names.
import * as fs from 'node:fs';
import { ENTITY_TYPES, LIST_BITS } from '../src/core/ner/features';
import type { TaggedSpan } from '../src/core/ner/tags';

export interface ConllSentence {
  words: string[];
  names: TaggedSpan[];
}

export type ConllDocument = ConllSentence[];

export function readConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = [];
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = () => {
    if (words.length) doc.push({ words, names: namesOf(tags) });
    words = [];
    tags = [];
  };
  const endDoc = () => {
    endSentence();
    if (doc.length) docs.push(doc);
    doc = [];
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (!line.trim()) {
      endSentence();
      continue;
    }
    if (cols[0] === '-DOCSTART-') {
      endDoc();
      continue;
    }
    words.push(cols[0]);
    tags.push(cols[cols.length - 1]);
  }
  endDoc();
  return docs;
}

function namesOf(tags: string[]): TaggedSpan[] {
  const names: TaggedSpan[] = [];
  let open: TaggedSpan | null = null;
  tags.forEach((tag, i) => {
    if (tag === 'O') {
      open = null;
      return;
    }
    const [prefix, label] = tag.split('-');
    const type = ENTITY_TYPES.indexOf(label as (typeof ENTITY_TYPES)[number]);
    if (type < 0) throw new Error(`unknown CoNLL tag ${tag}`);
    if (open && open.type === type && prefix === 'I') {
      open.end = i + 1;
      return;
    }
    open = { start: i, end: i + 1, type };
    names.push(open);
  });
  return names;
}

/**
 * Reads a Universal NER file (`en_ewt-ud-train.iob2`: `# newdoc` / `# sent_id` comments, then
 * `index<TAB>word<TAB>tag` lines, IOB2) into documents. UNER's PER/ORG/LOC keep their types; its
 * OTH (nationalities, events, works) reads as MISC, as CoNLL-2003 tags them; a stray `B-O` is O.
 */
export function readUner(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = [];
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = () => {
    if (words.length) doc.push({ words, names: namesOf(tags) });
    words = [];
    tags = [];
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc')) {
      endSentence();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const cols = line.split('\t');
    const tag = cols[2] ?? 'O';
    words.push(cols[1]);
    tags.push(tag === 'B-O' || tag === 'I-O' ? 'O' : tag.replace(/-OTH$/, '-MISC'));
  }
  endSentence();
  if (doc.length) docs.push(doc);
  return docs;
}

/** The public name lists (`models/ner-gazetteer.txt`, `kind<TAB>name` lines) as lower-cased word -> list bits. */
export function readNameLists(file: string): Map<string, number> {
  const bits = new Map<string, number>();
  const set = (word: string, bit: number) => {
    const w = word.toLowerCase();
    bits.set(w, (bits.get(w) ?? 0) | bit);
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [kind, name] = line.split('\t');
    if (!name) continue;
    const words = name.split(' ');
    if (kind === 'given') set(name, LIST_BITS.given);
    else if (kind === 'name') set(name, LIST_BITS.name);
    else if (kind === 'company') for (const w of words) set(w, LIST_BITS.company);
    else if (kind === 'place') {
      if (words.length === 1) set(name, LIST_BITS.place);
      else words.forEach((w, k) => set(w, k === 0 ? LIST_BITS.placeFirst : LIST_BITS.placeRest));
    }
  }
  return bits;
}
