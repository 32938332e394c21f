import * as assert from 'node:assert/strict';
import type { Correction } from '../../src/core/corrections';
import { indexCorrectionsFrom, WorkspaceIndex, type AnalyzeArticle } from '../../src/core/index';
import { fakeAnalyzer, MemoryHost, type LexiconEntry } from './indexTestKit';

const LEXICON: LexiconEntry[] = [
  { text: 'Ren Zhengfei', type: 'person', roles: ['founder'] },
  { text: 'Ren', type: 'person', name: 'Ren Zhengfei' },
  { text: 'Meng Wanzhou', type: 'person' },
  { text: 'Meng Wenzhou', type: 'person' },
  { text: 'Huawei', type: 'organization' },
  { text: 'ZTE', type: 'organization' },
  { text: 'Canada', type: 'place' },
  { text: 'John Smith', type: 'person' },
  { text: 'Jane Smith', type: 'person' },
  { text: 'Smith', type: 'person' },
  { text: 'Li Wei', type: 'person' },
  { text: 'Li Wen', type: 'person' },
  { text: 'Acme', type: 'organization' },
  { text: 'Globex', type: 'organization' },
  { text: 'Initech', type: 'organization' },
  { text: 'Paris Hilton', type: 'person' },
  { text: 'Paris', type: 'place' },
  { text: 'President Donald Trump', type: 'person', name: 'Donald Trump', roles: ['President'] },
  { text: 'Trump', type: 'person', name: 'Donald Trump' },
];

async function indexOf(files: Record<string, string>, lexicon = LEXICON, modelVersion = 'test-1') {
  const host = new MemoryHost(files);
  const fake = fakeAnalyzer(lexicon);
  const index = new WorkspaceIndex(host, fake.analyze as AnalyzeArticle, { modelVersion, yieldToHost: () => Promise.resolve() });
  const result = await index.build();
  return { host, index, result, calls: fake.calls };
}

const SEED_A = 'Huawei boss speaks\nOutlet: Free America Network\nDate: 2019-01-16\nRen Zhengfei of Huawei met ZTE staff. Ren\'s daughter Meng Wanzhou was held in Canada on [2018-12-01].\n"No law in China requires any company to install mandatory back doors," said Ren.\n';
const SEED_B = 'Huawei CEO breaks silence\nOutlet: The Epoch Times\nDate: 2019-01-15\nBy: Cathy He\nMr. Ren of Huawei spoke as ZTE watched. Meng Wenzhou was arrested on [2018-12-01].\n"There is no law in China that requires any company to install mandatory backdoors" said Ren.\n';

