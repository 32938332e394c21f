import * as assert from 'node:assert/strict';
import { applyPersonCues, namesThatAreNotPeople, placesAreNotPeople, surnamesAfterGivenNames, type WordKnowledge } from '../../src/core/ner/context';
import { checkHash, hashString, HashedWordMasks, LIST_BITS } from '../../src/core/ner/features';
import type { TaggedSpan } from '../../src/core/ner/tags';

const PER = 0;
const ORG = 1;
const LOC = 2;

/** A small made-up lexicon: listed places, companies and given names, and words written in lower case. */
const known: WordKnowledge = {
  listBits: (word) => ({
    brackwater: LIST_BITS.place,
    quellport: LIST_BITS.place,
    florin: LIST_BITS.place | LIST_BITS.given,
    zentrix: LIST_BITS.company,
    mara: LIST_BITS.given,
    tovik: LIST_BITS.name,
    fenwold: LIST_BITS.placeFirst | LIST_BITS.name,
    hill: LIST_BITS.placeRest,
  } as Record<string, number>)[word.toLowerCase()] ?? 0,
  mostlyLowercase: (word) => ['he', 'she', 'officials', 'police'].includes(word.toLowerCase()),
};

const split = (s: string) => s.split(' ');
const show = (words: string[], spans: TaggedSpan[]) => spans.map((s) => `${words.slice(s.start, s.end).join(' ')}:${'POLM'[s.type]}`);

describe('NER document context', () => {
  it('makes the capitalised words after a person title a person, even where the tagger saw none', () => {
    const words = split('Yesterday Ms Okafor-Lind visited the plant');
    const spans: TaggedSpan[][] = [[]];
    const cued = applyPersonCues([words], spans, known);
    assert.deepEqual(show(words, spans[0]), ['Okafor-Lind:P']);
    assert.ok(cued.has('Okafor-Lind'));
  });

  it('takes the title out of a span the tagger typed otherwise ("Dr Venkataram" as an organization)', () => {
    const words = split('Dr Venkataram examined the samples');
    const spans: TaggedSpan[][] = [[{ start: 0, end: 2, type: ORG }]];
    applyPersonCues([words], spans, known);
    assert.deepEqual(show(words, spans[0]), ['Venkataram:P']);
  });

  it('leaves a title in capitals alone: an abbreviation, not an honorific', () => {
    const words = split('shares of MX Tolvane rose');
    const spans: TaggedSpan[][] = [[{ start: 2, end: 4, type: ORG }]];
    applyPersonCues([words], spans, known);
    assert.deepEqual(show(words, spans[0]), ['MX Tolvane:O']);
  });

  it('makes a bare surname before or after a verb of speech a person', () => {
    const before = split('Quarrington told the committee it was over .');
    const after = split('" It is over , " said Brunvoll .');
    const spans: TaggedSpan[][] = [[], [{ start: 7, end: 8, type: LOC }]];
    const cued = applyPersonCues([before, after], spans, known);
    assert.deepEqual(show(before, spans[0]), ['Quarrington:P']);
    assert.deepEqual(show(after, spans[1]), ['Brunvoll:P']);
    assert.deepEqual([...cued].sort(), ['Brunvoll', 'Quarrington']);
  });

  it('does not make a speaker of a listed company, a common word, an organization or a name after an article', () => {
    const sentences = [
      split('Zentrix said profits fell'),
      split('He said nothing'),
      split('Police said the road was closed'),
      split('The Tribunal said it would rule'),
      split('an official in Quellport said the port was shut'),
      split('Velmar Group said sales rose'),
    ];
    const spans: TaggedSpan[][] = [[], [], [], [], [], [{ start: 0, end: 2, type: ORG }]];
    const cued = applyPersonCues(sentences, spans, known);
    assert.deepEqual([...cued], []);
    assert.deepEqual(spans.slice(0, 5), [[], [], [], [], []]);
    assert.deepEqual(show(sentences[5], spans[5]), ['Velmar Group:O']);
  });

  it('reads a one-word person that the lists know as a place as the place', () => {
    const sentences = [split('Storms hit Brackwater overnight'), split('Trains to Florin were cancelled'), split('Florin arrived late'), split('Brackwater')];
    const spans: TaggedSpan[][] = [[{ start: 2, end: 3, type: PER }], [{ start: 2, end: 3, type: PER }], [{ start: 0, end: 1, type: PER }], [{ start: 0, end: 1, type: PER }]];
    placesAreNotPeople(sentences, spans, known, new Set());
    // Florin is a given name too: a place only where a preposition puts it on the map.
    assert.deepEqual(spans.map((s, i) => show(sentences[i], s)), [['Brackwater:L'], ['Florin:L'], ['Florin:P'], ['Brackwater:L']]);
  });

  it('keeps a place-named person a person when the text says so', () => {
    const sentences = [split('Anna Brackwater won'), split('Brackwater thanked her coach'), split('Mr Brackwater smiled')];
    const spans: TaggedSpan[][] = [[{ start: 0, end: 2, type: PER }], [{ start: 0, end: 1, type: PER }], [{ start: 1, end: 2, type: PER }]];
    placesAreNotPeople(sentences, spans, known, new Set(['Anna', 'Brackwater']));
    assert.deepEqual(spans.map((s) => s.map((x) => x.type)), [[PER], [PER], [PER]]);
  });
});

