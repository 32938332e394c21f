import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { stripJsonComments } from '../../../src/cli/claims';
import type { ClaimReview } from '../../../src/core/claims';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const FIRST_SEED = '000_fc681af9c8dd27c5.txt';
const OTHER_SEED = '001_ef6bbce3734ab0e1.txt';
const CLAIM = 'no law in China requires any company to install mandatory back doors';
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'unit', 'core', 'claims', 'claimreview-google.schema.json'), 'utf8')) as object;

// From the sources, the shipped model named explicitly (it sits beside dist/, not beside src/cli/).
const env = { ...process.env, NEWS_ANNOTATOR_MODEL: path.join(ROOT, 'models', 'ner-en.bin') };
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env });

describe('CLI claims export (real files in a temp folder)', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-cli-'));
    for (const seed of [FIRST_SEED, OTHER_SEED]) fs.copyFileSync(path.join(FIXTURES, seed), path.join(dir, seed));
    // An assessing annotation as another W3C tool writes it: a quote with its context, a verdict.
    const text = fs.readFileSync(path.join(dir, FIRST_SEED), 'utf8');
    const at = text.indexOf(CLAIM);
    assert.ok(at > 0);
    fs.writeFileSync(path.join(dir, 'claim.jsonld'), JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'urn:uuid:7d1f0c2e-5b8a-4f3e-9c61-2a4b6d8e0f13',
      motivation: 'assessing',
      created: '2026-12-01T09:00:00Z',
      modified: '2026-12-02T09:00:00Z',
      creator: { type: 'Person', name: 'A. Checker' },
      body: [{ type: 'TextualBody', purpose: 'assessing', value: 'Misleading' }, { type: 'TextualBody', purpose: 'commenting', value: '=HYPERLINK("x") the ministry said so, not the law' }],
      target: { source: FIRST_SEED, selector: [{ type: 'TextQuoteSelector', exact: CLAIM, prefix: text.slice(at - 32, at), suffix: text.slice(at + CLAIM.length, at + CLAIM.length + 32) }] },
    }));
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), `{
      // the reviewing organisation's settings, as VS Code writes them
      "newsAnnotator.ratingScale": ["True", "Mostly true", "Misleading", "Mostly false", "False"],
      "newsAnnotator.claimReview.organization": "Example Fact Checks",
      "newsAnnotator.claimReview.urlTemplate": "https://checks.example/reviews/{id}",
    }`);
    const imported = cli('annotations', 'import', dir, path.join(dir, 'claim.jsonld'));
    assert.equal(imported.status, 0, imported.stderr);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports the imported assessing annotation as a ClaimReview: Ren Zhengfei, both seeds, first appearance 001 of 2019-01-15', () => {
    const result = cli('claims', 'export', dir);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '', 'no warning with every setting given');
    const reviews = JSON.parse(result.stdout) as ClaimReview[];
    assert.equal(reviews.length, 1);
    const [review] = reviews;
    assert.equal(review?.['@context'], 'https://schema.org');
    assert.equal(review?.['@type'], 'ClaimReview');
    assert.equal(review?.claimReviewed, CLAIM);
    assert.deepEqual(review?.reviewRating, { '@type': 'Rating', alternateName: 'Misleading', name: 'Misleading', ratingValue: 3, bestRating: 5, worstRating: 1 });
    assert.deepEqual(review?.itemReviewed.author, { '@type': 'Person', name: 'Ren Zhengfei' });
    assert.deepEqual(review?.itemReviewed.appearance.map((a) => a.url).sort(), [FIRST_SEED, OTHER_SEED]);
    assert.equal(review?.itemReviewed.firstAppearance?.url, OTHER_SEED);
    assert.equal(review?.itemReviewed.firstAppearance?.datePublished, '2019-01-15');
    assert.equal(review?.itemReviewed.datePublished, '2019-01-15');
    assert.deepEqual(review?.author, { '@type': 'Organization', name: 'Example Fact Checks' });
    assert.equal(review?.url, 'https://checks.example/reviews/7d1f0c2e-5b8a-4f3e-9c61-2a4b6d8e0f13');
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(reviews), JSON.stringify(validate.errors));
  });

  it('warns while the URL template is unset (options override the settings file)', () => {
    const result = cli('claims', 'export', dir, '--url-template', '', '--organization=Other Checks');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /warning: newsAnnotator\.claimReview\.urlTemplate is not set/);
    const [review] = JSON.parse(result.stdout) as ClaimReview[];
    assert.equal(review?.url, undefined);
    assert.equal(review?.author?.name, 'Other Checks');
  });

  it('exports CSV with formula openers neutralised', () => {
    const result = cli('claims', 'export', dir, '--format', 'csv');
    assert.equal(result.status, 0, result.stderr);
    const [, row] = result.stdout.split('\r\n');
    assert.ok(row?.startsWith(`${CLAIM},Ren Zhengfei,Person,Verdict given,Misleading,2019-01-15,${OTHER_SEED},`), row);
    assert.ok(row?.includes(`"'=HYPERLINK(""x"") the ministry said so, not the law"`), row);
  });

  it('refuses unknown formats and options with a one-line error', () => {
    const result = cli('claims', 'export', dir, '--format', 'xml');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^news-annotator: unknown format 'xml'/);
    assert.equal(cli('claims', 'export', path.join(dir, 'missing')).status, 1);
  });

  it('reads VS Code settings files: comments and trailing commas', () => {
    assert.deepEqual(JSON.parse(stripJsonComments('{\n // a\n "a": "http://x", /* b */ "b": [1,],\n}')), { a: 'http://x', b: [1] });
  });
});