describe('WorkspaceIndex: entities across articles', () => {
  it('links a full name, the surname alone, a title and a possessive into one person', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B });
    const ren = index.entityNamed('Ren Zhengfei');
    assert.ok(ren);
    assert.equal(ren.type, 'person');
    assert.deepEqual(ren.files, ['a.txt', 'b.txt']);
    assert.equal(index.entityNamed("Mr. Ren's")?.id, ren.id);
    assert.ok(ren.aliases.includes('Ren'));
    assert.deepEqual(ren.roles.map((r) => r.role), ['founder']);
  });

  it('links spelling variants one letter apart when the articles share company, and marks them', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B });
    const meng = index.entityNamed('Meng Wanzhou');
    assert.ok(meng);
    assert.equal(index.entityNamed('Meng Wenzhou')?.id, meng.id);
    assert.equal(meng.variants.length, 1);
    assert.ok(['Meng Wanzhou', 'Meng Wenzhou'].includes(meng.variants[0]) && meng.variants[0] !== meng.name);
    assert.equal(index.mentionsOf(meng.id).length, 2);
  });

  it('keeps look-alike names apart: John/Jane Smith, a shared surname, Li Wei/Li Wen without context, Paris', async () => {
    const { index } = await indexOf({
      '1.txt': 'One\nJohn Smith works at Acme with Globex.\n',
      '2.txt': 'Two\nJane Smith works at Acme with Globex.\n',
      '3.txt': 'Three\nSmith declined to comment.\n',
      '4.txt': 'Four\nLi Wei spoke in Paris.\n',
      '5.txt': 'Five\nLi Wen spoke at Initech.\n',
      '6.txt': 'Six\nParis Hilton arrived in Paris.\n',
    });
    const john = index.entityNamed('John Smith');
    const jane = index.entityNamed('Jane Smith');
    assert.ok(john && jane);
    assert.notEqual(john.id, jane.id);
    assert.notEqual(index.entityNamed('Smith')?.id, john.id, 'a surname shared by two people is not linked to either');
    assert.notEqual(index.entityNamed('Smith')?.id, jane.id);
    assert.notEqual(index.entityNamed('Li Wei')?.id, index.entityNamed('Li Wen')?.id);
    const paris = index.entityNamed('Paris');
    const hilton = index.entityNamed('Paris Hilton');
    assert.equal(paris?.type, 'place');
    assert.equal(hilton?.type, 'person');
    assert.notEqual(paris?.id, hilton?.id);
    assert.equal(index.entities().length, 10);
  });

  it('needs the evidence: Li Wei/Li Wen merge only once their articles share people or organizations', async () => {
    const { index } = await indexOf({
      '4.txt': 'Four\nLi Wei spoke at Acme and Globex.\n',
      '5.txt': 'Five\nLi Wen spoke at Acme and Globex.\n',
    });
    assert.equal(index.entityNamed('Li Wei')?.id, index.entityNamed('Li Wen')?.id);
  });

  it('does not merge two spellings that appear in the same article', async () => {
    const { index } = await indexOf({
      'a.txt': 'A\nMeng Wanzhou and Meng Wenzhou of Huawei and ZTE.\n',
      'b.txt': 'B\nMeng Wanzhou of Huawei and ZTE.\n',
    });
    assert.notEqual(index.entityNamed('Meng Wanzhou')?.id, index.entityNamed('Meng Wenzhou')?.id);
  });

  it('drops titles from the canonical name and gathers roles', async () => {
    const { index } = await indexOf({ 'a.txt': 'A\nPresident Donald Trump spoke. Trump left.\n', 'b.txt': 'B\nTrump tweeted.\n' });
    const trump = index.entityNamed('Trump');
    assert.equal(trump?.name, 'Donald Trump');
    assert.deepEqual(trump?.files, ['a.txt', 'b.txt']);
    assert.deepEqual(trump?.roles, [{ role: 'President', count: 1 }]);
  });

  it('makes a byline author a person', async () => {
    const { index } = await indexOf({ 'b.txt': SEED_B });
    const cathy = index.entityNamed('Cathy He');
    assert.equal(cathy?.type, 'person');
    assert.deepEqual(cathy?.roles.map((r) => r.role), ['author']);
  });
});

