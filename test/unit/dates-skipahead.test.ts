import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseIsoDay } from '../../src/core/dates/calendar';
import { recognizeTimexes } from '../../src/core/dates/recognize';
import { TIMEX_RULES } from '../../src/core/dates/rules';

// the rules without their skip-ahead: every pattern tries every position, as before the skip-ahead
const PLAIN = TIMEX_RULES.map((r) => ({ ...r, skip: undefined }));
const ANCHOR = parseIsoDay('2019-01-15');

function assertSame(text: string): void {
  assert.deepEqual(recognizeTimexes(text, TIMEX_RULES, ANCHOR), recognizeTimexes(text, PLAIN, ANCHOR), JSON.stringify(text));
}

describe('date rules: the skip-ahead finds what the plain scan finds', () => {
  it('on the seed articles', () => {
    for (const name of ['000_fc681af9c8dd27c5.txt', '001_ef6bbce3734ab0e1.txt']) assertSame(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
  });

  it('on odd cases, capitals and edges', () => {
    const texts = [
      '', 'January', 'january', 'JANUARY 15, 2019', 'It ended in May', 'May', 'Tuesday', 'TUESDAY, JAN. 15',
      'No digits here, only words: last week, next Monday, the coming months, yesterday morning.',
      'Sales rose 2.5 years ago; 1 1/2 hours later; 1,000 days; nearly twenty-one years-long; the past few weeks',
      'at about 10:30 a.m. EST Tuesday, shortly after 9pm, noon, mid-morning Friday, 7 O\u2019CLOCK',
      'the mid-1990s, the \u201990s, the 21st century, nineteen sixties, THE EARLY TWENTIES',
      'last year\u2019s third quarter, the 1988 period, fiscal 1990-91, quarter-to-quarter, year\u2019s end, year-end',
      'three times a year, twice per week, every other Tuesday, each morning, semi-annually, bimonthly',
      'the Fourth of July, New Year\u2019s Eve 2018, Christmas, Valentine\u2019s Day, last Thanksgiving',
      'right now, nowadays, at present, the foreseeable future, the time being, as soon as possible, a later date',
      'the year-earlier quarter, the same year-ago period, the year nineteen ninety-six, two thousand and one',
      'the\u00a0past\u00a0three\u00a0years; the\u2003last\u2003month; 15\u00a0January\u00a02019',
      '1990s\n\n2019\nDecember\r\n15\r\nWednesday', 'Jan.\n\n15', 'in\tMarch\t2019', 'June', '2019',
      '$1990, No. 2000, 1500m, 2019China News, 52-year-old, three-quarters, a second time',
      'Tuesday Tuesdays Tuesday night TUESDAYS monday', 'weekend weekly week-long weeks or months',
    ];
    for (const t of texts) assertSame(t);
  });

  it('on random mixtures of time words, numbers and separators', () => {
    const words = [
      'January', 'JAN.', 'jan', 'Sept', 'May', 'may', 'march', 'Tuesday', 'FRIDAY', 'sunday', 'last', 'next', 'this', 'past', 'the',
      'early', 'mid-', 'end of', 'year', 'years', 'week', 'weekend', 'month', 'decade', 'century', 'quarter', 'half', 'period',
      'fiscal', 'third', 'ago', 'earlier', 'later', 'after', 'morning', 'night', 'tonight', 'yesterday', 'today', 'noon',
      'a.m.', 'pm', "o'clock", 'about', 'nearly', 'more than', 'a few', 'several', 'twenty-one', 'two', 'thousand', 'nineteen',
      'times', 'per', 'every', 'each', 'daily', 'now', 'current', 'recent', 'future', 'term', 'Christmas', 'Eve', 'New', 'Year\u2019s',
      '1990', '1990s', '\u201990s', '2019', '15', '15th', '3', '10:30', '2.5', '1,000', '1 1/2', '05/01/2019', '2019-01-15', '21st',
    ];
    const separators = [' ', ' ', ' ', '', '-', ', ', '. ', '\n', '\n\n', '\u00a0', ': ', '; ', '"', '(', "'", '\u2019', '/', '.', ','];
    const piece = fc.tuple(fc.constantFrom(...words), fc.constantFrom(...separators)).map(([w, s]) => w + s);
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((ps) => ps.join('')), (text) => assertSame(text)), { numRuns: 3000 });
  });
});
