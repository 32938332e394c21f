import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, FIXTURES, ROOT, annotationOn, filesUnder, runCli, tempFolder } from './cliKit';

const SEED = '001_ef6bbce3734ab0e1.txt';
const DYING_WRITER = path.join(__dirname, 'fixtures', 'dyingWriter.ts');

/** Starts a writer that stops mid-write, kills it with SIGKILL there, and resolves once it is gone (reaped). */
/** Starts the built CLI importing `input` and kills it with SIGKILL after `delayMs`; resolves once it is gone. */
function killCliAfter(ws: string, input: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'annotations', 'import', ws, input], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function killMidWrite(ws: string, stallAt: 'store' | 'lock', id: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DYING_WRITER, ws, SEED, id], { cwd: ROOT, env: { ...process.env, STALL_AT: stallAt }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('MID-WRITE')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? 'killed mid-write' : `ended without stalling: ${out.trim()}`));
  });
}

describe('a writer killed mid-write (cli/nodeFileHost with the store lock, real processes)', function () {
  this.timeout(120_000);
  let tmp: ReturnType<typeof tempFolder>;
  let ws: string;

  beforeEach(() => {
    tmp = tempFolder('crash');
    ws = path.join(tmp.dir, 'ws');
    fs.mkdirSync(ws);
    fs.copyFileSync(path.join(FIXTURES, SEED), path.join(ws, SEED));
  });
  afterEach(() => tmp.remove());

  it('does not block the next writer: its lock is taken over at once and its temporary files removed', async () => {
    const input = path.join(tmp.dir, 'in.json');
    fs.writeFileSync(input, JSON.stringify(annotationOn(SEED, 'the Financial Times reported', { id: 'urn:x:before' })));
    assert.equal(runCli(['annotations', 'import', ws, input]).status, 0);
    const outcomes: string[] = [];
    for (const [i, stallAt] of (['store', 'lock', 'store', 'store', 'lock', 'store'] as const).entries()) {
      outcomes.push(await killMidWrite(ws, stallAt, `urn:x:killed-${i}`));
    }
    // Every writer got as far as its write: a dead predecessor's lock did not stop it.
    assert.deepEqual(outcomes, outcomes.map(() => 'killed mid-write'));
    const left = filesUnder(path.join(ws, '.news-annotations'));
    assert.ok(left.some((f) => f.endsWith('.lock')), `a lock is left behind: ${left.join(', ')}`);
    assert.ok(left.some((f) => f.endsWith('.tmp')), `temporary files are left behind: ${left.join(', ')}`);

    fs.writeFileSync(input, JSON.stringify(annotationOn(SEED, 'Ren Zhengfei', { id: 'urn:x:after' })));
    const run = runCli(['annotations', 'import', ws, input]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(filesUnder(path.join(ws, '.news-annotations')), [`${SEED}.jsonld`]);
    const stored = JSON.parse(fs.readFileSync(path.join(ws, '.news-annotations', `${SEED}.jsonld`), 'utf8')) as { items: { id: string }[] };
    // What was written before the crashes is whole; the killed writes never landed.
    assert.deepEqual(stored.items.map((i) => i.id).sort(), ['urn:x:after', 'urn:x:before']);
  });

  it('after the built CLI is killed at many points of a long import, the next import succeeds and leaves no lock or temporary file', async () => {
    const articles = Array.from({ length: 40 }, (_, i) => `a${String(i).padStart(2, '0')}.txt`);
    for (const a of articles) fs.copyFileSync(path.join(FIXTURES, SEED), path.join(ws, a));
    const big = path.join(tmp.dir, 'big.json');
    fs.writeFileSync(big, JSON.stringify(articles.flatMap((a, i) => [0, 1, 2].map((j) => annotationOn(a, 'Huawei', { id: `urn:x:${i}-${j}` })))));
    // Kill times spread over start-up, reading and the 40 store writes.
    for (const delayMs of [120, 160, 200, 240, 280, 320, 360, 400, 450, 500]) await killCliAfter(ws, big, delayMs);
    const small = path.join(tmp.dir, 'small.json');
    fs.writeFileSync(small, JSON.stringify(annotationOn(SEED, 'Ren Zhengfei', { id: 'urn:x:after' })));
    fs.copyFileSync(path.join(FIXTURES, SEED), path.join(ws, SEED));
    const run = runCli(['annotations', 'import', ws, big]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(runCli(['annotations', 'import', ws, small]).status, 0);
    const left = filesUnder(path.join(ws, '.news-annotations'));
    assert.deepEqual(left.filter((f) => !f.endsWith('.jsonld')), []);
    const exported = runCli(['annotations', 'export', ws]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal((JSON.parse(exported.stdout) as { total: number }).total, 121);
  });
});
