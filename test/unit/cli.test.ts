import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempFolder } from './cli/cliKit';

describe('CLI usage and version (cli, built dist/cli.js)', () => {
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('--version prints the package version', () => {
    for (const flag of ['--version', '-V']) {
      const run = runCli([flag]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, `${version}\n`);
    }
  });

  for (const [command, usage] of [
    ['parse', 'usage: news-annotator parse FILE'],
    ['extract', 'usage: news-annotator extract [--tasks people,dates,quotes]'],
    ['annotations', 'usage: news-annotator annotations import WORKSPACE FILE'],
    ['index', 'usage: news-annotator index DIR [--json]'],
  ] as const) {
    it(`${command} --help prints its usage and exits 0`, () => {
      for (const args of [[command, '--help'], [command, '-h']]) {
        const run = runCli(args);
        assert.equal(run.status, 0, run.stderr);
        assert.ok(run.stdout.startsWith(`${usage}\n`), run.stdout);
        assert.equal(run.stderr, '');
      }
    });
  }

  it('annotations import --help and export --help print the annotations usage', () => {
    for (const action of ['import', 'export']) {
      const run = runCli(['annotations', action, '--help']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /annotations export WORKSPACE \[--format jsonld\|csv\|md\]/);
    }
  });

  it('parse reads a UTF-16 article (with a BOM)', () => {
    const tmp = tempFolder('utf16');
    try {
      const text = 'Huawei founder says company never spied\nBy Cathy He\nJanuary 15, 2019\n\nRen Zhengfei said so.\n';
      const file = path.join(tmp.dir, 'a.txt');
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const run = runCli(['parse', file]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { headline: string }).headline, 'Huawei founder says company never spied');
    } finally {
      tmp.remove();
    }
  });
});
