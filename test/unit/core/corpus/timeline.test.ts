import * as assert from 'node:assert/strict';
import { buildTimeline, escapeHtml, toTimelineJs, UNKNOWN_OUTLET } from '../../../../src/core/corpus/timeline';
import { corpusIndex } from './corpusKit';

describe('core/corpus/timeline', () => {
  it('puts dated articles in date order by outlet, undated last, with the dateline span to open', async () => {
    const data = buildTimeline(await corpusIndex());
    assert.deepEqual(data.articles.map((a) => [a.file, a.date, a.outlet]), [
      ['c.txt', '2018-12-02', 'Daily One'], ['a.txt', '2019-01-15', 'Daily One'], ['b.txt', '2019-01-20', 'Daily Two'], ['d.txt', null, UNKNOWN_OUTLET],
    ]);
    const a = data.articles[1];
    assert.equal(a.span.end - a.span.start, '[2019-01-15]'.length);
    assert.deepEqual(data.outlets, ['Daily One', 'Daily Two', UNKNOWN_OUTLET]);
  });

  it('lists the resolved dates other than the dateline as events of their article, with entities to filter by', async () => {
    const data = buildTimeline(await corpusIndex());
    assert.deepEqual(data.events.map((e) => [e.value, data.articles[e.article].file]), [['2018-12-01', 'a.txt'], ['2018-12-01', 'c.txt']]);
    const names = (i: number) => data.articles[i].entities.map((e) => data.entities[e][1]).sort();
    assert.deepEqual(names(0), ['Huawei', 'Meng Wanzhou']);
    assert.equal(data.entities[0][1], 'Huawei', 'most mentioned first');
  });

  it('writes TimelineJS JSON with escaped text, one slide per dated article and event', async () => {
    const json = toTimelineJs(buildTimeline(await corpusIndex({ 'e.txt': 'A <b>bold</b> & "quoted" headline\nOutlet: Daily Two\nDate: 2019-02-01\nBody.' })), 'News');
    assert.equal(json.events.length, 6);
    assert.deepEqual(json.events.find((e) => e.unique_id === 'article-0')?.start_date, { year: 2018, month: 12, day: 2 });
    const bold = json.events.find((e) => e.text.headline.includes('bold'));
    assert.equal(bold?.text.headline, 'A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; headline');
    assert.equal(bold?.group, 'Daily Two');
    assert.match(json.title.text.text, /5 articles \(1 undated\), 2 dated events/);
    assert.equal(escapeHtml(`<img src=x onerror='1'>`), '&lt;img src=x onerror=&#39;1&#39;&gt;');
  });
});
