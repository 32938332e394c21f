import * as assert from 'node:assert/strict';
import type { ArticleRecord } from '../../../../src/core/index/articleRecord';
import { Emitter } from '../../../../src/core/events';
import type { RecordChange } from '../../../../src/core/index/ingestion';
import { DayLookup, QuoteCatalogue, SpeakerLookup } from '../../../../src/core/index/lookups';
import type { DateMention, QuoteMention } from '../../../../src/core/types';

describe('index lookups following record changes', () => {
  const date = (value: string | null, start: number) => ({ value, start, end: start + 5, text: 'today' }) as unknown as DateMention;
  const quote = (text: string) => ({ text, start: 0, end: text.length }) as unknown as QuoteMention;
  const record = (dates: DateMention[], quotes: QuoteMention[], speakerKeys: (string | null)[]): ArticleRecord => ({
    hash: 'h', headline: null, date: null, outlet: null, authors: [], mentions: [], dates, quotes, speakerKeys,
  });

  it('indexes dates by day and speakers by key, and forgets what a replaced or removed record held', () => {
    const changes = new Emitter<RecordChange>();
    const days = new DayLookup(changes.event);
    const speakers = new SpeakerLookup(changes.event);
    const first = record([date('2019-01-15', 0), date('2019-01-15', 10), date('next week', 20), date(null, 30)], [quote('a'), quote('b')], ['ren', null]);
    changes.fire({ path: 'a.txt', before: undefined, after: first });
    assert.deepEqual([...days.datesOn('2019-01-15').keys()], ['a.txt']);
    assert.equal(days.datesOn('2019-01-15').get('a.txt')?.length, 2);
    assert.deepEqual([...speakers.filesOf('ren')], ['a.txt']);
    const second = record([date('2019-01-16', 0)], [], []);
    changes.fire({ path: 'a.txt', before: first, after: second });
    assert.equal(days.datesOn('2019-01-15').size, 0);
    assert.deepEqual([...days.datesOn('2019-01-16').keys()], ['a.txt']);
    assert.equal(speakers.filesOf('ren').size, 0);
    changes.fire({ path: 'a.txt', before: second, after: undefined });
    assert.equal(days.datesOn('2019-01-16').size, 0);
    days.dispose();
    speakers.dispose();
  });

  it('builds the quote catalogue on first use and again after any record change', () => {
    const changes = new Emitter<RecordChange>();
    const records = new Map<string, ArticleRecord>([['a.txt', record([], [quote('We will never spy on anyone')], ['ren'])]]);
    const catalogue = new QuoteCatalogue(changes.event, () => records.keys(), (file) => records.get(file));
    const built = catalogue.get();
    assert.equal(built.refs.length, 1);
    assert.deepEqual(built.byWord.get('spy'), [0]);
    assert.equal(catalogue.get(), built, 'kept while nothing changes');
    records.set('b.txt', record([], [quote('never spy')], [null]));
    changes.fire({ path: 'b.txt', before: undefined, after: records.get('b.txt') });
    assert.equal(catalogue.get().refs.length, 2);
    catalogue.dispose();
  });
});
