import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArticle } from '../../../../src/core/article';
import { CopyIndex, compareShingles, copySignature, decodeSignature, encodeSignature } from '../../../../src/core/corpus/copies';

const BBC = resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'eval', 'data', 'bbc');

/** A seeded generator: the fixtures are the same on every run. */
function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Other sites' furniture around a reprint: a header the parser may or may not know, and a footer. */
const SITES = [
  { top: ['By Staff Reporter', 'Share this article'], bottom: ['Related Articles', 'Council approves new budget for the harbour', 'Sign up for our daily newsletter', '© 2025 The Northern Courier. All rights reserved.'] },
  { top: ['Wire Desk', 'Advertisement'], bottom: ['Leave a Reply', 'Your email address will not be published.', 'Next Post', 'Ten things to do this weekend in town'] },
  { top: ['Newsroom'], bottom: ['Read more', 'From The Valley Gazette', 'Subscribe to The Valley Gazette for breaking news alerts'] },
];
const REPLACEMENTS = ['reportedly', 'officials', 'recently', 'major', 'several', 'local', 'national', 'however', 'meanwhile', 'critics', 'further', 'latest'];

/** A reprint of `text`: new headline, first or last paragraph cut, 3% of the body's words changed, another site's boilerplate around it. */
function plantCopy(text: string, i: number, next: () => number): string {
  const lines = text.split('\n');
  const paragraphs = lines.slice(1).filter((l) => l.trim());
  const words = (p: string) => p.split(/\s+/).filter(Boolean).length;
  const total = paragraphs.reduce((n, p) => n + words(p), 0);
  // Cut the first paragraph or the last, alternately; a paragraph holding over a third of the body is
  // not "a paragraph cut" but most of the article, so the other end is cut instead.
  let cutFirst = i % 2 === 0;
  if (words(paragraphs[cutFirst ? 0 : paragraphs.length - 1]) > total / 3) cutFirst = !cutFirst;
  const kept = cutFirst ? paragraphs.slice(1) : paragraphs.slice(0, -1);
  const changed = kept.map((p) => p.split(' ').map((w) => (next() < 0.03 ? REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)] : w)).join(' '));
  const site = SITES[i % SITES.length];
  const headline = `Exclusive: ${lines[0].split(' ').reverse().join(' ')} (updated)`;
  return [headline, '', ...site.top.flatMap((l) => [l, '']), ...changed.flatMap((p) => [p, '']), ...site.bottom.flatMap((l) => [l, ''])].join('\n');
}

