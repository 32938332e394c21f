import * as assert from 'node:assert/strict';
import { findQuotes } from '../../src/core/quotes';
import type { EntityMention, QuoteMention } from '../../src/core/types';

const joinLines = (...lines: string[]) => lines.join('\n');
const speakerOf = (q: QuoteMention | undefined) => q?.speakerText ?? null;

function person(text: string, mention: string, name: string, from = 0): EntityMention {
  const start = text.indexOf(mention, from);
  assert.ok(start >= 0, `${mention} is in the text`);
  return { start, end: start + mention.length, type: 'person', text: mention, name, roles: [] };
}

describe('quotes: marks', () => {
  it('finds curly and straight quotes with their marks', () => {
    const text = 'He said “we will win” and then "we will not lose" again.';
    const quotes = findQuotes(text, []);
    assert.deepEqual(quotes.map((q) => q.text), ['“we will win”', '"we will not lose"']);
    assert.equal(text.slice(quotes[0].start, quotes[0].end), '“we will win”');
  });

  it('keeps a nested single-quoted title inside the outer quote', () => {
    const text = '“I read ‘The Art of the Deal’ twice,” she said.';
    const [quote] = findQuotes(text, []);
    assert.equal(quote.text, '“I read ‘The Art of the Deal’ twice,”');
    assert.equal(speakerOf(quote), 'she');
  });

  it('runs an unclosed quote to the end of its paragraph and no further', () => {
    const text = joinLines('“We are ready. We have been for years.', '', 'Nothing here is quoted.');
    const quotes = findQuotes(text, []);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].text, '“We are ready. We have been for years.');
  });

  it('drops a lone quoted word nobody said, but keeps one with a speaker', () => {
    const quotes = findQuotes('The so-called "reform" failed. The plan was "unworkable," Smith said.', []);
    assert.deepEqual(quotes.map((q) => q.text), ['"unworkable,"']);
    assert.equal(speakerOf(quotes[0]), 'Smith');
  });

  it('leaves out quotes inside skipped spans', () => {
    const text = '“Caption words,” a caption said.\n“Body words,” Jones said.';
    const quotes = findQuotes(text, [], [{ start: 0, end: text.indexOf('\n') }]);
    assert.deepEqual(quotes.map((q) => q.text), ['“Body words,”']);
  });
});

