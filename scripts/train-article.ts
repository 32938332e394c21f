// `npm run train:article`: trains the block classifier of the article parser (models/article-blocks.json), an
// averaged structured perceptron over block features with first-order label transitions (Viterbi), on the train
// part of ../shared/eval/data/articles-dev (the Readability pages, whose gold body gives every block a label; see
// scripts/articleData.ts) and samples of clean texts (BBC articles, CoNLL-2003 eng.train documents, PolNeAR train
// articles: a title line then body, so texts that are not scraped pages keep their body). Deterministic: pages are shuffled by a seeded generator, two runs write the same bytes. Prints block
// accuracy and the body shingle F1 on the held-back pages (which are never trained on). Then trains the date
// ranker (src/core/article/publicationDate.ts) on the train pages' gold dates, stored in the same file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { blockFeatures } from '../src/core/article/blocks';
import { BLOCK_LABELS, BlockModel, viterbi, type BlockLabel, type BlockModelData } from '../src/core/article/blockModel';
import { publicationDateCandidates } from '../src/core/article/parser';
import { rankDates, type DateCandidate, type DateRankerData } from '../src/core/article/publicationDate';
import { heldBackNames, labelPage, loadDevPages, readBbcTexts, readConllTexts, readPolnearTexts, type DevPage } from './articleData';

const EPOCHS = 12;
const DATE_EPOCHS = 10;
const COMMON_MIN = 20;
const SEED = 19;
/** Every how-many-th clean text (BBC, CoNLL-2003 train, PolNeAR train) joins the training data. */
const BBC_STRIDE = 25;
const CONLL_STRIDE = 4;
const POLNEAR_STRIDE = 10;
const SCALE = 1000;
const OUT = resolve(__dirname, '..', 'models', 'article-blocks.json');