/** Normalised sentences of an article's body, for a truth independent of shingles. */
function sentences(text: string): Set<string> {
  const body = text.slice(text.indexOf('\n') + 1);
  return new Set(body.split(/(?<=[.!?]["”]?)\s+/).map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()).filter((s) => s.split(' ').length >= 6));
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\t${b}` : `${b}\t${a}`;
}

/** Every pair inside each group of `links` joined transitively. */
function closedPairs(files: readonly string[], links: Iterable<[string, string]>): Set<string> {
  const parent = new Map(files.map((f) => [f, f]));
  const find = (f: string): string => (parent.get(f) === f ? f : find(parent.get(f)!));
  for (const [a, b] of links) parent.set(find(a), find(b));
  const groups = new Map<string, string[]>();
  for (const f of files) groups.set(find(f), [...(groups.get(find(f)) ?? []), f]);
  const out = new Set<string>();
  for (const members of groups.values()) for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) out.add(pairKey(members[i], members[j]));
  return out;
}

describe('core/corpus/copies', () => {
  const body = (words: number, seed: number) => {
    const next = random(seed);
    const vocabulary = 'the minister said on tuesday that talks over trade would resume next month after a week of pressure from farmers and unions in several regions of the country'.split(' ');
    const paragraphs: string[] = [];
    for (let p = 0; p < 4; p++) paragraphs.push(Array.from({ length: words / 4 }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ') + '.');
    return paragraphs;
  };
  const article = (headline: string, date: string | null, paragraphs: string[]) => [headline, '', ...(date ? [date, ''] : []), ...paragraphs.flatMap((p) => [p, ''])].join('\n');
  const signatureOf = (text: string) => copySignature(text, parseArticle(text));

  it('confirms a reprint with a new headline and finds nothing between unrelated bodies', () => {
    const a = body(200, 1);
    const original = signatureOf(article('Trade talks resume', null, a))!;
    const reprint = signatureOf(article('Farmers win: talks back on', null, a))!;
    const other = signatureOf(article('Trade talks resume', null, body(200, 2)))!;
    assert.equal(compareShingles(original.shingles, reprint.shingles).jaccard, 1);
    assert.ok(compareShingles(original.shingles, other.shingles).jaccard < 0.3);
  });

  it('gives no signature to a body too short to compare', () => {
    assert.equal(signatureOf('Headline\n\nA short notice of ten words or so, no more.\n'), null);
  });

  it('round-trips a signature through its snapshot text and refuses a damaged one', () => {
    const signature = signatureOf(article('H', null, body(120, 3)))!;
    const text = encodeSignature(signature);
    assert.deepEqual(decodeSignature(text), signature);
    assert.equal(decodeSignature(text.slice(0, -4) + '!!!!'), null);
    assert.equal(decodeSignature(42), null);
  });

  it('groups copies with the earliest-dated member first and follows changes', () => {
    const dates = new Map<string, string | null>();
    const index = new CopyIndex((f) => dates.get(f) ?? null);
    const shared = body(240, 4);
    const put = (file: string, date: string | null, paragraphs: string[]) => {
      const text = article(`Headline of ${file}`, date ? `January ${date.slice(-2)}, 2019` : null, paragraphs);
      dates.set(file, parseArticle(text).date);
      index.set(file, signatureOf(text));
    };
    put('c.txt', null, shared);
    put('b.txt', '2019-01-20', shared);
    put('a.txt', '2019-01-05', shared.slice(1));
    put('x.txt', '2019-01-01', body(240, 5));
    assert.deepEqual(index.groups().map((g) => g.files), [['a.txt', 'b.txt', 'c.txt']]);
    assert.equal(index.originCount(['a.txt', 'b.txt', 'c.txt', 'x.txt']), 2);
    assert.deepEqual(index.copiesOf('c.txt').map((c) => c.file), ['b.txt', 'a.txt']);
    // An edit that rewrites a member takes it out; removing a file forgets it.
    put('b.txt', '2019-01-20', body(240, 6));
    assert.deepEqual(index.groups().map((g) => g.files), [['a.txt', 'c.txt']]);
    index.remove('a.txt');
    assert.deepEqual(index.groups(), []);
    assert.equal(index.originCount(['c.txt', 'b.txt']), 2);
  });

  it('keeps the same groups after a run of changes as an index built afresh from the final texts', () => {
    const next = random(7);
    const stories = [body(200, 11), body(200, 12), body(200, 13)];
    const texts = new Map<string, string>();
    const live = new CopyIndex(() => null);
    for (let step = 0; step < 60; step++) {
      const file = `f${Math.floor(next() * 8)}.txt`;
      if (next() < 0.2) {
        texts.delete(file);
        live.remove(file);
      } else {
        const story = stories[Math.floor(next() * stories.length)];
        const text = article(file, null, next() < 0.5 ? story : story.slice(1));
        texts.set(file, text);
        live.set(file, signatureOf(text));
      }
      if (step % 7 === 0) live.groups(); // memoised groups must follow the changes after them
    }
    const fresh = new CopyIndex(() => null);
    for (const [file, text] of texts) fresh.set(file, signatureOf(text));
    const shape = (index: CopyIndex) => index.groups().map((g) => g.files.join(',')).sort();
    assert.deepEqual(shape(live), shape(fresh));
    assert.ok(shape(fresh).length > 0);
    for (const file of texts.keys()) assert.deepEqual(live.groupOf(file)?.files, fresh.groupOf(file)?.files);
  });

  (existsSync(BBC) ? it : it.skip)('recovers 30 planted reprints among 300 BBC articles with 95% recall and precision', () => {
    const files: { path: string; text: string }[] = [];
    for (const category of readdirSync(BBC).filter((d) => !d.includes('.')).sort()) {
      for (const name of readdirSync(join(BBC, category)).sort().slice(0, 60)) files.push({ path: `${category}/${name}`, text: readFileSync(join(BBC, category, name), 'utf8') });
    }
    assert.equal(files.length, 300);
    const next = random(2026);
    const planted: [string, string][] = [];
    for (let i = 0; i < 30; i++) {
      const source = files[i * 10];
      const path = `copies/${String(i).padStart(2, '0')}.txt`;
      planted.push([path, source.path]);
      files.push({ path, text: plantCopy(source.text, i, next) });
    }
    // Truth among the originals, independent of shingles: most of the shorter body's sentences appear in the other.
    const sentenceSets = files.slice(0, 300).map((f) => sentences(f.text));
    const bySentence = new Map<string, number[]>();
    sentenceSets.forEach((set, i) => set.forEach((s) => bySentence.set(s, [...(bySentence.get(s) ?? []), i])));
    const sharedCounts = new Map<string, number>();
    for (const owners of bySentence.values()) for (let a = 0; a < owners.length; a++) for (let b = a + 1; b < owners.length; b++) sharedCounts.set(`${owners[a]},${owners[b]}`, (sharedCounts.get(`${owners[a]},${owners[b]}`) ?? 0) + 1);
    const originalPairs: [string, string][] = [];
    for (const [key, count] of sharedCounts) {
      const [a, b] = key.split(',').map(Number);
      if (count >= 0.5 * Math.min(sentenceSets[a].size, sentenceSets[b].size)) originalPairs.push([files[a].path, files[b].path]);
    }

    const index = new CopyIndex(() => null);
    for (const f of files) index.set(f.path, copySignature(f.text, parseArticle(f.text)));
    const found = new Set<string>();
    for (const group of index.groups()) for (let i = 0; i < group.files.length; i++) for (let j = i + 1; j < group.files.length; j++) found.add(pairKey(group.files[i], group.files[j]));

    const truth = closedPairs(files.map((f) => f.path), [...planted, ...originalPairs]);
    const plantedKeys = planted.map(([a, b]) => pairKey(a, b));
    const recall = plantedKeys.filter((k) => found.has(k)).length / plantedKeys.length;
    const truthRecall = [...truth].filter((k) => found.has(k)).length / truth.size;
    const precision = [...found].filter((k) => truth.has(k)).length / Math.max(1, found.size);
    if (process.env.COPIES_REPORT) console.log(planted.map(([a, b]) => compareShingles(index.signature(a)!.shingles, index.signature(b)!.shingles).jaccard.toFixed(2)).join(" "), { recall, truthRecall, precision, found: found.size, truth: truth.size, originalPairs: originalPairs.length });
    assert.ok(recall >= 0.95, `planted recall ${recall}`);
    assert.ok(truthRecall >= 0.95, `recall over all true pairs ${truthRecall} (${truth.size} pairs)`);
    assert.ok(precision >= 0.95, `precision ${precision} (${found.size} pairs found: ${[...found].filter((k) => !truth.has(k)).slice(0, 5).join('; ')})`);
  });
});
