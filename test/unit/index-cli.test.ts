import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { indexFolder } from '../../src/cli/indexCommand';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

describe('CLI index over a folder (Node host)', () => {
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'index-cli-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.copyFileSync(path.join(FIXTURES, '000_fc681af9c8dd27c5.txt'), path.join(dir, '000_fc681af9c8dd27c5.txt'));
    fs.copyFileSync(path.join(FIXTURES, '001_ef6bbce3734ab0e1.txt'), path.join(dir, 'sub', '001_ef6bbce3734ab0e1.txt'));
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x61, 0, 0x62]));
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    fs.symlinkSync(path.join(dir, 'missing-target'), path.join(dir, 'dangling.txt'));
    fs.writeFileSync(path.join(dir, 'notes.md'), 'not an article');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes the readable articles, by relative path, and lists what it skipped', async () => {
    const report = await indexFolder(dir);
    assert.equal(report.articles, 2);
    assert.deepEqual(report.outlets, [
      { name: 'Free America Network', articles: ['000_fc681af9c8dd27c5.txt'] },
      { name: 'The Epoch Times', articles: ['sub/001_ef6bbce3734ab0e1.txt'] },
    ]);
    assert.deepEqual(report.skipped.map((s) => s.path), ['binary.txt', 'dangling.txt', 'latin1.txt']);
    const cathy = report.entities.find((e) => e.name === 'Cathy He');
    assert.equal(cathy?.type, 'person');
    assert.deepEqual(cathy?.articles, ['sub/001_ef6bbce3734ab0e1.txt']);
    for (const e of report.entities) assert.ok(['person', 'organization', 'place'].includes(e.type));
  });
});
