import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { indexFolder } from '../../../src/cli/indexCommand';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

describe('cli/indexCommand: copies', () => {
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'index-copies-'));
    const original = fs.readFileSync(path.join(FIXTURES, '001_ef6bbce3734ab0e1.txt'), 'utf8');
    fs.writeFileSync(path.join(dir, 'original.txt'), original);
    // A reprint elsewhere: another headline, its last paragraph cut, another site's footer.
    const lines = original.split('\n');
    const body = lines.slice(1).join('\n').replace(/\n[^\n]+\n*$/, '\n');
    fs.mkdirSync(path.join(dir, 'other'));
    fs.writeFileSync(path.join(dir, 'other', 'reprint.txt'), `Reprinted: ${lines[0]}\n${body}\nLeave a Reply\nFrom The Valley Gazette\n`);
    fs.copyFileSync(path.join(FIXTURES, '000_fc681af9c8dd27c5.txt'), path.join(dir, 'unrelated.txt'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the reprint and its original as one group, with their similarity', async () => {
    const report = await indexFolder(dir);
    assert.equal(report.copies.length, 1);
    assert.deepEqual([...report.copies[0].articles].sort(), ['original.txt', 'other/reprint.txt']);
    assert.ok(report.copies[0].similarity > 0.5 && report.copies[0].similarity <= 1, String(report.copies[0].similarity));
  });
});
