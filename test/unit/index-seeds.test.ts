import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArticle } from '../../src/core/article';
import { ArticleExtractor } from '../../src/core/extract';
import { WorkspaceIndex } from '../../src/core/index';
import { loadEntityRecognizer } from '../../src/core/ner';
import { MemoryHost } from './indexTestKit';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const SEEDS = ['000_fc681af9c8dd27c5.txt', '001_ef6bbce3734ab0e1.txt'];
const MODEL = process.env.NEWS_ANNOTATOR_MODEL || path.join(__dirname, '..', '..', 'models', 'ner-en.bin');

describe('WorkspaceIndex over the seed articles (real parser and extractor)', function () {
  let index: WorkspaceIndex;

  before(async function () {
    if (!fs.existsSync(MODEL)) this.skip(); // no trained model in this checkout yet (npm run train)
    const extractor = new ArticleExtractor(loadEntityRecognizer(fs.readFileSync(MODEL)));
    const host = new MemoryHost(Object.fromEntries(SEEDS.map((f) => [f, fs.readFileSync(path.join(FIXTURES, f), 'utf8')])));
    index = new WorkspaceIndex(host, (text) => {
      const article = parseArticle(text);
      return { article, analysis: extractor.analyzeArticle(text, article) };
    }, { modelVersion: 'seeds' });
    await index.build();
  });

  it('finds Ren Zhengfei as one person in both articles', () => {
    const ren = index.entityNamed('Ren Zhengfei');
    assert.equal(ren?.type, 'person');
    assert.deepEqual(ren?.files, SEEDS);
    assert.equal(index.entityNamed('Ren')?.id, ren?.id);
  });

  it('makes Meng Wanzhou and Meng Wenzhou one entity with a marked variant', () => {
    const meng = index.entityNamed('Meng Wanzhou');
    assert.ok(meng);
    assert.equal(index.entityNamed('Meng Wenzhou')?.id, meng.id);
    assert.equal(meng.variants.length, 1);
    assert.deepEqual(meng.files, SEEDS);
  });

  it('has Donald Trump and the byline author Cathy He as people, and the two outlets', () => {
    assert.equal(index.entityNamed('Donald Trump')?.type, 'person');
    assert.equal(index.entityNamed('Cathy He')?.type, 'person');
    assert.deepEqual(index.outlets().map((o) => o.name), ['Free America Network', 'The Epoch Times']);
  });

  it('has no credit line, byline label, headline fragment or section name as an entity', () => {
    for (const e of index.entities()) {
      assert.doesNotMatch(e.name, /\/|Reuters|Photo|Editor|Says|^News$|Getty/i, e.name);
      assert.match(e.name, /^\p{Lu}/u, e.name);
    }
  });
});
