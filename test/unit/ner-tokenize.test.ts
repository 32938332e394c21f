import * as assert from 'node:assert/strict';
import { tokenize } from '../../src/core/ner/tokenize';

const words = (text: string) => tokenize(text).map((s) => s.map((t) => t.text));

describe('NER tokenizer', () => {
  it('splits punctuation, curly quotes and possessives, keeping abbreviations whole', () => {
    assert.deepEqual(words('“Ren’s idea,” said Mr. Xu of the U.S. firm.'), [
      ['“', 'Ren', '’s', 'idea', ',', '”', 'said', 'Mr.', 'Xu', 'of', 'the', 'U.S.', 'firm', '.'],
    ]);
  });

  it('splits credit lines at slashes but not fractions or numbers', () => {
    assert.deepEqual(words('REUTERS/Fabrizio Bensch/File Photo 1/2 1,000'), [
      ['REUTERS', '/', 'Fabrizio', 'Bensch', '/', 'File', 'Photo', '1/2', '1,000'],
    ]);
  });

  it('ends sentences at line breaks (LF, CRLF) and at a full stop before a capital', () => {
    assert.deepEqual(words('Ren spoke.\r\nXu agreed. He left. 3 went'), [['Ren', 'spoke', '.'], ['Xu', 'agreed', '.'], ['He', 'left', '.'], ['3', 'went']]);
  });

  it('gives offsets into the original text, NBSP counting as a space', () => {
    const text = 'Ren\u00a0Zhengfei’s  firm\r\n';
    for (const s of tokenize(text)) for (const t of s) assert.equal(text.slice(t.start, t.end), t.text);
    assert.deepEqual(words(text), [['Ren', 'Zhengfei', '’s', 'firm']]);
  });
});
