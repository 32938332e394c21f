import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../../src/core/article';
import { datesInLine } from '../../../../src/core/article/datelines';

const dateOf = (text: string) => parseArticle(text).date;
const BODY = 'The council met on Tuesday and voted to approve the budget, which had been delayed for months by a dispute over the roads.';

describe('publication date', () => {
  it('reads the forms pages write dates in', () => {
    assert.deepEqual(datesInLine('Updated Nov. 20, 2019 8:03 am ET').map((d) => d.date), ['2019-11-20']);
    assert.deepEqual(datesInLine('Published 20 November 2019').map((d) => d.date), ['2019-11-20']);
    assert.deepEqual(datesInLine('20/11/2019').map((d) => d.date), ['2019-11-20']);
    assert.deepEqual(datesInLine('11/20/2019').map((d) => d.date), ['2019-11-20']);
    assert.deepEqual(datesInLine('03/04/2019', true).map((d) => d.date), ['2019-03-04']);
    assert.deepEqual(datesInLine('2019-11-20T08:03:00Z').map((d) => d.date), ['2019-11-20']);
    assert.deepEqual(datesInLine('20 de noviembre de 2019').map((d) => d.date), ['2019-11-20']);
    assert.deepEqual(datesInLine('15.12.2020 – 14:49').map((d) => d.date), ['2020-12-15']);
    assert.deepEqual(datesInLine('February 30, 2019'), []);
  });

  it('takes the page dateline near the headline', () => {
    assert.equal(dateOf(`A headline about roads\n\nBy Ann Lee\n\nPublished 20 November 2019\n\n${BODY}\n\n${BODY}`), '2019-11-20');
    assert.equal(dateOf(`A headline about roads\n\nUpdated Nov. 20, 2019 8:03 am ET\n\n${BODY}\n\n${BODY}`), '2019-11-20');
  });

  it('prefers the first published date over an update', () => {
    assert.equal(dateOf(`A headline about roads\n\nPublished March 2, 2020\n\nUpdated March 4, 2020\n\n${BODY}\n\n${BODY}`), '2020-03-02');
  });

  it('never takes a copyright year or a date inside prose; none stated is null', () => {
    assert.equal(dateOf(`A headline about roads\n\n${BODY}\n\n${BODY}\n\n© 2020 The Courier. All rights reserved.`), null);
    assert.equal(dateOf(`A headline about roads\n\nIt happened on January 15, 2019 in a body paragraph that goes on for a while.\n\n${BODY}`), null);
    assert.equal(dateOf(`A headline about roads\n\n${BODY}`), null);
  });
});
