import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { findDates } from '../../src/core/dates';
import type { DateMention } from '../../src/core/types';

const PUBLISHED = '2019-01-15'; // a Tuesday

/** The mention whose text is exactly `words`; fails the test when there is none. */
function mention(text: string, words: string, date: string | null = PUBLISHED): DateMention {
  const found = findDates(text, date).find((m) => m.text === words);
  assert.ok(found, `no mention "${words}" in: ${JSON.stringify(findDates(text, date).map((m) => m.text))}`);
  return found;
}

const valueOf = (text: string, words: string, date: string | null = PUBLISHED): string | null => mention(text, words, date).value;

describe('findDates: seeds (published 2019-01-15)', () => {
  const seed = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');

  it('resolves the Huawei article (000)', () => {
    const text = seed('000_fc681af9c8dd27c5.txt');
    const dates = findDates(text, PUBLISHED);
    const tuesday = dates.filter((m) => m.text === 'Tuesday');
    assert.ok(tuesday.length >= 1);
    for (const m of tuesday) assert.equal(m.value, '2019-01-15');
    assert.equal(dates.find((m) => m.text === 'November')?.value, '2018-11');
  });

  it('resolves the Epoch Times article (001)', () => {
    const text = seed('001_ef6bbce3734ab0e1.txt');
    const dates = findDates(text, PUBLISHED);
    const byText = (t: string): DateMention | undefined => dates.find((m) => m.text === t);
    assert.equal(byText('Jan. 15')?.value, '2019-01-15');
    assert.equal(byText('Last August')?.value, '2018-08');
    assert.equal(byText('December 2018')?.value, '2018-12');
    assert.equal(byText('November')?.value, '2018-11');
    assert.ok(byText('this past weekend'), 'this past weekend is detected');
  });
});

describe('findDates: relative dates against the publication date', () => {
  it('takes a bare weekday as the latest one up to the publication day', () => {
    assert.equal(valueOf('The company said Tuesday it would cut jobs.', 'Tuesday'), '2019-01-15');
    assert.equal(valueOf('Police arrested him on Friday.', 'Friday'), '2019-01-11');
    assert.equal(valueOf('He said Monday that talks failed.', 'Monday'), '2019-01-14');
  });

  it('looks ahead for the future tense and for "next"', () => {
    assert.equal(valueOf('The board will meet on Friday to decide.', 'Friday'), '2019-01-18');
    assert.equal(valueOf('They meet again next Tuesday.', 'next Tuesday'), '2019-01-22');
    assert.equal(valueOf('The talks failed last Tuesday.', 'last Tuesday'), '2019-01-08');
    // "next to" is no future, "be held" no past
    assert.equal(valueOf('Bombs exploded next to the embassies on Friday.', 'Friday'), '2019-01-11');
    assert.equal(valueOf('He said the accession would still be held on April 24.', 'April 24', '1999-02-10'), '1999-04-24');
  });

  it('biases bare months to the past in past-tense reporting, to the future otherwise', () => {
    assert.equal(valueOf('Prices fell sharply in November.', 'November'), '2018-11');
    assert.equal(valueOf('The plant will open in November.', 'November'), '2019-11');
    assert.equal(valueOf('Last August the firm was sued.', 'Last August'), '2018-08');
    assert.equal(valueOf('Sales rose in January.', 'January'), '2019-01');
  });

  it('takes the nearest occurrence of a month and day, unless the year is given', () => {
    assert.equal(valueOf('The dividend was paid Dec. 20.', 'Dec. 20'), '2018-12-20');
    // far from the publication date, tense and deadline words decide
    assert.equal(valueOf('The dividend is payable Aug. 1.', 'Aug. 1'), '2019-08-01');
    assert.equal(valueOf('The dividend was paid Aug. 1.', 'Aug. 1'), '2018-08-01');
    assert.equal(valueOf('He was last seen last Oct. 23 in Buffalo.', 'last Oct. 23'), '2018-10-23');
    assert.equal(valueOf('The offer expires Feb. 1.', 'Feb. 1'), '2019-02-01');
    assert.equal(valueOf('He was born on March 3, 1970.', 'March 3, 1970'), '1970-03-03');
    assert.equal(valueOf('In the year ended March 31, sales rose.', 'March 31'), '2018-03-31');
  });

  it('resolves deictic words and relative periods', () => {
    assert.equal(valueOf('Shares fell yesterday.', 'yesterday'), '2019-01-14');
    assert.equal(valueOf('The vote is tomorrow.', 'tomorrow'), '2019-01-16');
    assert.equal(valueOf('Profit doubled last year.', 'last year'), '2018');
    assert.equal(valueOf('Profit doubled this year.', 'this year'), '2019');
    assert.equal(valueOf('Sales fell last month.', 'last month'), '2018-12');
    assert.equal(valueOf('It will launch early next year.', 'early next year'), '2020');
    assert.equal(valueOf('The rules changed in January this year.', 'January this year'), '2019-01');
    // a week is a month only when all of it lies in one month; a weekend starts on its Saturday
    assert.equal(valueOf('Talks stalled last week.', 'last week'), '2019-01');
    assert.equal(valueOf('Talks stall at the end of the month, not this week.', 'this week'), '2019-01');
    assert.equal(valueOf('Talks resume next week.', 'next week'), '2019-01');
    assert.equal(valueOf('The vote came two weeks before, not last week.', 'last week', '2019-02-04'), null);
    assert.equal(valueOf('Protests spread this past weekend.', 'this past weekend'), '2019-01-12');
  });

  it('counts back for "ago" at the finest granularity', () => {
    assert.match(valueOf('The plant closed a year ago.', 'a year ago') ?? '', /^2018-01-15$/);
    assert.equal(valueOf('He left two weeks ago.', 'two weeks ago'), '2019-01-01');
    assert.equal(valueOf('It began three months ago.', 'three months ago'), '2018-10-15');
  });

  it('gives absolute forms their own value', () => {
    assert.equal(valueOf('Founded in 2012, the firm grew.', '2012'), '2012');
    assert.equal(valueOf('On 2018-12-03 it rained.', '2018-12-03'), '2018-12-03');
    assert.equal(valueOf('Filed 11/02/89 in New York.', '11/02/89'), '1989-11-02');
    assert.equal(valueOf('The meeting on 15.01.2019 ended.', '15.01.2019'), '2019-01-15');
    assert.equal(valueOf('Sales in fiscal 1989 rose.', 'fiscal 1989'), '1989');
    assert.equal(valueOf('By Cathy He\nJanuary 15, 2019China News', 'January 15, 2019', null), '2019-01-15');
    assert.equal(valueOf('Everybody sang on Christmas Day.', 'Christmas Day'), '2018-12-25');
    assert.equal(valueOf('It should close by year-end.', 'year-end'), '2019-12-31');
    assert.equal(valueOf('The index is up 20% since year-end.', 'year-end'), '2018-12-31');
  });

  it('keeps relative expressions without a value when the publication date is unknown', () => {
    assert.equal(valueOf('The company said Tuesday it would cut jobs.', 'Tuesday', null), null);
    assert.equal(valueOf('Founded in 2012, the firm grew.', '2012', null), '2012');
  });
});

