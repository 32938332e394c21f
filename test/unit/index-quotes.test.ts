import * as assert from 'node:assert/strict';
import { compareQuotes, nameKey, withoutTitles } from '../../src/core/index';

describe('quote comparison (word level)', () => {
  // The two seeds render Ren's statement differently: one inside a longer sentence, "back doors" vs "backdoors".
  const fan = 'China’s ministry of foreign affairs has officially clarified that no law in China requires any company to install mandatory back doors.';
  const epoch = 'No law in China requires any company to install mandatory backdoors,';

  it('finds the shorter rendering inside the longer one and lists the differences', () => {
    const c = compareQuotes(fan, epoch);
    assert.equal(c.containment, 10 / 11);
    assert.deepEqual(c.differences, [
      { kind: 'missing', a: 'china’s ministry of foreign affairs has officially clarified that', b: '' },
      { kind: 'changed', a: 'back doors', b: 'backdoors' },
    ].map((d) => ({ ...d, a: d.a.replace('’', "'") })));
  });

  it('scores identical quotes 1 with no differences and unrelated ones low', () => {
    assert.deepEqual(compareQuotes('We will win.', '“We will win”'), { similarity: 1, containment: 1, differences: [] });
    assert.ok(compareQuotes(epoch, 'The weather in Paris was fine on Tuesday.').similarity < 0.2);
    assert.equal(compareQuotes('', epoch).similarity, 0);
  });
});

describe('name keys', () => {
  it('ignores titles, possessives, dots and case, keeping the name as written', () => {
    assert.equal(nameKey("Mr. Ren's"), 'ren');
    assert.equal(nameKey('President Donald Trump'), 'donald trump');
    assert.equal(nameKey('U.S.'), 'us');
    assert.equal(withoutTitles('Dr. Jane Smith’s'), 'Jane Smith');
    assert.equal(withoutTitles('People’s Liberation Army'), 'People’s Liberation Army');
    assert.equal(nameKey('People’s Liberation Army'), nameKey("People's Liberation Army"));
  });
});
