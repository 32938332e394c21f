import { caseClass } from './features';
import type { TaggedSpan } from './tags';

const PERSON = 0;

/**
 * Document-level label consistency: a name the tagger found once is the same name later. An untagged
 * occurrence of a multi-word name found elsewhere in the document takes that name's type, and so does
 * a capitalised surname of a person named in full ("Ren Zhengfei" ... "Ren"). Spans are changed in place.
 */
export function enforceDocumentConsistency(sentences: readonly (readonly string[])[], spans: TaggedSpan[][]): void {
  const multiWord = new Map<string, number>();
  const surnames = new Map<string, number>();
  for (let s = 0; s < sentences.length; s++) {
    for (const span of spans[s]) {
      const words = sentences[s].slice(span.start, span.end);
      if (words.length < 2) continue;
      multiWord.set(words.join(' '), span.type);
      const last = words[words.length - 1];
      if (span.type === PERSON && caseClass(last) === 1) surnames.set(last, PERSON);
    }
  }
  if (!multiWord.size) return;
  const longest = Math.max(...[...multiWord.keys()].map((k) => k.split(' ').length));
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    const taken = new Uint8Array(words.length);
    for (const span of spans[s]) taken.fill(1, span.start, span.end);
    const added: TaggedSpan[] = [];
    for (let i = 0; i < words.length; i++) {
      if (taken[i]) continue;
      let matched = false;
      for (let len = Math.min(longest, words.length - i); len >= 2 && !matched; len--) {
        if (taken.subarray(i, i + len).some((x) => x)) continue;
        const type = multiWord.get(words.slice(i, i + len).join(' '));
        if (type === undefined) continue;
        added.push({ start: i, end: i + len, type });
        taken.fill(1, i, i + len);
        matched = true;
      }
      if (!matched && surnames.has(words[i])) {
        added.push({ start: i, end: i + 1, type: PERSON });
        taken[i] = 1;
      }
    }
    // A lone surname the tagger typed otherwise (an ORG "Ren") is the person too.
    for (const span of spans[s]) {
      if (span.end - span.start === 1 && span.type !== PERSON && surnames.has(words[span.start])) span.type = PERSON;
    }
    if (added.length) spans[s] = [...spans[s], ...added].sort((a, b) => a.start - b.start);
  }
}
