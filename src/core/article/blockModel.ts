/** What a block of a scraped page is. */
export type BlockLabel = 'headline' | 'byline' | 'dateline' | 'caption' | 'body' | 'boilerplate';

/** The labels in the model's order. */
export const BLOCK_LABELS: readonly BlockLabel[] = ['headline', 'byline', 'dateline', 'caption', 'body', 'boilerplate'];

/**
 * The stored form of the block classifier (`models/article-blocks.json`): an averaged structured perceptron.
 * Weights are integers (the averaged weight times `scale`), one per label for each feature, plus label-to-label
 * transition weights and start weights.
 */
export interface BlockModelData {
  format: 'news-annotator/article-blocks';
  version: 1;
  labels: BlockLabel[];
  scale: number;
  /** Feature name to its weights, one per label. */
  weights: Record<string, number[]>;
  /** `transitions[from][to]`. */
  transitions: number[][];
  start: number[];
}

/** A linear-chain block classifier: per-block label scores from features, decoded by Viterbi. */
export class BlockModel {
  private readonly weights: Map<string, Float64Array>;
  private readonly transitions: Float64Array[];
  private readonly start: Float64Array;
  readonly labels: readonly BlockLabel[];

  constructor(data: BlockModelData) {
    if (data.format !== 'news-annotator/article-blocks' || data.version !== 1) throw new Error('not an article block model');
    const k = data.labels.length;
    this.labels = data.labels;
    const scale = data.scale || 1;
    const row = (w: number[]) => {
      if (w.length !== k) throw new Error('article block model: weight row of the wrong length');
      return Float64Array.from(w, (x) => x / scale);
    };
    this.weights = new Map(Object.entries(data.weights).map(([f, w]) => [f, row(w)]));
    this.transitions = data.transitions.map(row);
    this.start = row(data.start);
    if (this.transitions.length !== k) throw new Error('article block model: transition table of the wrong size');
  }

  /** Label scores of one block from its features. */
  scores(features: readonly string[]): Float64Array {
    const out = new Float64Array(this.labels.length);
    for (const f of features) {
      const w = this.weights.get(f);
      if (!w) continue;
      for (let j = 0; j < out.length; j++) out[j] += w[j];
    }
    return out;
  }

  /** The best label sequence (indices into `labels`) for a page's blocks. */
  decode(features: readonly (readonly string[])[]): number[] {
    return viterbi(features.map((f) => this.scores(f)), this.transitions, this.start);
  }
}

/** Best path through per-position scores with first-order transitions. Ties keep the lower label index. */
export function viterbi(emissions: readonly Float64Array[], transitions: readonly Float64Array[], start: Float64Array): number[] {
  const n = emissions.length;
  if (!n) return [];
  const k = start.length;
  const back: Int32Array[] = [];
  let prev = Float64Array.from(emissions[0], (e, j) => e + start[j]);
  for (let i = 1; i < n; i++) {
    const cur = new Float64Array(k);
    const from = new Int32Array(k);
    for (let j = 0; j < k; j++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < k; p++) {
        const s = prev[p] + transitions[p][j];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[j] = best + emissions[i][j];
      from[j] = arg;
    }
    back.push(from);
    prev = cur;
  }
  let last = 0;
  for (let j = 1; j < k; j++) if (prev[j] > prev[last]) last = j;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i - 1][path[i]];
  return path;
}