describe('WorkspaceIndex: queries', () => {
  it('finds the entity at an offset, its mentions, first mention and counts per article and outlet', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B });
    const offset = SEED_B.indexOf('Ren of') + 1;
    const hit = index.entityAt('b.txt', offset);
    assert.equal(hit?.entity.name, 'Ren Zhengfei');
    assert.equal(hit?.mention.text, 'Ren');
    assert.equal(index.entityAt('b.txt', SEED_B.indexOf('spoke as')), undefined);
    const mentions = index.mentionsOf(hit.entity.id);
    assert.deepEqual(mentions.map((m) => m.file), ['a.txt', 'a.txt', 'a.txt', 'b.txt', 'b.txt']);
    for (const { file, mention } of mentions) {
      const text = file === 'a.txt' ? SEED_A : SEED_B;
      assert.equal(text.slice(mention.start, mention.end), mention.text);
    }
    // b.txt is dated a day earlier, so the first mention is there.
    assert.equal(index.firstMention(hit.entity.id)?.file, 'b.txt');
    assert.deepEqual(index.mentionCounts(hit.entity.id), {
      perArticle: [{ file: 'a.txt', count: 3 }, { file: 'b.txt', count: 2 }],
      perOutlet: [{ outlet: 'Free America Network', count: 3 }, { outlet: 'The Epoch Times', count: 2 }],
    });
    assert.deepEqual(index.mentionsInFile(hit.entity.id, 'b.txt').map((m) => m.text), ['Ren', 'Ren']);
  });

  it('lists quotes by speaker and finds the same statement in the other article with its differences', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B });
    const ren = index.entityNamed('Ren')!;
    const quotes = index.quotesBy(ren.id);
    assert.deepEqual(quotes.map((q) => q.file), ['a.txt', 'b.txt']);
    const inA = index.quoteAt('a.txt', quotes[0].quote.start + 3);
    assert.equal(inA?.speakerId, ren.id);
    const similar = index.similarQuotes('a.txt', inA!.quote);
    assert.equal(similar.length, 1);
    assert.equal(similar[0].file, 'b.txt');
    assert.ok(similar[0].similarity > 0.7 && similar[0].similarity < 1);
    assert.deepEqual(similar[0].differences, [
      { kind: 'extra', a: '', b: 'there is' },
      { kind: 'extra', a: '', b: 'that' },
      { kind: 'changed', a: 'back doors', b: 'backdoors' },
    ]);
  });

  it('finds other articles mentioning the same day', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B, 'c.txt': 'C\nNothing on [2018-12-02].\n' });
    const date = index.dateAt('a.txt', SEED_A.indexOf('[2018') + 2);
    assert.equal(date?.value, '2018-12-01');
    assert.deepEqual(index.datesOnDay('2018-12-01', 'a.txt').map((d) => d.file), ['b.txt']);
  });

  it('lists outlets with their articles and searches entities by name', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B, 'c.txt': 'C\nZTE.\n' });
    assert.deepEqual(index.outlets(), [{ name: 'Free America Network', files: ['a.txt'] }, { name: 'The Epoch Times', files: ['b.txt'] }]);
    assert.deepEqual(index.searchEntities('meng').map((e) => e.name), [index.entityNamed('Meng Wanzhou')!.name]);
    assert.equal(index.searchEntities('zheng')[0]?.name, 'Ren Zhengfei');
    assert.equal(index.searchEntities('wenzhou').length, 1, 'a variant spelling finds its entity');
  });
});

