import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURES, annotationOn, filesUnder, runCli, tempFolder } from './cliKit';

const SEED = '001_ef6bbce3734ab0e1.txt';

describe('CLI annotations import/export on real files (cli/annotations, built dist/cli.js)', () => {
  let tmp: ReturnType<typeof tempFolder>;
  let ws: string;
  const write = (name: string, json: unknown) => {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  };
  const exportJson = () => {
    const run = runCli(['annotations', 'export', ws]);
    assert.equal(run.status, 0, run.stderr);
    return (JSON.parse(run.stdout) as { first: { items: Record<string, unknown>[] } }).first.items;
  };

  beforeEach(() => {
    tmp = tempFolder('cli-annotations');
    ws = path.join(tmp.dir, 'outer', 'ws');
    fs.mkdirSync(ws, { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, SEED), path.join(ws, SEED));
  });
  afterEach(() => tmp.remove());

  describe('a target source outside the workspace is refused and nothing is written', () => {
    // A name of this run's own: the old code wrote `<name>.jsonld` into the system's temp folder.
    const escaped = `news-annotator-escaped-${process.pid}`;
    const escapedFile = path.join(os.tmpdir(), `${escaped}.jsonld`);
    afterEach(() => fs.rmSync(escapedFile, { force: true }));
    for (const [what, source] of [
      ['a relative path that climbs out', `../../${escaped}`],
      ['eight ../ reaching the root', `../../../../../../../..${os.tmpdir()}/${escaped}`],
      ['a Windows-style climb', `..\\..\\${escaped}`],
      ['an absolute path', path.join(os.tmpdir(), escaped)],
      ['a URL of another origin', `https://www.ft.com/${escaped}`],
      ['a file URI outside the folder', pathToFileURL(path.join(os.tmpdir(), escaped)).href],
    ] as const) {
      it(what, () => {
        const input = write('in.json', [annotationOn(SEED, 'the Financial Times reported', { id: 'urn:x:1' }), annotationOn(source, 'x', { id: 'urn:x:2' })]);
        const before = filesUnder(tmp.dir);
        const run = runCli(['annotations', 'import', ws, input]);
        assert.equal(run.status, 1, run.stderr);
        assert.match(run.stderr, /^news-annotator: .*in\.json: item 2 \(urn:x:2\): refused: target source .* (resolves outside the workspace folder|is an absolute path|is outside the workspace folder).*; nothing was imported\n$/);
        assert.deepEqual(filesUnder(tmp.dir), before);
        assert.ok(!fs.existsSync(escapedFile), `${escapedFile} was written`);
      });
    }

    it('a file URI inside the folder is taken as its relative path', () => {
      const input = write('in.json', annotationOn(pathToFileURL(path.join(ws, SEED)).href, 'the Financial Times reported'));
      const run = runCli(['annotations', 'import', ws, input]);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(filesUnder(path.join(ws, '.news-annotations')), [`${SEED}.jsonld`]);
    });
  });

  it('importing the same annotations without ids three times stores them once', () => {
    const input = write('in.json', [annotationOn(SEED, 'the Financial Times reported'), annotationOn(SEED, 'Ren Zhengfei', { body: 'Who?' })]);
    for (let i = 0; i < 3; i++) {
      const run = runCli(['annotations', 'import', ws, input]);
      assert.equal(run.status, 0, run.stderr);
      if (i > 0) assert.match(run.stderr, /imported 0 annotation\(s\) into 0 store file\(s\) \(2 already stored, left as they were\)/);
    }
    assert.equal(exportJson().length, 2);
  });

  it('a quote-only selector (no prefix, no suffix) unique in the article anchors', () => {
    const input = write('in.json', annotationOn(SEED, 'the Financial Times reported'));
    assert.equal(runCli(['annotations', 'import', ws, input]).status, 0);
    const [item] = exportJson();
    assert.equal(item?.orphaned, undefined, JSON.stringify(item));
    const selectors = (item?.target as { selector: { type: string; start?: number }[] }).selector;
    const text = fs.readFileSync(path.join(ws, SEED), 'utf8');
    assert.equal(selectors.find((s) => s.type === 'TextPositionSelector')?.start, text.indexOf('the Financial Times reported'));
  });

  it('CSV export neutralises cells a spreadsheet would run', () => {
    const input = write('in.json', annotationOn(SEED, 'the Financial Times reported', { body: '=HYPERLINK("http://evil.example","click")', creator: '@mallory' }));
    assert.equal(runCli(['annotations', 'import', ws, input]).status, 0);
    const run = runCli(['annotations', 'export', ws, '--format', 'csv']);
    assert.equal(run.status, 0, run.stderr);
    const row = run.stdout.split('\r\n')[1] as string;
    assert.ok(row.includes(`,"'=HYPERLINK(""http://evil.example"",""click"")",`), row);
    assert.ok(row.includes(",'@mallory,"), row);
    for (const cell of row.split(',')) assert.ok(!/^[=+\-@\t\r]/.test(cell), cell);
  });

  describe('a corrupt store', () => {
    const corrupt = () => {
      fs.mkdirSync(path.join(ws, '.news-annotations'), { recursive: true });
      fs.writeFileSync(path.join(ws, '.news-annotations', 'broken.txt.jsonld'), '{"type": "AnnotationPage", "items": [');
    };

    it('export says which stores it skipped, exits non-zero, and keeps one backup per distinct content', () => {
      assert.equal(runCli(['annotations', 'import', ws, write('in.json', annotationOn(SEED, 'the Financial Times reported'))]).status, 0);
      corrupt();
      for (let i = 0; i < 3; i++) {
        const run = runCli(['annotations', 'export', ws]);
        assert.notEqual(run.status, 0);
        assert.match(run.stderr, /skipped \.news-annotations\/broken\.txt\.jsonld: not valid JSON/);
        assert.match(run.stderr, /export incomplete: 1 store file\(s\) skipped \(\.news-annotations\/broken\.txt\.jsonld\)/);
        // The readable store is still exported.
        assert.equal((JSON.parse(run.stdout) as { total: number }).total, 1);
      }
      const backups = () => filesUnder(path.join(ws, '.news-annotations')).filter((f) => f.endsWith('.bak'));
      assert.equal(backups().length, 1, backups().join(', '));
      fs.appendFileSync(path.join(ws, '.news-annotations', 'broken.txt.jsonld'), 'other garbage');
      runCli(['annotations', 'export', ws]);
      runCli(['annotations', 'export', ws]);
      assert.equal(backups().length, 2, backups().join(', '));
    });

    it('an import that fails half-way says what was and was not written', () => {
      corrupt();
      fs.copyFileSync(path.join(ws, SEED), path.join(ws, 'broken.txt'));
      const input = write('in.json', [annotationOn('broken.txt', 'Huawei', { id: 'urn:x:a' }), annotationOn(SEED, 'Huawei', { id: 'urn:x:b' }), annotationOn(SEED, 'Canada', { id: 'urn:x:c' })]);
      const run = runCli(['annotations', 'import', ws, input]);
      assert.equal(run.status, 1);
      assert.match(run.stderr, new RegExp(`import incomplete: written: 2 for ${SEED.replace('.', '\\.')}; not written: 1 for broken\\.txt \\(\\.news-annotations/broken\\.txt\\.jsonld: not valid JSON`));
      const stored = JSON.parse(fs.readFileSync(path.join(ws, '.news-annotations', `${SEED}.jsonld`), 'utf8')) as { items: { id: string }[] };
      assert.deepEqual(stored.items.map((i) => i.id).sort(), ['urn:x:b', 'urn:x:c']);
    });
  });
});