describe('quotes: speakers', () => {
  it('takes the name after the quote: "..., Smith said"', () => {
    const quotes = findQuotes('“The deal is done,” Jane Smith said on Tuesday.', []);
    assert.equal(speakerOf(quotes[0]), 'Jane Smith');
    assert.equal(quotes[0].cue, 'said');
  });

  it('reads through a title and a party tag after the quote: "..., Sen. Marco Rubio (R-Fla.) said"', () => {
    const quotes = findQuotes('“It reminds us how important this is,” Sen. Marco Rubio (R-Fla.) said Saturday.', []);
    assert.equal(speakerOf(quotes[0]), 'Sen. Marco Rubio');
  });

  it('takes the inverted form: "..., said the company\'s spokesman"', () => {
    const quotes = findQuotes('“We deny it,” said the company’s spokesman.', []);
    assert.equal(speakerOf(quotes[0]), 'the company’s spokesman');
  });

  it('takes a pronoun speaker and resolves it to the nearest person before it', () => {
    const text = 'Mary Jones spoke first. “It is over,” she said.';
    const quotes = findQuotes(text, [person(text, 'Mary Jones', 'Mary Jones')]);
    assert.equal(speakerOf(quotes[0]), 'she');
    assert.equal(quotes[0].speakerName, 'Mary Jones');
  });

  it('takes "X said:" before the quote', () => {
    const quotes = findQuotes('Senator Ted Cruz said: “The media has failed.”', []);
    assert.equal(speakerOf(quotes[0]), 'Senator Ted Cruz');
  });

  it('takes "according to" before and after the quote', () => {
    const before = findQuotes('According to a senior official, “talks have stalled.”', []);
    assert.equal(speakerOf(before[0]), 'a senior official');
    const after = findQuotes('Talks are “on hold,” according to Reuters.', []);
    assert.equal(speakerOf(after[0]), 'Reuters');
  });

  it('skips an apposition to reach the name: "..., Podesta, the campaign chairman, said"', () => {
    const quotes = findQuotes('“We will win,” Podesta, the campaign chairman, said.', []);
    assert.equal(speakerOf(quotes[0]), 'Podesta');
  });

  it('skips a subordinate clause to reach the speaker: "“...,” although not an Australian one, a source said"', () => {
    const quotes = findQuotes('Huawei gave access to a “foreign network,” although not an Australian one, a source said.', []);
    assert.equal(speakerOf(quotes[0]), 'a source');
    const named = findQuotes('“We will appeal,” though not this week, Smith said.', []);
    assert.equal(speakerOf(named[0]), 'Smith');
  });

  it('takes the subject opening the clause over later appositions: "Cory James, 22, of Flint, Mich., said"', () => {
    const quotes = findQuotes('Cory James, 22, of Flint, Mich., said he hoped for a "surprise" at the convention.', []);
    assert.equal(speakerOf(quotes[0]), 'Cory James');
  });

  it('gives a partial quote with no cue to the sentence subject behind its premodifiers', () => {
    const quotes = findQuotes('Republican presidential candidate Donald Trump has repeatedly called it a “rigged system.”', []);
    assert.equal(speakerOf(quotes[0]), 'Donald Trump');
  });

  it('skips a time phrase and a party tag between speaker and cue', () => {
    const quotes = findQuotes('Sen. Dianne Feinstein (D-Calif.) last week said the chains were not "top secret" at all.', []);
    assert.equal(speakerOf(quotes[0]), 'Sen. Dianne Feinstein');
  });

  it('gives a partial quote inside a sentence to the subject of its cue', () => {
    const quotes = findQuotes('The minister told reporters that the plan was “dead on arrival” and left.', []);
    assert.equal(speakerOf(quotes[0]), 'The minister');
  });

  it('carries the speaker to a continuation paragraph that opens with a quote', () => {
    const text = joinLines('“We have work to do,” Smith said. “A lot of work.', '', '“And we will do it together.”');
    const quotes = findQuotes(text, []);
    assert.equal(quotes.length, 3);
    assert.deepEqual(quotes.map(speakerOf), ['Smith', 'Smith', 'Smith']);
  });

  it('takes the speaker announced at the end of the previous paragraph', () => {
    const text = joinLines('Cruz continued:', '', '“You look at the questions.”');
    assert.equal(speakerOf(findQuotes(text, [])[0]), 'Cruz');
  });

  it('does not give a new sentence after a closed quote to that quote', () => {
    const text = 'Lynch announced the lawsuit. “We are seeking a court order.” She further announced that funds were at risk.';
    const [quote] = findQuotes(text, []);
    assert.notEqual(speakerOf(quote), 'She');
  });

  it('resolves a surname through the entity mention to its canonical name', () => {
    const text = 'Ren Zhengfei spoke. “We will never harm any nation,” Ren said.';
    const entities = [person(text, 'Ren Zhengfei', 'Ren Zhengfei'), person(text, 'Ren', 'Ren Zhengfei', 20)];
    const [quote] = findQuotes(text, entities);
    assert.equal(speakerOf(quote), 'Ren');
    assert.equal(quote.speakerName, 'Ren Zhengfei');
  });

  it('resolves a surname without entities to the fuller name written earlier', () => {
    const text = 'Ren Zhengfei spoke. “We will never harm any nation,” Ren said.';
    assert.equal(findQuotes(text, [])[0].speakerName, 'Ren Zhengfei');
  });
});

describe('quotes: odd input', () => {
  it('finds nothing in empty text or text that is only quote marks', () => {
    assert.deepEqual(findQuotes('', []), []);
    assert.deepEqual(findQuotes('"""“”“”"', []), []);
    assert.deepEqual(findQuotes('\n\n"\n”\n“', []), []);
  });

  it('copes with a 5 MB line of unbalanced quotes quickly', () => {
    const line = 'He said “yes and no, ” said Smith "maybe '.repeat(Math.ceil(5_000_000 / 40));
    const started = Date.now();
    const quotes = findQuotes(line, []);
    assert.ok(quotes.length > 1000);
    assert.ok(Date.now() - started < 20_000, 'linear time');
    for (const q of quotes) assert.ok(q.start >= 0 && q.end <= line.length && q.start < q.end);
  });

  it('keeps every span inside the text for CRLF and NBSP text', () => {
    const text = '“One\u00a0thing,” he said.\r\n\r\n“Another.\r\n';
    for (const q of findQuotes(text, [])) {
      assert.ok(q.end <= text.length && !q.text.endsWith('\r'));
    }
  });
});