describe('WorkspaceIndex: incremental updates, cache, cancellation', () => {
  it('re-analyses only the changed file and fires onDidUpdate', async () => {
    const { host, index, calls } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B });
    assert.equal(calls.length, 2);
    const updates: string[][] = [];
    index.onDidUpdate((u) => updates.push([...u.changed, ...u.removed.map((r) => `-${r}`)]));
    host.set('b.txt', SEED_B.replace(/Meng Wenzhou/g, 'Li Wei'));
    await index.updateFile('b.txt');
    assert.equal(calls.length, 3);
    assert.deepEqual(updates, [['b.txt']]);
    assert.deepEqual(index.entityNamed('Meng Wanzhou')?.files, ['a.txt']);
    assert.deepEqual(index.entityNamed('Li Wei')?.files, ['b.txt']);
    await index.updateFile('b.txt'); // same bytes: nothing to do
    assert.equal(calls.length, 3);
    index.updateText('a.txt', SEED_A.replace('Ren Zhengfei of', 'John Smith of'));
    assert.equal(calls.length, 4);
    assert.deepEqual(index.entityNamed('John Smith')?.files, ['a.txt']);
  });

  it('follows watcher events: create, rename without re-analysis, delete', async () => {
    const { host, index, calls } = await indexOf({ 'a.txt': SEED_A });
    index.watch();
    host.set('b.txt', SEED_B);
    host.fire({ kind: 'created', path: 'b.txt' });
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(index.files(), ['a.txt', 'b.txt']);
    index.renameFile('b.txt', 'renamed.txt');
    assert.equal(calls.length, 2);
    assert.deepEqual(index.entityNamed('Ren')?.files, ['a.txt', 'renamed.txt']);
    assert.equal(index.outletOf('renamed.txt'), 'The Epoch Times');
    host.files.delete('a.txt');
    host.fire({ kind: 'deleted', path: 'a.txt' });
    assert.deepEqual(index.entityNamed('Ren')?.files, ['renamed.txt']);
    assert.equal(index.entityNamed('Meng Wanzhou'), undefined);
    assert.deepEqual(index.entityNamed('Meng Wenzhou')?.variants, []);
  });

  it('follows a folder deleted or renamed as one watcher event: its articles go or move with it', async () => {
    const { host, index, calls } = await indexOf({ 'news/a.txt': SEED_A, 'news/b.txt': SEED_B, 'newsroom.txt': SEED_B });
    index.watch();
    host.fire({ kind: 'renamed', oldPath: 'news', path: 'archive' });
    assert.deepEqual(index.files(), ['archive/a.txt', 'archive/b.txt', 'newsroom.txt']);
    assert.equal(calls.length, 3, 'moved without analysing again');
    for (const file of ['archive/a.txt', 'archive/b.txt']) host.files.delete(file);
    host.fire({ kind: 'deleted', path: 'archive' });
    assert.deepEqual(index.files(), ['newsroom.txt'], 'a sibling whose name starts alike stays');
    assert.deepEqual(index.entityNamed('Ren')?.files, ['newsroom.txt']);
  });

  it('reopens from a snapshot without analysing unchanged files, and refuses another model version', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B });
    const json = index.snapshot();
    const host = new MemoryHost({ 'a.txt': SEED_A, 'b.txt': SEED_B + 'Edited.\n' });
    const fake = fakeAnalyzer(LEXICON);
    const warm = new WorkspaceIndex(host, fake.analyze, { modelVersion: 'test-1' });
    assert.equal(warm.loadSnapshot(json), true);
    const result = await warm.build();
    assert.equal(result.fromCache, 1);
    assert.equal(result.analysed, 1);
    assert.equal(fake.calls.length, 1);
    assert.deepEqual(warm.entityNamed('Ren')?.files, ['a.txt', 'b.txt']);
    const other = new WorkspaceIndex(host, fake.analyze, { modelVersion: 'test-2' });
    assert.equal(other.loadSnapshot(json), false);
    assert.equal(other.loadSnapshot('{"format":2,"modelVersion":"test-1","files":[{"path":"x","record":{}}]}'), false);
    assert.equal(other.loadSnapshot('not json'), false);
  });

  it('skips unreadable, binary and non-UTF-8 files and indexes the rest', async () => {
    const host = new MemoryHost({ 'a.txt': SEED_A });
    host.set('locked.txt', new Error('permission denied'));
    host.set('binary.txt', new Uint8Array([0x48, 0, 0x49]));
    host.set('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    const idx = new WorkspaceIndex(host, fakeAnalyzer(LEXICON).analyze, { modelVersion: 't' });
    const built = await idx.build();
    assert.equal(built.indexed, 1);
    assert.deepEqual(built.skipped.map((s) => s.path).sort(), ['binary.txt', 'latin1.txt', 'locked.txt']);
    assert.match(built.skipped.find((s) => s.path === 'locked.txt')!.reason, /permission denied/);
    assert.deepEqual(idx.files(), ['a.txt']);
  });

  it('yields between slices, reports progress and stops when cancelled', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`${String(i).padStart(2, '0')}.txt`] = `A${i}\nRen Zhengfei of Huawei.\n`;
    const host = new MemoryHost(files);
    let yields = 0;
    const signal = { isCancellationRequested: false };
    const index = new WorkspaceIndex(host, fakeAnalyzer(LEXICON).analyze, {
      modelVersion: 't', sliceMs: 0, readConcurrency: 5,
      yieldToHost: async () => { yields++; },
    });
    const progress: number[] = [];
    index.onDidProgress((p) => {
      progress.push(p.done);
      if (p.done >= 20) signal.isCancellationRequested = true;
    });
    const result = await index.build(signal);
    assert.equal(result.cancelled, true);
    assert.equal(result.indexed, 20);
    assert.ok(yields >= 4);
    assert.deepEqual(progress.slice(0, 4), [5, 10, 15, 20]);
    const resumed = await index.build();
    assert.equal(resumed.analysed, 30, 'a second build finishes the work without redoing it');
  });
});

