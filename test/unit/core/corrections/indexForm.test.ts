import * as assert from 'node:assert/strict';
import { type Correction, type IndexCorrection, changedCorrections, indexCorrectionsFrom, namesOf } from '../../../../src/core/corrections';

describe('corrections as the index applies them', () => {
  const base = { annotationId: 'x', modified: '2026-01-01T00:00:00Z', source: 'a.txt' };

  it('speaks the stored vocabulary (notAnEntity, mergeWith, Person) and drops unknown files', () => {
    const stored: Correction[] = [
      { ...base, kind: 'setType', mention: 'Li Wei', entityType: 'Person' },
      { ...base, kind: 'notAnEntity', mention: 'Monday', scope: 'article' },
      { ...base, kind: 'notAnEntity', mention: 'Reuters', scope: 'workspace' },
      { ...base, kind: 'mergeWith', mention: 'Ren', canonicalName: 'Ren Zhengfei' },
      { ...base, kind: 'setOutlet', outlet: 'BBC' },
      { ...base, source: 'gone.txt', kind: 'split', mention: 'Meng' },
    ];
    assert.deepEqual(indexCorrectionsFrom(stored, (s) => (s === 'gone.txt' ? undefined : `/ws/${s}`)), [
      { kind: 'setType', name: 'Li Wei', entityType: 'Person' },
      { kind: 'notAnEntity', name: 'Monday', file: '/ws/a.txt' },
      { kind: 'notAnEntity', name: 'Reuters' },
      { kind: 'mergeWith', names: ['Ren Zhengfei', 'Ren'] },
      { kind: 'setOutlet', file: '/ws/a.txt', outlet: 'BBC' },
    ]);
  });

  it('lists the corrections added or withdrawn between two lists, by value', () => {
    const a: IndexCorrection = { kind: 'split', name: 'Meng' };
    const b: IndexCorrection = { kind: 'notAnEntity', name: 'ZTE' };
    const c: IndexCorrection = { kind: 'mergeWith', names: ['Jane Smith', 'John Smith'] };
    assert.deepEqual(changedCorrections([a, b], [{ kind: 'split', name: 'Meng' }, b]), []);
    assert.deepEqual(changedCorrections([a, b], [b, c]), [a, c]);
    assert.deepEqual(namesOf(c), ['Jane Smith', 'John Smith']);
    assert.deepEqual(namesOf({ kind: 'setOutlet', file: 'a.txt', outlet: null }), []);
  });
});
