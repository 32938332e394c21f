/** One difference between two renderings of a statement, word-level. */
export interface WordDifference {
  /** `changed`: words of `a` replaced by words of `b`; `missing`: in `a` only; `extra`: in `b` only. */
  kind: 'changed' | 'missing' | 'extra';
  a: string;
  b: string;
}

/** How alike two quotes are, word by word. */
export interface QuoteComparison {
  /** Dice coefficient over aligned words, 0..1. */
  similarity: number;
  /** Share of the shorter quote found in order in the longer one, 0..1 (a partial quote scores high). */
  containment: number;
  differences: WordDifference[];
}

/** Longest quotes compared word by word; the rest is ignored (the alignment is quadratic). */
const MAX_WORDS = 200;

/** Words for comparison: lower case, punctuation and quote marks dropped, curly apostrophes straightened. */
export function quoteWords(text: string): string[] {
  const words = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];
  return words.slice(0, MAX_WORDS);
}

/**
 * Compares two quotes word by word (longest common subsequence) and lists where they differ, so a
 * hover can show "mandatory back doors" vs "mandatory backdoors".
 */
export function compareQuotes(a: string, b: string): QuoteComparison {
  const wa = quoteWords(a);
  const wb = quoteWords(b);
  if (!wa.length || !wb.length) return { similarity: 0, containment: 0, differences: [] };
  const n = wa.length;
  const m = wb.length;
  // lcs[i][j]: LCS length of wa[i..] and wb[j..], flattened.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = wa[i] === wb[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const common = lcs[0];
  const differences: WordDifference[] = [];
  let gapA: string[] = [];
  let gapB: string[] = [];
  const flush = () => {
    if (gapA.length || gapB.length) {
      differences.push({ kind: gapA.length && gapB.length ? 'changed' : gapA.length ? 'missing' : 'extra', a: gapA.join(' '), b: gapB.join(' ') });
    }
    gapA = [];
    gapB = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && wa[i] === wb[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * (m + 1) + j + 1] >= lcs[(i + 1) * (m + 1) + j])) {
      gapB.push(wb[j++]);
    } else {
      gapA.push(wa[i++]);
    }
  }
  flush();
  return { similarity: (2 * common) / (n + m), containment: common / Math.min(n, m), differences };
}

/** Whether two quotes render the same statement: mostly the same words, or one a fragment of the other. */
export function sameStatement(comparison: QuoteComparison, wordsA: number, wordsB: number): boolean {
  return comparison.similarity >= 0.6 || (Math.min(wordsA, wordsB) >= 5 && comparison.containment >= 0.8);
}
