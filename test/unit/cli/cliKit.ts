import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The built CLI (`npm run build`); NEWS_ANNOTATOR_CLI points at another build (an older version, to check a test fails there). */
export const CLI = process.env.NEWS_ANNOTATOR_CLI ?? path.join(ROOT, 'dist', 'cli.js');

/** Runs the built CLI; fails the test with a clear message when it was not built. */
export function runCli(args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: options.input, env: { ...process.env, ...options.env }, maxBuffer: 1 << 28 });
}

/** A temporary folder, removed by the returned function. */
export function tempFolder(prefix: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `news-annotator-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `dir`, relative, `/`-separated. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** A W3C annotation on `source` quoting `exact`, without an id unless given. */
export function annotationOn(source: string, exact: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: { type: 'TextualBody', value: 'Check this' }, target: { source, selector: [{ type: 'TextQuoteSelector', exact }] }, ...extra };
}