interface Example {
  features: string[][];
  labels: number[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const K = BLOCK_LABELS.length;
const labelIndex = (l: BlockLabel) => BLOCK_LABELS.indexOf(l);

function example(text: string, labels: BlockLabel[], blocks = labelPage(text, { headline: null, authors: [], date: null, outlet: null, body: '' }).blocks): Example {
  return { features: blockFeatures(blocks), labels: labels.map(labelIndex) };
}

/** Averaged perceptron with the lazy-update trick: `sum` holds the weights times the step they were last touched. */
class Trainer {
  readonly w = new Map<string, Float64Array>();
  readonly u = new Map<string, Float64Array>();
  readonly tw = Array.from({ length: K }, () => new Float64Array(K));
  readonly tu = Array.from({ length: K }, () => new Float64Array(K));
  readonly sw = new Float64Array(K);
  readonly su = new Float64Array(K);
  step = 1;

  private row(map: Map<string, Float64Array>, f: string): Float64Array {
    let r = map.get(f);
    if (!r) map.set(f, (r = new Float64Array(K)));
    return r;
  }

  decode(ex: Example): number[] {
    const em = ex.features.map((fs) => {
      const s = new Float64Array(K);
      for (const f of fs) {
        const r = this.w.get(f);
        if (r) for (let j = 0; j < K; j++) s[j] += r[j];
      }
      return s;
    });
    return viterbi(em, this.tw, this.sw);
  }

  private bump(f: string, label: number, delta: number): void {
    this.row(this.w, f)[label] += delta;
    this.row(this.u, f)[label] += delta * this.step;
  }

  learn(ex: Example): void {
    const guess = this.decode(ex);
    const gold = ex.labels;
    for (let i = 0; i < gold.length; i++) {
      if (guess[i] !== gold[i]) {
        for (const f of ex.features[i]) {
          this.bump(f, gold[i], 1);
          this.bump(f, guess[i], -1);
        }
      }
      const gp = i ? gold[i - 1] : -1;
      const pp = i ? guess[i - 1] : -1;
      if (gp !== pp || guess[i] !== gold[i]) {
        if (i === 0) {
          this.sw[gold[0]] += 1; this.su[gold[0]] += this.step;
          this.sw[guess[0]] -= 1; this.su[guess[0]] -= this.step;
        } else {
          this.tw[gp][gold[i]] += 1; this.tu[gp][gold[i]] += this.step;
          this.tw[pp][guess[i]] -= 1; this.tu[pp][guess[i]] -= this.step;
        }
      }
    }
    this.step++;
  }

  /** The averaged weights, as integers times SCALE, features with no weight left out, sorted by name. */
  averaged(): BlockModelData {
    const avg = (w: Float64Array, u: Float64Array) => Array.from(w, (x, j) => Math.round((x - u[j] / this.step) * SCALE));
    const weights: Record<string, number[]> = {};
    for (const f of [...this.w.keys()].sort()) {
      const row = avg(this.w.get(f)!, this.u.get(f)!);
      if (row.some((x) => x !== 0)) weights[f] = row;
    }
    return {
      format: 'news-annotator/article-blocks', version: 1, labels: [...BLOCK_LABELS], scale: SCALE, weights,
      transitions: this.tw.map((r, i) => avg(r, this.tu[i])), start: avg(this.sw, this.su),
    };
  }
}

function shingleF1(pages: { gold: string; predicted: string }[]): { p: number; r: number; f: number } {
  const tokens = (t: string) => t.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const sh = (t: string) => {
    const tk = tokens(t);
    const m = new Map<string, number>();
    for (let i = 0; i < Math.max(1, tk.length - 3); i++) {
      const s = tk.slice(i, i + 4).join('\u0001');
      if (s) m.set(s, (m.get(s) ?? 0) + 1);
    }
    return m;
  };
  const ps: number[] = [];
  const rs: number[] = [];
  for (const { gold, predicted } of pages) {
    const g = sh(gold);
    const q = sh(predicted);
    let tp = 0, fp = 0, fn = 0;
    for (const k of new Set([...g.keys(), ...q.keys()])) {
      const a = g.get(k) ?? 0, b = q.get(k) ?? 0;
      tp += Math.min(a, b); fp += Math.max(0, b - a); fn += Math.max(0, a - b);
    }
    if (fp === 0 && fn === 0) { ps.push(1); rs.push(1); continue; }
    if (tp + fp > 0) ps.push(tp / (tp + fp));
    if (tp + fn > 0) rs.push(tp / (tp + fn));
  }
  const mean = (x: number[]) => (x.length ? x.reduce((a, b) => a + b, 0) / x.length : 0);
  const p = mean(ps), r = mean(rs);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/**
 * The date ranker: an averaged perceptron over the features of each page's date candidates, trained on the train
 * pages whose gold date is among their candidates (the page's dates as the shipped parser would see them, under
 * the block classifier just trained). Prints accuracy on the held-back pages with a gold date.
 */
function trainDateRanker(train: DevPage[], heldBack: DevPage[], model: BlockModel): DateRankerData {
  const examples = train.filter((p) => p.gold.date).map((p) => ({ gold: p.gold.date, candidates: publicationDateCandidates(p.text, model) }))
    .filter((e) => e.candidates.some((c) => c.date === e.gold));
  const w = new Map<string, number>();
  const u = new Map<string, number>();
  let step = 1;
  const score = (c: DateCandidate) => c.features.reduce((s, f) => s + (w.get(f) ?? 0), 0);
  const bump = (f: string, d: number) => {
    w.set(f, (w.get(f) ?? 0) + d);
    u.set(f, (u.get(f) ?? 0) + d * step);
  };
  const random = mulberry32(SEED + 1);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < DATE_EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const { gold, candidates } = examples[i];
      let best = candidates[0];
      for (const c of candidates) if (score(c) > score(best)) best = c;
      if (best.date !== gold) {
        const right = candidates.filter((c) => c.date === gold).reduce((a, c) => (score(c) > score(a) ? c : a));
        for (const f of right.features) bump(f, 1);
        for (const f of best.features) bump(f, -1);
      }
      step++;
    }
  }
  const weights: Record<string, number> = {};
  for (const f of [...w.keys()].sort()) {
    const v = Math.round((w.get(f)! - u.get(f)! / step) * SCALE);
    if (v) weights[f] = v;
  }
  const ranker = { scale: SCALE, weights };
  const scaled = { scale: 1, weights: Object.fromEntries(Object.entries(weights).map(([f, v]) => [f, v / SCALE])) };
  const evaluate = (pages: DevPage[]) => {
    const withDate = pages.filter((p) => p.gold.date);
    const right = withDate.filter((p) => rankDates(publicationDateCandidates(p.text, model), scaled)?.date === p.gold.date).length;
    return `${right}/${withDate.length}`;
  };
  console.log(`date ranker: ${examples.length} training pages with the gold date among the candidates; correct on train ${evaluate(train)}, held back ${evaluate(heldBack)}`);
  return ranker;
}

/**
 * Words running text writes in lower case: seen at least COMMON_MIN times inside sentences, in lower case at least
 * 95 % of those times (sorted). The parser refuses a byline "name" made only of them ("Tech Industry").
 */
function commonLowerCaseWords(texts: string[]): string[] {
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  for (const text of texts) {
    for (const sentence of text.split(/[.!?\n]+/)) {
      const words = sentence.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
      for (let i = 1; i < words.length; i++) {
        const w = words[i];
        const key = w.toLowerCase();
        const map = w === key ? lower : upper;
        map.set(key, (map.get(key) ?? 0) + 1);
      }
    }
  }
  return [...lower].filter(([w, n]) => n >= COMMON_MIN && n / (n + (upper.get(w) ?? 0)) >= 0.95 && w.length > 1).map(([w]) => w).sort();
}

function main(): void {
  const pages = loadDevPages();
  const held = heldBackNames(pages);
  const withBody = pages.filter((p) => p.source === 'readability' && p.gold.body);
  const train: Example[] = [];
  for (const p of withBody.filter((p) => !held.has(p.name))) {
    const { blocks, labels } = labelPage(p.text, p.gold);
    if (blocks.length) train.push(example(p.text, labels, blocks));
  }
  const trainPages = train.length;
  // Clean texts: a title line, then the article's own text only. They keep texts that are not scraped pages
  // (news corpora, one sentence a line) from losing their body to the boilerplate label.
  const clean = (texts: string[], stride: number) => texts.forEach((text, i) => {
    if (i % stride) return;
    const { blocks } = labelPage(text, { headline: null, authors: [], date: null, outlet: null, body: '' });
    if (blocks.length) train.push(example(text, blocks.map((_, j) => (j === 0 ? 'headline' : 'body')), blocks));
  });
  clean(readBbcTexts(), BBC_STRIDE);
  clean(readConllTexts(), CONLL_STRIDE);
  clean(readPolnearTexts(), POLNEAR_STRIDE);
  const heldPages = withBody.filter((p) => held.has(p.name)).map((p) => ({ page: p, ...labelPage(p.text, p.gold) }));
  const heldExamples = heldPages.map((h) => example(h.page.text, h.labels, h.blocks));
  console.log(`training on ${trainPages} article pages + ${train.length - trainPages} clean texts (BBC, CoNLL-2003 train, PolNeAR train); ${heldPages.length} held-back pages with a gold body`);

  const trainer = new Trainer();
  const random = mulberry32(SEED);
  const order = train.map((_, i) => i);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) trainer.learn(train[i]);
    const model = new BlockModel(trainer.averaged());
    let right = 0, total = 0;
    const bodies = heldExamples.map((ex, k) => {
      const path = model.decode(ex.features);
      path.forEach((l, i) => { total++; if (l === ex.labels[i]) right++; });
      const { blocks, page } = heldPages[k];
      const predicted = blocks.filter((_, i) => BLOCK_LABELS[path[i]] === 'body').map((b) => b.text).join('\n\n');
      return { gold: page.gold.body ?? '', predicted };
    });
    const f = shingleF1(bodies);
    console.log(`epoch ${epoch}: held-back block accuracy ${(right / total).toFixed(3)}, body shingle F1 ${f.f.toFixed(3)} (P ${f.p.toFixed(3)} R ${f.r.toFixed(3)})`);
  }
  const data = trainer.averaged();
  const dateRanker = trainDateRanker(pages.filter((p) => !held.has(p.name)), pages.filter((p) => held.has(p.name)), new BlockModel(data));
  const commonWords = commonLowerCaseWords([...readBbcTexts(), ...readPolnearTexts()]);
  console.log(`common words: ${commonWords.length}`);
  const json = JSON.stringify({ ...data, dateRanker, commonWords }) + '\n';
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT}: ${Object.keys(data.weights).length} features, ${json.length} bytes`);
}

main();
