import * as assert from 'node:assert/strict';
import { parseArticle } from '../../../../src/core/article';
import { FolderLineCounts, lineFrequencyOf } from '../../../../src/core/index/folderLines';
import { WorkspaceIndex } from '../../../../src/core/index/workspaceIndex';
import type { ParsedArticle } from '../../../../src/core/types';
import { MemoryHost } from '../../indexTestKit';

// Furniture one site repeats on every page: a menu, a prose-like promotion inside the article, a footer.
const MENU = ['Home', 'Local News', 'Opinion', 'Obituaries'];
const PROMO = 'Our reporters have covered the valley for more than a century, and we rely on readers like you to keep doing it.';
const FOOTER = ['Contact the newsroom', 'The Valley Courier is published by Courier Media Group, a family-owned company based in the valley.'];
const TOPICS = ['school board', 'water district', 'county fair', 'library', 'bridge repair', 'farmers market', 'fire station', 'city council', 'bus routes', 'park cleanup'];

function page(i: number): string {
  const topic = TOPICS[i];
  const own = [
    `Residents packed the meeting on Tuesday night to hear the latest plans for the ${topic}, which officials said would be decided before the end of the month.`,
    `"We have listened to every comment," said the chair of the committee, adding that a second hearing on the ${topic} would be held in the spring if needed.`,
    `Several speakers asked how the ${topic} would be paid for, and the finance director said the answer depended on a grant the county expects to hear about soon.`,
  ];
  return [`Plans for the ${topic} draw a crowd`, ...MENU, own[0], PROMO, own[1], own[2], ...FOOTER].join('\n\n') + '\n';
}

const textOf = (text: string, article: ParsedArticle, kinds: string[]) =>
  article.sections.filter((s) => kinds.includes(s.kind)).map((s) => text.slice(s.start, s.end)).join('\n');

describe('FolderLineCounts', () => {
  it('counts each line once per file, never toward its own file, and forgets deleted files', () => {
    const counts = new FolderLineCounts();
    counts.set('a.txt', 'Title A\n\nShared line\n\nShared line\n\nOnly in a');
    counts.set('b.txt', 'Title B\n\nShared line\n\nOnly in b');
    assert.deepEqual(counts.hints('a.txt'), { 'shared line': 1 });
    counts.delete('b.txt');
    assert.deepEqual(counts.hints('a.txt'), {});
  });

  it('leaves titles and long paragraphs out of the counts', () => {
    const counts = new FolderLineCounts();
    const long = 'word '.repeat(80).trim();
    counts.set('a.txt', `Same title\n\n${long}`);
    counts.set('b.txt', `Same title\n\n${long}`);
    assert.deepEqual(counts.hints('a.txt'), {});
  });
});

describe('folder knowledge: ten pages of one site', () => {
  it('without the folder, the site promotion reads as article text', () => {
    const text = page(0);
    assert.ok(textOf(text, parseArticle(text), ['body']).includes(PROMO));
  });

  it('the index gives each page the lines the others share, and the parser makes them boilerplate', async () => {
    const files: Record<string, string> = {};
    TOPICS.forEach((_, i) => (files[`courier/${String(i).padStart(3, '0')}_page.txt`] = page(i)));
    const parsed = new Map<string, ParsedArticle>();
    const index = new WorkspaceIndex(new MemoryHost(files), (text, folder) => {
      const article = parseArticle(text, { lineFrequency: lineFrequencyOf(folder) });
      parsed.set(text, article);
      return { article, analysis: { entities: [], dates: [], quotes: [] } };
    }, { modelVersion: 'test', yieldToHost: async () => undefined });
    const result = await index.build();
    assert.equal(result.indexed, 10);
    for (const [i, topic] of TOPICS.entries()) {
      const text = page(i);
      const article = parsed.get(text);
      assert.ok(article, topic);
      const body = textOf(text, article, ['body']);
      const furniture = textOf(text, article, ['boilerplate', 'footer']);
      for (const line of [...MENU, PROMO, ...FOOTER]) {
        assert.ok(furniture.includes(line), `${topic}: ${line}`);
        assert.ok(!body.includes(line), `${topic}: ${line}`);
      }
      assert.match(body, new RegExp(`latest plans for the ${topic}`));
      assert.equal(article.headline, `Plans for the ${topic} draw a crowd`);
    }
    index.dispose();
  });

  it('pages taken from the snapshot still count toward the furniture of a page analysed now', async () => {
    const files: Record<string, string> = {};
    TOPICS.slice(0, 9).forEach((_, i) => (files[`courier/${String(i).padStart(3, '0')}_page.txt`] = page(i)));
    const analyse = (text: string, folder?: Readonly<Record<string, number>>) => ({ article: parseArticle(text, { lineFrequency: lineFrequencyOf(folder) }), analysis: { entities: [], dates: [], quotes: [] } });
    const first = new WorkspaceIndex(new MemoryHost(files), analyse, { modelVersion: 'test', yieldToHost: async () => undefined });
    await first.build();
    const json = first.snapshot();
    first.dispose();
    files['courier/009_page.txt'] = page(9);
    const seen = new Map<string, ParsedArticle>();
    const warm = new WorkspaceIndex(new MemoryHost(files), (text, folder) => {
      const result = analyse(text, folder);
      seen.set(text, result.article);
      return result;
    }, { modelVersion: 'test', yieldToHost: async () => undefined });
    assert.equal(warm.loadSnapshot(json), true);
    await warm.build();
    assert.deepEqual([...seen.keys()], [page(9)], 'only the new page is analysed');
    const furniture = textOf(page(9), seen.get(page(9))!, ['boilerplate', 'footer']);
    for (const line of [...MENU, PROMO, ...FOOTER]) assert.ok(furniture.includes(line), line);
    warm.dispose();
  });
});
