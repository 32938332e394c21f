import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ArticleRecord, IndexedEntityType, IndexedMention } from '../../src/core/index';
import { EntityGraph } from '../../src/core/index/entityGraph';
import { nameKey } from '../../src/core/index/names';

// Incremental upkeep must give what a graph built from scratch gives, whatever the order of changes:
// names chosen to collide (shared surnames, one-letter variants, surnames alone, a place and a person).
const NAMES: [string, IndexedEntityType][] = [
  ['Meng Wanzhou', 'person'], ['Meng Wenzhou', 'person'], ['Meng', 'person'], ['Li Wei', 'person'], ['Li Wen', 'person'],
  ['John Smith', 'person'], ['Jane Smith', 'person'], ['Smith', 'person'], ['Huawei', 'organization'], ['ZTE', 'organization'],
  ['Acme', 'organization'], ['Paris', 'place'], ['Paris Hilton', 'person'], ['Ren Zhengfei', 'person'], ['Ren', 'person'],
];

function record(picks: number[], roles: boolean): ArticleRecord {
  const mentions: IndexedMention[] = picks.map((n, i) => {
    const [name, type] = NAMES[n];
    return { start: i * 20, end: i * 20 + name.length, type, text: name, name, key: nameKey(name), roles: roles && type === 'person' ? ['spokesman'] : [] };
  });
  return { hash: picks.join(','), headline: null, date: null, outlet: null, authors: [], mentions, dates: [], quotes: [], speakerKeys: [] };
}

function summary(graph: EntityGraph): string[] {
  return graph.allEntities().map((e) => `${e.id}|${e.name}|${e.type}|${e.mentionCount}|${e.files.join(',')}|${e.variants.join(',')}|${e.aliases.join(',')}`).sort();
}

describe('EntityGraph: incremental upkeep equals a fresh build', () => {
  it('after any sequence of set and remove operations, with queries in between', () => {
    const op = fc.record({
      file: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      picks: fc.option(fc.array(fc.integer({ min: 0, max: NAMES.length - 1 }), { minLength: 1, maxLength: 6 }), { nil: null }),
      roles: fc.boolean(),
      query: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
      const live = new EntityGraph();
      const state = new Map<string, ArticleRecord>();
      for (const { file, picks, roles, query } of ops) {
        const rec = picks ? record(picks, roles) : null;
        live.setArticle(file, rec);
        if (rec) state.set(file, rec);
        else state.delete(file);
        if (query) {
          live.allEntities();
          for (const [name] of NAMES) live.entityIdOfKey(nameKey(name));
        }
      }
      const fresh = new EntityGraph();
      for (const [file, rec] of state) fresh.setArticle(file, rec);
      assert.deepEqual(summary(live), summary(fresh));
      for (const [name] of NAMES) assert.equal(live.entityIdOfKey(nameKey(name)), fresh.entityIdOfKey(nameKey(name)), name);
    }), { numRuns: 400, seed: 20261122 });
  });
});