describe('NER names the text says are no person', () => {
  it('makes a name ending in a company designator an organization, whoever it is named after', () => {
    const sentences = [split('Shares of Quorvane Records rose'), split('Mara Tovik Motorsports won')];
    const spans: TaggedSpan[][] = [[{ start: 2, end: 4, type: PER }], [{ start: 0, end: 3, type: PER }]];
    namesThatAreNotPeople(sentences, spans, known);
    assert.deepEqual(spans.map((s) => s.map((x) => x.type)), [[ORG], [ORG]]);
  });

  it('makes a name ending in a place word a place, unless its first word is a person\'s name', () => {
    const sentences = [split('Lawmakers on Gorvath Hill objected'), split('Mara Hill won the race'), split('Tovik Hill won'), split('traffic in Fenwold Hill')];
    const spans: TaggedSpan[][] = [[{ start: 2, end: 4, type: PER }], [{ start: 0, end: 2, type: PER }], [{ start: 0, end: 2, type: PER }], [{ start: 2, end: 4, type: PER }]];
    namesThatAreNotPeople(sentences, spans, known);
    assert.deepEqual(spans.map((s) => s.map((x) => x.type)), [[LOC], [PER], [PER], [LOC]]);
  });

  it('reads a one-word name after "a" or "an" as a thing ("won an Emmerling")', () => {
    const words = split('She won an Emmerling for the role');
    const spans: TaggedSpan[][] = [[{ start: 3, end: 4, type: PER }]];
    namesThatAreNotPeople([words], spans, known);
    assert.equal(spans[0][0].type, 3);
  });
});

describe('NER surnames after given names', () => {
  it('takes a capitalised word closing the line after a given name as the surname ("By Mara Ou")', () => {
    const sentences = [split('By Mara Ou'), split('Mara Ou , a reporter , wrote it'), split('He thanked Mara He said'), split('They met Mara Monday'), split('I saw Mara Quellport')];
    const spans: TaggedSpan[][] = sentences.map((w) => [{ start: w.indexOf('Mara'), end: w.indexOf('Mara') + 1, type: PER }]);
    surnamesAfterGivenNames(sentences, spans, known);
    assert.deepEqual(spans.map((s, i) => show(sentences[i], s)), [['Mara Ou:P'], ['Mara Ou:P'], ['Mara:P'], ['Mara:P'], ['Mara:P']]);
  });
});

describe('hashed word masks', () => {
  it('finds every stored word and no other', () => {
    const entries = ['okafor', 'brackwater', 'zentrix', 'mara', 'ü-straße'].map((w, i) => [hashString(w), checkHash(w), 1 << (16 + i)]);
    entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const masks = new HashedWordMasks(Uint32Array.from(entries.map((e) => e[0])), Uint32Array.from(entries.map((e) => e[1])), Uint32Array.from(entries.map((e) => e[2])));
    assert.equal(masks.size, 5);
    assert.equal(masks.get('zentrix'), 1 << 18);
    assert.equal(masks.get('ü-straße'), 1 << 20);
    for (const w of ['', 'okafo', 'Okafor', 'zentrixx', 'the']) assert.equal(masks.get(w), undefined);
  });

  it('tells apart entries that share a hash or a table slot, the first stored answering first', () => {
    const h = hashString('okafor');
    const c = checkHash('okafor');
    // Sorted as the model stores them: an entry of the same hash and another check, the word itself, a copy
    // of it (a 64-bit collision: the first stored wins), then hashes that land on the same table slot.
    const entries = [[h, (c + 1) >>> 0, 1], [h, c, 2], [h, c, 3], [(h + 64) >>> 0, c, 4], [(h + 128) >>> 0, (c + 2) >>> 0, 5]];
    entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const masks = new HashedWordMasks(Uint32Array.from(entries.map((e) => e[0])), Uint32Array.from(entries.map((e) => e[1])), Uint32Array.from(entries.map((e) => e[2])));
    assert.equal(masks.get('okafor'), 2);
    assert.equal(masks.get('brackwater'), undefined);
    assert.equal(new HashedWordMasks(new Uint32Array(0), new Uint32Array(0), new Uint32Array(0)).get('okafor'), undefined);
  });
});
