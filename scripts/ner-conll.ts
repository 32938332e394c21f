// Reads CoNLL-2003 files (word first, NER tag last, IOB1 or IOB2) into documents of sentences with gold names.
import * as fs from 'node:fs';
import { ENTITY_TYPES } from '../src/core/ner/features';
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