describe('findDates: durations, sets, times and periods', () => {
  const typeOf = (text: string, words: string): string => mention(text, words).type;

  it('finds durations with their determiners and modifiers', () => {
    assert.equal(typeOf('He worked there for three years.', 'three years'), 'DURATION');
    assert.equal(typeOf('Prices rose over the past 12 months.', 'the past 12 months'), 'DURATION');
    assert.equal(typeOf('Earnings for the first nine months fell.', 'the first nine months'), 'DURATION');
    assert.equal(typeOf('It signed a two-year contract.', 'two-year'), 'DURATION');
    assert.equal(typeOf('In recent months, sales slowed.', 'recent months'), 'DURATION');
  });

  it('finds sets', () => {
    assert.equal(typeOf('The paper is printed every week.', 'every week'), 'SET');
    assert.equal(typeOf('Dividends are paid annually.', 'annually'), 'SET');
    assert.equal(typeOf('They meet twice a month.', 'twice a month'), 'SET');
  });

  it('finds clock times and parts of the day', () => {
    assert.equal(typeOf('The polls open at 10 a.m. on Monday.', '10 a.m.'), 'TIME');
    assert.equal(valueOf('The polls will open at 10 a.m. Wednesday.', '10 a.m. Wednesday'), '2019-01-16');
    assert.equal(valueOf('He will speak tonight.', 'tonight'), '2019-01-15');
    assert.equal(typeOf('He will speak tonight.', 'tonight'), 'TIME');
    assert.equal(typeOf('Clashes erupted Monday night.', 'Monday night'), 'TIME');
    assert.equal(typeOf('The market is closed on Sundays.', 'Sundays'), 'SET');
    assert.equal(valueOf('A fire broke out last night.', 'last night'), '2019-01-14');
  });

  it('detects quarters and decades without a calendar value', () => {
    assert.equal(valueOf('Profit rose in the third quarter.', 'the third quarter'), null);
    assert.equal(valueOf('Third-quarter profit rose.', 'Third-quarter'), null);
    assert.equal(valueOf('The boom of the 1990s ended.', 'the 1990s'), null);
    assert.equal(valueOf('Profit rose in the third quarter of 1990.', 'the third quarter of 1990'), '1990');
  });

  it('includes modifiers and determiners but not prepositions', () => {
    mention('The deal closed late last July.', 'late last July');
    mention('Shares rose this past weekend.', 'this past weekend');
    mention('It happened in the mid-1990s.', 'the mid-1990s');
    mention('Prices are high now.', 'now');
  });
});

