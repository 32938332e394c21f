import * as assert from 'node:assert/strict';
import { createAnnotation } from '../../../../src/core/annotations';
import { type ClaimIndex, describeClaim } from '../../../../src/core/claims/claims';
import type { QuoteMention } from '../../../../src/core/types';

function quote(start: number, text: string, speakerName: string | null = null): QuoteMention {
  return { start, end: start + text.length, text, speaker: null, speakerText: null, speakerName, cue: 'said' };
}

/** An index of three articles: a.txt (undated) and c.txt (2019-02-01) quote Ren, b.txt (2019-01-15) too; d.txt is unrelated. */
function fakeIndex(): ClaimIndex & { asked: QuoteMention[] } {
  const quotes: Record<string, { quote: QuoteMention; speakerId: string | null }[]> = {
    'a.txt': [{ quote: quote(100, '“No law requires any company to install back doors,” '), speakerId: 'person:ren' }],
    'b.txt': [{ quote: quote(50, '“No law requires any company to install backdoors”'), speakerId: 'person:ren' }],
    'c.txt': [{ quote: quote(10, 'no law requires a company to install back doors'), speakerId: null }],
    'd.txt': [{ quote: quote(10, 'the weather was fine'), speakerId: null }],
  };
  const articles: Record<string, { headline: string; date: string | null; outlet: string | null }> = {
    'a.txt': { headline: 'A', date: null, outlet: 'Outlet A' },
    'b.txt': { headline: 'B', date: '2019-01-15', outlet: 'Outlet B' },
    'c.txt': { headline: 'C', date: '2019-02-01', outlet: null },
    'd.txt': { headline: 'D', date: '2018-01-01', outlet: 'Outlet D' },
  };
  const asked: QuoteMention[] = [];
  return {
    asked,
    article: (file) => articles[file],
    outletOf: (file) => articles[file]?.outlet ?? null,
    quoteAt: (file, offset) => quotes[file]?.find((q) => offset >= q.quote.start && offset < q.quote.end),
    similarQuotes: (file, probe) => {
      asked.push(probe);
      // As the index does: other files only, the same statement by words.
      return Object.entries(quotes).filter(([f]) => f !== file && f !== 'd.txt').flatMap(([f, list]) => list.map((q) => ({ file: f, quote: q.quote })));
    },
    entity: (id) => (id === 'person:ren' ? { name: 'Ren Zhengfei', type: 'person' } : id === 'org:huawei' ? { name: 'Huawei', type: 'organization' } : undefined),
  };
}

const claimOn = (source: string, exact: string) => createAnnotation({ motivation: 'assessing', target: { source, selector: [{ type: 'TextQuoteSelector', exact }] }, verdict: 'False' });

describe('core/claims/claims: what is computed about a claim', () => {
  it('names the speaker the quote resolves to, lists every article by date and dates the claim by its first dated appearance', () => {
    const index = fakeIndex();
    const claim = describeClaim({ annotation: claimOn('a.txt', 'No law requires any company to install back doors'), file: 'a.txt', range: { start: 101, end: 151 } }, index, (f) => `folder/${f}`);
    assert.deepEqual(claim.claimant, { type: 'Person', name: 'Ren Zhengfei' });
    assert.deepEqual(claim.appearances.map((a) => [a.source, a.date]), [['folder/b.txt', '2019-01-15'], ['folder/c.txt', '2019-02-01'], ['folder/a.txt', null]]);
    assert.equal(claim.firstAppearance?.file, 'b.txt');
    assert.equal(claim.date, '2019-01-15');
    assert.equal(claim.verdict, 'False');
    assert.equal(claim.status, 'verdictGiven');
    // The claim's own words are compared, not the whole quote around them.
    assert.equal(index.asked[0]?.text, 'No law requires any company to install back doors');
    // Its own appearance opens at the claimed passage; another at the quote there.
    assert.deepEqual(claim.appearances.find((a) => a.file === 'a.txt')?.range, { start: 101, end: 151 });
    assert.deepEqual(claim.appearances.find((a) => a.file === 'b.txt')?.range, { start: 50, end: 50 + '“No law requires any company to install backdoors”'.length });
  });

  it('falls back to the outlet when the passage is no quote or its speaker is no person', () => {
    const index = fakeIndex();
    const sentence = describeClaim({ annotation: claimOn('a.txt', 'Sales doubled'), file: 'a.txt', range: { start: 0, end: 13 } }, index, (f) => f);
    assert.deepEqual(sentence.claimant, { type: 'Organization', name: 'Outlet A' });
    const unattributed = describeClaim({ annotation: claimOn('c.txt', 'no law'), file: 'c.txt', range: { start: 10, end: 16 } }, index, (f) => f);
    assert.equal(unattributed.claimant, undefined, 'no speaker and no outlet: no claimant rather than a guess');
  });

  it('keeps an orphaned claim with its text and verdict, without appearances or a date', () => {
    const claim = describeClaim({ annotation: claimOn('gone.txt', 'a  passage\nthat moved') }, fakeIndex(), (f) => f);
    assert.equal(claim.text, 'a passage that moved');
    assert.deepEqual(claim.appearances, []);
    assert.equal(claim.firstAppearance, undefined);
    assert.equal(claim.date, undefined);
    assert.equal(claim.verdict, 'False');
  });
});
