import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/article';
import { nonBodySpans } from '../../src/core/extract';
import { loadEntityRecognizer, type EntityRecognizer } from '../../src/core/ner';
import type { EntityMention } from '../../src/core/types';

const repo = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(repo, 'test', 'fixtures', name), 'utf8');

describe('entity recognizer (committed model)', () => {
  let recognizer: EntityRecognizer;
  before(() => {
    recognizer = loadEntityRecognizer(readFileSync(join(repo, 'models', 'ner-en.bin')));
  });

  const people = (mentions: EntityMention[]) => mentions.filter((m) => m.type === 'person');
  const texts = (mentions: EntityMention[]) => mentions.map((m) => m.text);

  it('finds the seed people in both seed articles', () => {
    const found = new Set<string>();
    for (const name of ['000_fc681af9c8dd27c5.txt', '001_ef6bbce3734ab0e1.txt']) {
      const text = fixture(name);
      const article = parseArticle(text);
      for (const m of people(recognizer.recognize(text, nonBodySpans(article)))) found.add(m.name);
      // The byline is part of the text too: Cathy He is found there.
    }
    for (const name of ['Ren Zhengfei', 'Meng Wanzhou', 'Meng Wenzhou', 'Eric Xu', 'Cathy He', 'Donald Trump']) {
      assert.ok(found.has(name), `${name} not found among ${[...found].join(', ')}`);
    }
    // "Huawei CEO", "Huawei's headquarters": the company is not a person.
    assert.ok(!found.has('Huawei'), [...found].join(', '));
  });

  it('gives every mention a span whose text is the mention', () => {
    const text = fixture('000_fc681af9c8dd27c5.txt');
    for (const m of recognizer.recognize(text)) {
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(m.start < m.end);
    }
  });

  it('never makes a credit line one person across the slashes', () => {
    for (const credit of ['REUTERS/Fabrizio Bensch/File Photo', '(Fabrice Coffrini/AFP/Getty Images)', 'Photo: REUTERS/Aly Song']) {
      const text = `Huawei founder Ren Zhengfei spoke in Shenzhen. ${credit}\nHe said the company was fine.`;
      for (const m of recognizer.recognize(text)) assert.ok(!m.text.includes('/'), `${m.type} ${JSON.stringify(m.text)}`);
    }
  });

  it('links a bare surname and a possessive to the full name, the possessive outside the span', () => {
    const text = 'Huawei founder and CEO Ren Zhengfei said on Tuesday the company would never share data.\n' +
      'Ren told reporters in Shenzhen that Ren’s daughter, Meng Wanzhou, was arrested in Canada.\n' +
      "Meng is fighting extradition, and Ren's company is under pressure.";
    const ps = people(recognizer.recognize(text));
    const ren = ps.filter((m) => m.text === 'Ren');
    assert.ok(ren.length >= 3, JSON.stringify(texts(ps)));
    for (const m of ren) assert.equal(m.name, 'Ren Zhengfei');
    assert.ok(!ps.some((m) => /['’]s$/.test(m.text)), JSON.stringify(texts(ps)));
    const meng = ps.find((m) => m.text === 'Meng');
    assert.equal(meng?.name, 'Meng Wanzhou');
  });

  it('finds a surname after a sentence that ended on an abbreviation', () => {
    const text = 'Meng Wanzhou was arrested in Canada at the request of the U.S. Meng has been accused of fraud.';
    const meng = people(recognizer.recognize(text)).filter((m) => m.text === 'Meng');
    assert.deepEqual(meng.map((m) => m.name), ['Meng Wanzhou']);
  });

  it('takes a month alone for a date, unless it is the surname of a person named in full', () => {
    const text = 'Theresa May met Angela Merkel in May.\nMay said on Monday that the vote would be in June.\nJuly\nJuly 9 v Scotland';
    const ps = people(recognizer.recognize(text));
    assert.deepEqual(ps.map((m) => `${m.text}@${m.start}`), ['Theresa May@0', `Angela Merkel@${text.indexOf('Angela')}`, `May@${text.indexOf('\nMay') + 1}`]);
    assert.equal(ps[2].name, 'Theresa May');
  });

  it('keeps a shared surname apart when two people carry it', () => {
    const text = 'Hillary Clinton met Bill Clinton in Washington on Monday.\nClinton said the talks went well.';
    const ps = people(recognizer.recognize(text));
    assert.deepEqual(ps.filter((m) => m.text === 'Clinton').map((m) => m.name), ['Clinton']);
    assert.ok(ps.some((m) => m.name === 'Hillary Clinton') && ps.some((m) => m.name === 'Bill Clinton'), JSON.stringify(ps.map((m) => m.name)));
  });

  it('reads roles off the name and keeps them out of the person span', () => {
    const text = 'President Donald Trump spoke with Huawei founder and CEO Ren Zhengfei on Tuesday.';
    const ps = people(recognizer.recognize(text));
    const trump = ps.find((m) => m.name === 'Donald Trump');
    assert.equal(trump?.text, 'Donald Trump');
    assert.deepEqual(trump?.roles, ['President']);
    const ren = ps.find((m) => m.name === 'Ren Zhengfei');
    assert.equal(ren?.text, 'Ren Zhengfei');
    assert.deepEqual(ren?.roles, ['founder', 'CEO']);
  });

  const typed = (text: string) => recognizer.recognize(text).map((m) => `${m.text}:${m.type}`);

  it('makes a bare surname after a title a person, and its later mentions too', () => {
    const text = 'The hearing was adjourned after Ms Quarrington-Oduya objected. Quarrington-Oduya later left the building.';
    assert.deepEqual(typed(text), ['Quarrington-Oduya:person', 'Quarrington-Oduya:person']);
  });

  it('makes a bare surname next to a verb of speech a person, and its later mentions too', () => {
    assert.deepEqual(typed('"The figures are wrong," said Okwuosa.'), ['Okwuosa:person']);
    const text = 'Rasmussen-Tal told the council that the budget was short. On Friday Rasmussen-Tal resigned.';
    assert.deepEqual(typed(text), ['Rasmussen-Tal:person', 'Rasmussen-Tal:person']);
  });

  it('reads a listed place as a place, not a person', () => {
    assert.deepEqual(typed('Heavy snow closed the airport in Denver, and flights to Venice were cancelled.'), ['Denver:place', 'Venice:place']);
    assert.deepEqual(typed('Lawmakers on Capitol Hill rejected the plan.'), ['Capitol Hill:place']);
  });

  it('reads a company as an organization, a listed one or one the text names so', () => {
    assert.ok(typed('Shares of Twitter fell on Monday.').includes('Twitter:organization'));
    assert.deepEqual(typed('Halvorsk Records signed the band, and Brindlemoor Brands bought the label.'),
      ['Halvorsk Records:organization', 'Brindlemoor Brands:organization']);
  });

  it('does not take an award for a person', () => {
    assert.ok(!typed('The actress won an Oscar last year.').some((m) => m.endsWith(':person')));
  });

  it('tags organizations and places as well as people', () => {
    const mentions = recognizer.recognize('The European Commission said on Thursday it disagreed with advice from Germany.');
    assert.ok(mentions.some((m) => m.type === 'organization' && m.text === 'European Commission'), JSON.stringify(mentions));
    assert.ok(mentions.some((m) => m.type === 'place' && m.text === 'Germany'), JSON.stringify(mentions));
  });

  it('handles CRLF, NBSP and curly quotes with exact offsets', () => {
    const text = '“We will never harm anyone,”\u00a0Ren\u00a0Zhengfei told reporters.\r\nAngela Merkel agreed.\r\n';
    const ps = people(recognizer.recognize(text));
    assert.deepEqual(texts(ps), ['Ren\u00a0Zhengfei', 'Angela Merkel']);
    assert.equal(ps[0].name, 'Ren Zhengfei');
  });

  it('leaves out mentions inside skipped spans', () => {
    const text = 'Angela Merkel spoke.\nREUTERS/Fabrizio Bensch/File Photo\nEmmanuel Macron listened.';
    const captionStart = text.indexOf('REUTERS');
    const mentions = recognizer.recognize(text, [{ start: captionStart, end: text.indexOf('\n', captionStart) }]);
    assert.ok(mentions.every((m) => m.end <= captionStart || m.start >= text.indexOf('\n', captionStart)));
    assert.deepEqual(texts(people(mentions)), ['Angela Merkel', 'Emmanuel Macron']);
  });

  it('keeps descriptive compounds out of names', () => {
    const mentions = recognizer.recognize('Hong Kong-based Cathay Pacific and Ohio-based KeyCorp reported profits.');
    assert.ok(mentions.every((m) => !/-based|^Hong$/.test(m.text)), JSON.stringify(texts(mentions)));
  });

  it('handles a 5 MB single line', () => {
    const text = 'Angela Merkel met Emmanuel Macron in Paris and '.repeat(110_000);
    const mentions = recognizer.recognize(text);
    assert.ok(mentions.filter((m) => m.type === 'person').length > 100_000);
  });

  it('is total on arbitrary text: sorted, in-bounds spans', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 50 }), (a, b) => {
        const text = `${a} Ren Zhengfei ${b}`;
        let last = -1;
        for (const m of recognizer.recognize(text)) {
          assert.ok(m.start >= 0 && m.start < m.end && m.end <= text.length);
          assert.ok(m.start >= last);
          last = m.start;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('loadEntityRecognizer', () => {
  it('finds nothing without a model and rejects bytes that are not one', () => {
    assert.deepEqual(loadEntityRecognizer(new Uint8Array(0)).recognize('Angela Merkel'), []);
    assert.throws(() => loadEntityRecognizer(new TextEncoder().encode('not a model at all')), /not a News Annotator NER model/);
  });
});