describe('findDates: what is not a time expression', () => {
  const texts = (text: string): string[] => findDates(text, PUBLISHED).map((m) => m.text);

  it('leaves out ages, amounts, verbs and look-alikes', () => {
    assert.deepEqual(texts('A 52-year-old man was hurt.'), []);
    assert.deepEqual(texts('It cost $1990 and 2000 people came.'), []);
    assert.deepEqual(texts('The board may march on.'), []);
    assert.deepEqual(texts('NATO expands into Eastern Europe.'), []);
    assert.deepEqual(texts('Intel eased 1/8 to 31 7/8.'), []);
    assert.deepEqual(texts('She ran the 1500m and won album of the year.'), []);
    assert.deepEqual(texts('The current account deficit grew year-on-year.'), []);
  });

  it('leaves out mentions inside skipped spans', () => {
    const text = 'Caption: Tuesday. Body: Monday.';
    const found = findDates(text, PUBLISHED, [{ start: 0, end: 17 }]);
    assert.deepEqual(found.map((m) => m.text), ['Monday']);
  });
});

describe('findDates: odd input', () => {
  it('handles empty and blank text', () => {
    assert.deepEqual(findDates('', PUBLISHED), []);
    assert.deepEqual(findDates(' \n\t', null), []);
  });

  it('survives a bad publication date', () => {
    assert.equal(valueOf('It happened Tuesday.', 'Tuesday', 'not-a-date'), null);
    assert.equal(valueOf('It happened Tuesday.', 'Tuesday', '2019-02-30'), null);
  });

  it('handles lone surrogates, control characters and CRLF', () => {
    const text = '\uD800 Tuesday \uDC00\u0000 last year\r\nin 2012\uFFFD';
    assert.deepEqual(findDates(text, PUBLISHED).map((m) => m.text), ['Tuesday', 'last year', '2012']);
  });

  it('handles a 5 MB line', function () {
    this.timeout(60_000);
    const unit = 'Shares fell 3% on Tuesday after the company said profit in the third quarter dropped; ';
    const text = unit.repeat(Math.ceil(5_000_000 / unit.length));
    const found = findDates(text, PUBLISHED);
    assert.equal(found.length, 2 * Math.ceil(5_000_000 / unit.length));
    assert.equal(found[found.length - 2].value, '2019-01-15');
  });

  it('stays linear on long runs of lexicon words (no runaway backtracking)', function () {
    // a quadratic pattern takes minutes on a megabyte of these; linear ones take well under a second each
    this.timeout(20_000);
    for (const word of ['first ', 'fiscal ', 'last ', 'next ', '1990 ', 'Jan. ', 'the past ', 'about two ', 'nineteen ']) {
      const text = word.repeat(Math.ceil(1_000_000 / word.length));
      const found = findDates(text, PUBLISHED);
      assert.ok(found.every((m) => m.end <= text.length));
    }
  });

  it('returns sorted, non-overlapping, in-bounds mentions with well-formed values on any text', () => {
    const alphabet = fc.constantFrom(...'ab 1290/.:-,\nJTuesdayMarchlastnextyearagoweeks\uD800'.split(''), ' Tuesday', ' last year', ' 1998', ' Jan. 15', ' two years ago');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), fc.option(fc.constantFrom('2019-01-15', '2000-02-29', '1989-12-31')), (text, date) => {
        const found = findDates(text, date);
        let previousEnd = 0;
        for (const m of found) {
          assert.ok(m.start >= previousEnd && m.start < m.end && m.end <= text.length);
          assert.equal(m.text, text.slice(m.start, m.end));
          assert.ok(m.value === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(m.value), m.value ?? '');
          previousEnd = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('findDates: chrono-node as a fallback', () => {
  it('adds formal dates the lexicon has no pattern for, without the preposition', () => {
    assert.equal(valueOf('It opened 15/1/2019 downtown.', '15/1/2019'), '2019-01-15');
    assert.equal(mention('Doors open at 19:30 tomorrow.', '19:30').type, 'TIME');
  });

  it('does not read stock prices as dates', () => {
    assert.deepEqual(findDates('McCaw dropped 2 1/2 to 37 3/4 and Intel eased 1/8.', PUBLISHED), []);
  });

  it('loses only the sentence on which the library throws', () => {
    const strict = chrono.strict as { parse: typeof chrono.strict.parse };
    const original = strict.parse;
    strict.parse = function (this: unknown, text: string, ...rest: unknown[]) {
      if (text.includes('BOOM')) throw new Error('chrono failed');
      return (original as (...args: unknown[]) => chrono.ParsedResult[]).call(this, text, ...rest);
    } as typeof original;
    try {
      const texts = findDates('BOOM it opened 15/1/2019 on Tuesday. It closed 16/1/2019 downtown.', PUBLISHED).map((m) => m.text);
      assert.deepEqual(texts, ['Tuesday', '16/1/2019']);
    } finally {
      strict.parse = original;
    }
  });
});