describe('WorkspaceIndex: user corrections', () => {
  it('applies merge, split, not-an-entity and set-outlet, and undoes them when withdrawn', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B, 'c.txt': 'C\nJohn Smith and Jane Smith.\n' });
    const updates: number[] = [];
    index.onDidUpdate((u) => updates.push(u.changed.length));
    index.applyCorrections([
      { kind: 'mergeWith', names: ['Jane Smith', 'John Smith'] },
      { kind: 'split', name: 'Meng Wenzhou' },
      { kind: 'notAnEntity', name: 'ZTE' },
      { kind: 'notAnEntity', name: 'Huawei', file: 'a.txt' },
      { kind: 'setOutlet', file: 'a.txt', outlet: 'FAN' },
    ]);
    assert.deepEqual(updates, [3]);
    assert.equal(index.entityNamed('John Smith')?.name, 'Jane Smith');
    assert.equal(index.entityNamed('John Smith')?.mentionCount, 2);
    assert.notEqual(index.entityNamed('Meng Wenzhou')?.id, index.entityNamed('Meng Wanzhou')?.id);
    assert.equal(index.entityNamed('ZTE'), undefined);
    assert.equal(index.entityAt('a.txt', SEED_A.indexOf('ZTE')), undefined);
    assert.deepEqual(index.entityNamed('Huawei')?.files, ['b.txt']);
    assert.equal(index.outletOf('a.txt'), 'FAN');
    index.applyCorrections([]);
    assert.notEqual(index.entityNamed('John Smith')?.id, index.entityNamed('Jane Smith')?.id);
    assert.equal(index.entityNamed('Meng Wenzhou')?.id, index.entityNamed('Meng Wanzhou')?.id);
    assert.deepEqual(index.entityNamed('Huawei')?.files, ['a.txt', 'b.txt']);
    assert.equal(index.outletOf('a.txt'), 'Free America Network');
  });
  it('fires nothing for the list in force, and only the files naming a changed correction', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B, 'c.txt': 'C\nJohn Smith and Jane Smith.\n' });
    const updates: string[][] = [];
    index.onDidUpdate((u) => updates.push([...u.changed].sort()));
    const merge = { kind: 'mergeWith' as const, names: ['Jane Smith', 'John Smith'] };
    index.applyCorrections([merge]);
    index.applyCorrections([{ ...merge }]);
    index.applyCorrections([merge, { kind: 'setOutlet', file: 'b.txt', outlet: 'X' }]);
    assert.deepEqual(updates, [['c.txt'], ['b.txt']]);
    assert.equal(index.entityNamed('John Smith')?.name, 'Jane Smith');
  });
});

