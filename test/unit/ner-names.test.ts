import * as assert from 'node:assert/strict';
import { canonicalPersonNames, rolesAround, separateTitles } from '../../src/core/ner/names';

describe('names within an article', () => {
  it('gives a surname or given name the one full name it belongs to', () => {
    assert.deepEqual(canonicalPersonNames(['Ren Zhengfei', 'Ren', 'Meng Wanzhou', 'Meng', 'Trump', 'Donald Trump']),
      ['Ren Zhengfei', 'Ren Zhengfei', 'Meng Wanzhou', 'Meng Wanzhou', 'Donald Trump', 'Donald Trump']);
  });

  it('does not merge two people who share a surname', () => {
    assert.deepEqual(canonicalPersonNames(['Bill Clinton', 'Hillary Clinton', 'Clinton']), ['Bill Clinton', 'Hillary Clinton', 'Clinton']);
  });

  it('takes roles before the name, split at "and", stopping at another name', () => {
    const words = ['Huawei', 'founder', 'and', 'CEO', 'Ren', 'Zhengfei', 'said'];
    assert.deepEqual(rolesAround(words, 4, 6, (k) => k === 0), ['founder', 'CEO']);
    assert.deepEqual(rolesAround(['President', 'Donald', 'Trump'], 1, 3, () => false), ['President']);
    assert.deepEqual(rolesAround(['Secretary', 'of', 'State', 'Mike', 'Pompeo'], 3, 5, () => false), ['Secretary of State']);
  });

  it('takes a role from an apposition after a comma', () => {
    const words = ['Ren', 'Zhengfei', ',', 'Huawei', '’s', 'founder', ',', 'said'];
    assert.deepEqual(rolesAround(words, 0, 2, (k) => k === 3), ['founder']);
    assert.deepEqual(rolesAround(['Ren', ',', 'who', 'founded', 'it'], 0, 1, () => false), []);
  });

  it('cuts titles out of a person span, leaving the organization before them', () => {
    assert.deepEqual(separateTitles(['Huawei', 'CEO', 'Ren', 'Zhengfei'], 0, 4), { person: [2, 4], organization: [0, 1] });
    assert.deepEqual(separateTitles(['Ren', 'Zhengfei'], 0, 2), { person: [0, 2], organization: null });
  });
});
