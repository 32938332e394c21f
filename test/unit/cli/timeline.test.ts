import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTimeline } from '../../../src/cli/timeline';
import type { TimelineJs } from '../../../src/core/corpus/timeline';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

describe('cli/timeline', () => {
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-cli-'));
    fs.mkdirSync(path.join(dir, 'in'));
    for (const f of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, 'in', f));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the seeds as TimelineJS JSON: the dated article by outlet and the dated events', async () => {
    const out = path.join(dir, 'timeline.json');
    assert.equal(await runTimeline([path.join(dir, 'in'), '--out', out]), 0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as TimelineJs;
    assert.equal(json.title.text.headline, 'in');
    const article = json.events.find((e) => e.unique_id.startsWith('article-'));
    assert.deepEqual(article?.start_date, { year: 2019, month: 1, day: 15 });
    assert.equal(article?.group, 'The Epoch Times');
    assert.ok(json.events.filter((e) => e.unique_id.startsWith('event-')).length >= 5);
    for (const e of json.events) assert.ok(Number.isInteger(e.start_date.year) && typeof e.text.headline === 'string' && e.group);
  });

  it('refuses a missing folder and unknown options', async () => {
    await assert.rejects(runTimeline([path.join(dir, 'nope')]), /no such folder/);
    await assert.rejects(runTimeline([path.join(dir, 'in'), '--html']), /unknown option/);
    await assert.rejects(runTimeline([path.join(dir, 'in'), '--out']), /--out needs a file name/);
  });
});
