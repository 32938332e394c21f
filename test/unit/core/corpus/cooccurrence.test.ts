import * as assert from 'node:assert/strict';
import { buildCooccurrenceGraph, layoutGraph } from '../../../../src/core/corpus/cooccurrence';
import { corpusIndex } from './corpusKit';

describe('core/corpus/cooccurrence', () => {
  it('links people and organizations named in the same articles, weighted by articles, sized by mentions', async () => {
    const graph = buildCooccurrenceGraph(await corpusIndex());
    const names = graph.nodes.map((n) => n.name);
    assert.deepEqual(names, ['Huawei', 'Meng Wanzhou', 'Ren Zhengfei', 'Reuters'], 'places left out, most mentioned first');
    assert.equal(graph.nodes[0].mentions, 6, 'headline mentions count where the body names it too');
    const weight = (a: string, b: string) => graph.edges.find((e) => [names[e.source], names[e.target]].sort().join() === [a, b].sort().join())?.weight;
    assert.equal(weight('Huawei', 'Ren Zhengfei'), 2);
    assert.equal(weight('Huawei', 'Reuters'), 2);
    assert.equal(weight('Meng Wanzhou', 'Reuters'), undefined);
    assert.deepEqual(graph.outlets, ['Daily One', 'Daily Two']);
  });

  it('filters by type, outlet, minimum weight, limit and search', async () => {
    const index = await corpusIndex();
    assert.deepEqual(buildCooccurrenceGraph(index, { types: ['place'] }).nodes.map((n) => n.name), ['Shenzhen']);
    assert.deepEqual(buildCooccurrenceGraph(index, { outlet: 'Daily Two' }).nodes.map((n) => n.name).sort(), ['Huawei', 'Ren Zhengfei', 'Reuters']);
    assert.deepEqual(buildCooccurrenceGraph(index, { minWeight: 2 }).edges.length, 3);
    const top = buildCooccurrenceGraph(index, { limit: 2 });
    assert.equal(top.nodes.length, 2);
    assert.equal(top.total, 4);
    const searched = buildCooccurrenceGraph(index, { search: 'meng', limit: 2 });
    assert.deepEqual(searched.nodes.map((n) => [n.name, n.match]), [['Meng Wanzhou', true], ['Huawei', false]]);
  });

  it('lays out deterministically inside the unit square, linked nodes closer than unlinked ones', () => {
    const edges = [{ source: 0, target: 1, weight: 5 }, { source: 2, target: 3, weight: 5 }];
    const a = layoutGraph(4, edges);
    assert.deepEqual(a, layoutGraph(4, edges));
    for (const p of a) assert.ok(p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1);
    const d = (i: number, j: number) => Math.hypot(a[i].x - a[j].x, a[i].y - a[j].y);
    assert.ok(d(0, 1) < d(0, 2) && d(2, 3) < d(1, 3), JSON.stringify(a));
    assert.deepEqual(layoutGraph(0, []), []);
  });
});
