import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const seed = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', '001_ef6bbce3734ab0e1.txt'), 'utf8');

interface Answer {
  id: string;
  dates: { start: number; end: number; value: string | null }[];
  article: { headline: string | null; authors: string[]; date: string | null; outlet: string | null; body: { start: number; end: number }[] };
}

function extract(docs: object[]): Answer[] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'cli.ts'), 'extract'], {
    input: docs.map((d) => JSON.stringify(d)).join('\n') + '\n', encoding: 'utf8', cwd: ROOT, timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Answer);
}

describe('CLI extract: the articles task', function () {
  this.timeout(60_000);
  const [answer] = extract([{ id: 'seed-001', text: seed, date: null }]);

  it('answers the article field: headline, authors, date, outlet (the site carrying it) and body spans', () => {
    assert.equal(answer.article.headline, 'Huawei CEO Breaks Silence, Says Company Doesn’t Spy for China');
    assert.deepEqual(answer.article.authors, ['Cathy He']);
    assert.equal(answer.article.date, '2019-01-15');
    assert.equal(answer.article.outlet, 'NTD');
    const body = answer.article.body.map((s) => seed.slice(s.start, s.end)).join('\n');
    assert.match(body, /^Huawei founder and CEO Ren Zhengfei/);
    assert.ok(!body.includes('Sign up for NTD Daily'));
  });

  it('resolves relative dates against the date the page states when the document comes without one', () => {
    const value = (text: string) => answer.dates.find((d) => seed.slice(d.start, d.end) === text)?.value;
    assert.equal(value('Jan. 15'), '2019-01-15');
    assert.match(value('this past weekend') ?? '', /^2019-01/);
    assert.equal(value('Last August'), '2018-08');
  });
});
