import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { parseArticle } from '../../src/core/article';
import { ArticleExtractor } from '../../src/core/extract';
import { loadEntityRecognizer } from '../../src/core/ner';
import { AnalysisPool } from '../../src/node/analysisPool';

const repo = resolve(__dirname, '..', '..');
const modelPath = join(repo, 'models', 'ner-en.bin');
const seed = readFileSync(join(repo, 'test', 'fixtures', '000_fc681af9c8dd27c5.txt'), 'utf8');

/** A stand-in worker speaking the pool's protocol: exits on CRASH, answers THROW with an error, else echoes. */
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, text }) => {
  if (text === 'CRASH') process.exit(3);
  if (text === 'THROW') return parentPort.postMessage({ id, ok: false, error: 'could not analyse' });
  parentPort.postMessage({ id, ok: true, article: { headline: text }, analysis: { entities: [], dates: [], quotes: [] } });
});`;

describe('AnalysisPool (worker threads)', function () {
  this.timeout(60_000);
  let dir: string;
  let workerScript: string;
  let fakeWorker: string;
  const pools: AnalysisPool[] = [];
  const pool = (options: Partial<ConstructorParameters<typeof AnalysisPool>[0]> = {}) => {
    const p = new AnalysisPool({ workerScript, modelBytes: new Uint8Array(0), size: 1, ...options });
    pools.push(p);
    return p;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'analysis-pool-'));
    // The worker entry bundled as the build bundles it (dist/analysisWorker.js).
    workerScript = join(dir, 'analysisWorker.js');
    buildSync({ entryPoints: [join(repo, 'src', 'node', 'analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerScript, logLevel: 'warning' });
    fakeWorker = join(dir, 'fakeWorker.js');
    writeFileSync(fakeWorker, FAKE_WORKER);
  });

  after(async () => {
    await Promise.all(pools.map((p) => p.dispose()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same parse and analysis as the in-thread pipeline', async function () {
    if (!existsSync(modelPath)) this.skip();
    const modelBytes = readFileSync(modelPath);
    const result = await pool({ modelBytes }).analyze(seed);
    const article = parseArticle(seed);
    const expected = { article, analysis: new ArticleExtractor(loadEntityRecognizer(modelBytes)).analyzeArticle(seed, article) };
    assert.deepEqual(result, JSON.parse(JSON.stringify(expected)));
    assert.ok(result.analysis.entities.some((e) => e.name === 'Ren Zhengfei'));
  });

  it('runs jobs on every worker and answers each with its own result', async () => {
    const p = pool({ size: 2 });
    const texts = Array.from({ length: 8 }, (_, i) => `Headline ${i}\nBody of article ${i} on January ${i + 1}, 2019.`);
    const results = await Promise.all(texts.map((t) => p.analyze(t)));
    assert.deepEqual(results.map((r) => r.article.headline), texts.map((_, i) => `Headline ${i}`));
    assert.deepEqual(results.map((r) => r.analysis.dates.length), texts.map(() => 1));
  });

  it('fails only the job of a worker that crashes, and replaces the worker', async () => {
    const p = pool({ workerScript: fakeWorker, size: 1 });
    const [before, crashed, afterwards] = await Promise.allSettled([p.analyze('one'), p.analyze('CRASH'), p.analyze('two')]);
    assert.equal(before.status === 'fulfilled' && before.value.article.headline, 'one');
    assert.equal(crashed.status, 'rejected');
    assert.match(String((crashed as PromiseRejectedResult).reason), /analysis worker stopped while analysing this file \(exit code 3\)/);
    assert.equal(afterwards.status === 'fulfilled' && afterwards.value.article.headline, 'two');
  });

  it('analyses a text once while it is in flight or among the last few done', async () => {
    const counting = join(dir, 'countingWorker.js');
    writeFileSync(counting, `
const { parentPort } = require('node:worker_threads');
let jobs = 0;
parentPort.on('message', ({ id, text }) => {
  jobs++;
  parentPort.postMessage({ id, ok: true, article: { headline: text + ' #' + jobs }, analysis: { entities: [], dates: [], quotes: [] } });
});`);
    const p = pool({ workerScript: counting, size: 1 });
    const [first, same, other] = await Promise.all([p.analyze('one'), p.analyze('one'), p.analyze('two')]);
    assert.equal(first.article.headline, 'one #1');
    assert.equal(same.article.headline, 'one #1');
    assert.notEqual(first, same, 'each caller gets its own copy');
    assert.equal(other.article.headline, 'two #2');
    // Done a moment ago: the same result, again a copy of its own.
    const again = await p.analyze('one');
    assert.equal(again.article.headline, 'one #1');
    assert.notEqual(again, first);
    // Once eight other texts came after it, it is analysed again.
    for (let i = 0; i < 8; i++) await p.analyze(`text ${i}`);
    assert.equal((await p.analyze('one')).article.headline, 'one #11');
  });

  it('rejects with the worker\'s error when an analysis throws', async () => {
    await assert.rejects(pool({ workerScript: fakeWorker }).analyze('THROW'), /could not analyse/);
  });

  it('explains a model that cannot be read on every job', async () => {
    const p = pool({ modelBytes: new TextEncoder().encode('not a model at all, just text') });
    await assert.rejects(p.analyze('A\nText.'), /entity model could not be read/);
    await assert.rejects(p.analyze('B\nText.'), /entity model could not be read/);
  });

  it('gives up on workers that cannot start instead of restarting them forever', async () => {
    const p = pool({ workerScript: join(dir, 'missing.js'), size: 1 });
    await assert.rejects(p.analyze('A'), /analysis worker stopped/);
    // After a few failed restarts every job fails at once with the reason.
    for (let i = 0; i < 5; i++) await p.analyze('A').catch(() => undefined);
    await assert.rejects(p.analyze('A'), /analysis workers keep stopping/);
  });

  it('stops the extra workers when idle and starts them again when work queues up', async () => {
    const p = pool({ workerScript: fakeWorker, size: 2, idleMs: 20 });
    await Promise.all(['a', 'b', 'c'].map((t) => p.analyze(t)));
    assert.equal(p.running, 2);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(p.running, 1, 'one worker kept for edits');
    const results = await Promise.all(['d', 'e', 'f', 'g'].map((t) => p.analyze(t)));
    assert.deepEqual(results.map((r) => r.article.headline), ['d', 'e', 'f', 'g']);
    assert.equal(p.running, 2);
  });

  it('rejects queued and later jobs once disposed', async () => {
    const p = pool({ workerScript: fakeWorker });
    const queued = Promise.allSettled([p.analyze('a'), p.analyze('b'), p.analyze('c')]);
    await p.dispose();
    const settled = await queued;
    assert.ok(settled.some((s) => s.status === 'rejected'));
    await assert.rejects(p.analyze('d'), /disposed/);
  });
});
