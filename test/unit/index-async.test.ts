import * as assert from 'node:assert/strict';
import { WorkspaceIndex, type AnalyzeArticle, type ArticleAnalysisResult } from '../../src/core/index';
import { fakeAnalyzer, MemoryHost, type LexiconEntry } from './indexTestKit';

const LEXICON: LexiconEntry[] = [
  { text: 'Ren Zhengfei', type: 'person' },
  { text: 'Meng Wanzhou', type: 'person' },
  { text: 'Huawei', type: 'organization' },
];

/**
 * The fake analyser behind promises that settle in an order the test controls (as worker threads
 * finish in any order), counting how many are running at once.
 */
function asyncAnalyzer(settleOrder: 'reverse' | 'random' = 'reverse') {
  const fake = fakeAnalyzer(LEXICON);
  const pending: { text: string; resolve: (r: ArticleAnalysisResult) => void; reject: (e: Error) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let seed = 7;
  const analyze: AnalyzeArticle = (text) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<ArticleAnalysisResult>((resolve, reject) => {
      pending.push({ text, resolve, reject });
      // Settle a little later, so several analyses are in flight together.
      setTimeout(() => {
        while (pending.length) {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          const at = settleOrder === 'reverse' ? pending.length - 1 : seed % pending.length;
          const [job] = pending.splice(at, 1);
          inFlight--;
          if (job.text.includes('CRASH')) job.reject(new Error('analysis worker exited'));
          else job.resolve(fake.analyze(job.text));
        }
      }, 1);
    });
  };
  return { analyze, calls: fake.calls, maxInFlight: () => maxInFlight };
}

function articles(count: number, body = (i: number) => `Ren Zhengfei of Huawei, article ${i}.`): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`${String(i).padStart(2, '0')}.txt`] = `A${i}\n${body(i)}\n`;
  return files;
}

describe('WorkspaceIndex: asynchronous analysis (worker pool)', () => {
  it('keeps several analyses in flight, bounded, and applies results in file order', async () => {
    const host = new MemoryHost(articles(30));
    const analyser = asyncAnalyzer('random');
    const index = new WorkspaceIndex(host, analyser.analyze, { modelVersion: 't', analysisConcurrency: 3, yieldToHost: () => Promise.resolve() });
    const changedOrder: string[] = [];
    index.onDidUpdate((u) => changedOrder.push(...u.changed));
    const result = await index.build();
    assert.equal(result.analysed, 30);
    assert.equal(result.indexed, 30);
    assert.ok(analyser.maxInFlight() > 1, 'analyses overlap');
    assert.ok(analyser.maxInFlight() <= 4, `at most the bound (+1 being queued), got ${analyser.maxInFlight()}`);
    assert.deepEqual(changedOrder, Object.keys(articles(30)).sort(), 'results applied in file order');
    const ren = index.entityNamed('Ren Zhengfei');
    assert.equal(ren?.files.length, 30);
  });

  it('gives the same index as the in-thread analyser', async () => {
    const files = articles(12, (i) => (i % 2 ? 'Ren Zhengfei of Huawei.' : 'Meng Wanzhou was held.'));
    const inThread = new WorkspaceIndex(new MemoryHost(files), fakeAnalyzer(LEXICON).analyze, { modelVersion: 't' });
    const pooled = new WorkspaceIndex(new MemoryHost(files), asyncAnalyzer().analyze, { modelVersion: 't' });
    await inThread.build();
    await pooled.build();
    assert.equal(pooled.snapshot(), inThread.snapshot());
  });

  it('stops starting analyses when cancelled mid-build and lets the running ones finish', async () => {
    const host = new MemoryHost(articles(40));
    const analyser = asyncAnalyzer();
    const signal = { isCancellationRequested: false };
    const index = new WorkspaceIndex(host, analyser.analyze, { modelVersion: 't', analysisConcurrency: 2, readConcurrency: 4, sliceMs: 0, yieldToHost: () => Promise.resolve() });
    index.onDidProgress((p) => {
      if (p.done >= 8) signal.isCancellationRequested = true;
    });
    const result = await index.build(signal);
    assert.equal(result.cancelled, true);
    assert.ok(result.indexed >= 8 && result.indexed < 40, `indexed ${result.indexed}`);
    assert.equal(analyser.calls.length, result.analysed, 'every analysis started was applied, none started after');
    assert.equal(index.files().length, result.indexed);
    const resumed = await index.build();
    assert.equal(resumed.analysed, 40 - result.indexed, 'a second build does only the rest');
  });

  it('skips a file whose analysis fails (a crashed worker), not the index', async () => {
    const files = articles(6);
    files['03.txt'] = 'A3\nCRASH Ren Zhengfei.\n';
    const index = new WorkspaceIndex(new MemoryHost(files), asyncAnalyzer().analyze, { modelVersion: 't' });
    const result = await index.build();
    assert.equal(result.indexed, 5);
    assert.deepEqual(result.skipped, [{ path: '03.txt', reason: 'analysis failed: analysis worker exited' }]);
    assert.equal(index.entityNamed('Ren Zhengfei')?.files.length, 5);
  });

  it('applies the latest of two overlapping edits of one file, whatever order they finish in', async () => {
    const index = new WorkspaceIndex(new MemoryHost(articles(2)), asyncAnalyzer('reverse').analyze, { modelVersion: 't' });
    await index.build();
    const first = index.updateText('00.txt', 'A0\nMeng Wanzhou spoke.\n');
    const second = index.updateText('00.txt', 'A0\nHuawei spoke.\n');
    await Promise.all([first, second]);
    assert.deepEqual(index.entitiesInFile('00.txt').map((e) => e.entity.name), ['Huawei']);
    assert.equal(index.entityNamed('Meng Wanzhou'), undefined);
  });

  it('drops an analysis still running when its file is removed', async () => {
    const index = new WorkspaceIndex(new MemoryHost(articles(2)), asyncAnalyzer().analyze, { modelVersion: 't' });
    await index.build();
    const edit = index.updateText('01.txt', 'A1\nMeng Wanzhou spoke.\n');
    index.removeFile('01.txt');
    await edit;
    assert.deepEqual(index.files(), ['00.txt']);
  });
});