describe('WorkspaceIndex: corrections stored as annotations', () => {
  it('maps mention-level corrections to the index (merge chains, type, not-an-entity in one file, outlet)', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B, 'c.txt': 'C\nJohn Smith, Jane Smith and Li Wei.\n' });
    const base = { annotationId: 'x', modified: '2026-01-01T00:00:00Z' };
    const corrections: Correction[] = [
      { ...base, kind: 'mergeWith', source: 'c.txt', mention: 'Jane Smith', canonicalName: 'John Smith' },
      { ...base, kind: 'mergeWith', source: 'c.txt', mention: 'Li Wei', canonicalName: 'John Smith' },
      { ...base, kind: 'setType', source: 'a.txt', mention: 'Huawei', entityType: 'Place' },
      { ...base, kind: 'notAnEntity', source: 'b.txt', mention: 'ZTE', scope: 'article' },
      { ...base, kind: 'setOutlet', source: 'b.txt', outlet: 'NTD' },
      { ...base, kind: 'split', source: 'gone.txt', mention: 'Ren' },
    ];
    index.applyCorrections(indexCorrectionsFrom(corrections, (source) => (source === 'gone.txt' ? undefined : source)));
    const john = index.entityNamed('John Smith');
    assert.equal(john?.mentionCount, 3);
    assert.equal(index.entityNamed('Li Wei')?.id, john?.id);
    assert.equal(index.entityNamed('Huawei')?.type, 'place');
    assert.deepEqual(index.entityNamed('ZTE')?.files, ['a.txt']);
    assert.equal(index.outletOf('b.txt'), 'NTD');
    assert.deepEqual(index.entityNamed('Ren')?.files, ['a.txt', 'b.txt'], 'a correction on an unknown file is dropped');
  });

  it('"not an entity" made for the workspace removes the name from every article', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B });
    assert.deepEqual(index.entityNamed('ZTE')?.files, ['a.txt', 'b.txt']);
    const base = { annotationId: 'x', modified: '2026-01-01T00:00:00Z', source: 'b.txt', mention: 'ZTE' };
    index.applyCorrections(indexCorrectionsFrom([{ ...base, kind: 'notAnEntity', scope: 'workspace' }], (source) => source));
    assert.equal(index.entityNamed('ZTE'), undefined);
    assert.ok(index.entities().every((e) => e.name !== 'ZTE'));
  });

  it('renames an entity by merging its name into a new one (the sidebar\'s Rename…)', async () => {
    const { index } = await indexOf({ 'a.txt': SEED_A, 'b.txt': SEED_B });
    const before = index.entityNamed('Ren Zhengfei');
    assert.ok(before && before.files.length === 2);
    const base = { annotationId: 'x', modified: '2026-01-01T00:00:00Z', source: 'a.txt', mention: 'Ren Zhengfei' };
    index.applyCorrections(indexCorrectionsFrom([{ ...base, kind: 'mergeWith', canonicalName: 'Zhengfei Ren' }], (source) => source));
    const renamed = index.entityNamed('Zhengfei Ren');
    assert.equal(renamed?.name, 'Zhengfei Ren');
    assert.equal(renamed?.mentionCount, before.mentionCount, 'every mention, surname alone included, stays with it');
    assert.deepEqual(renamed?.files, before.files);
    assert.ok(index.entities().every((e) => e.name !== 'Ren Zhengfei'), 'no entity left under the old name');
  });
});

describe('WorkspaceIndex: failures stay contained', () => {
  it('an analyser that throws on one text skips that file only, in a build and on an edit', async () => {
    const fake = fakeAnalyzer(LEXICON);
    const analyze: AnalyzeArticle = (text) => {
      if (text.includes('BOOM')) throw new Error('tagger crashed');
      return fake.analyze(text);
    };
    const index = new WorkspaceIndex(new MemoryHost({ 'a.txt': SEED_A, 'bad.txt': 'BOOM\n' }), analyze, { modelVersion: 't' });
    const result = await index.build();
    assert.deepEqual(result.skipped, [{ path: 'bad.txt', reason: 'analysis failed: tagger crashed' }]);
    index.updateText('a.txt', SEED_A + 'BOOM');
    assert.deepEqual(index.files(), []);
    assert.equal(index.skipped().length, 2);
    index.updateText('a.txt', SEED_A);
    assert.deepEqual(index.files(), ['a.txt']);
    assert.deepEqual(index.skipped().map((s) => s.path), ['bad.txt']);
  });

  it('skips a file over the size limit with the reason', async () => {
    const index = new WorkspaceIndex(new MemoryHost({ 'a.txt': SEED_A, 'huge.txt': 'x'.repeat(2000) }), fakeAnalyzer(LEXICON).analyze, { modelVersion: 't', maxFileBytes: 1000 });
    const result = await index.build();
    assert.deepEqual(result.skipped, [{ path: 'huge.txt', reason: 'too large to index (2 kB; the limit is 1 kB)' }]);
    index.updateText('a.txt', SEED_A.repeat(10));
    assert.deepEqual(index.files(), []);
  });
});
