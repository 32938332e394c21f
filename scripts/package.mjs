// `npm run package`: builds the VSIX with @vscode/vsce (its vscode:prepublish runs the production
// build), then checks it holds only what runs — no sources, tests or source maps — and fits the
// 25 MB budget. Prints the path and size; exits non-zero on any breach.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/code-server.mjs';
import { step, fail } from './lib/log.mjs';

const BUDGET_BYTES = 25 * 1024 * 1024;
/** What must never ship: sources, tests, maps, build and tool configuration. */
const FORBIDDEN = [/^extension\/src\//, /^extension\/test\//, /^extension\/bench\//, /^extension\/scripts\//, /\.map$/, /(?<!\.d)\.ts$/, /^extension\/node_modules\//, /^extension\/media\/screenshots\//, /tsconfig\.json$/, /\.mjs$/];

/** Where `npm run package` writes the VSIX. */
export function vsixPath() {
  const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  return join(REPO_ROOT, `${name}-${version}.vsix`);
}

/** The entry names of a zip file (a VSIX), read with vsce's own unzip library. */
async function zipEntries(file) {
  const yauzl = createRequire(createRequire(import.meta.url).resolve('@vscode/vsce/package.json'))('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names = [];
      zip.on('entry', (entry) => { names.push(entry.fileName); zip.readEntry(); });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Packages the extension and validates the VSIX; returns its path. */
export async function packageExtension() {
  const out = vsixPath();
  step(`packaging ${out} with @vscode/vsce`);
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  // Dependencies are bundled by esbuild. Relative README links (the screenshots) stay relative: the
  // repository is not on GitHub/GitLab, where vsce would otherwise point them.
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], {
    cwd: REPO_ROOT, stdio: 'inherit', timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`vsce package failed (${result.status ?? result.error?.message})`);
  const entries = await zipEntries(out);
  const forbidden = entries.filter((name) => FORBIDDEN.some((pattern) => pattern.test(name)));
  if (forbidden.length) throw new Error(`the VSIX holds files that must not ship:\n  ${forbidden.join('\n  ')}\nfix .vscodeignore`);
  // The analysis worker and the samples ("Open Sample Articles") are needed at run time too; the article
  // models are bundled into the scripts and shipped beside them as the files they were built from.
  const required = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/web/extension.js', 'extension/dist/analysisWorker.js', 'extension/samples/000_fc681af9c8dd27c5.txt', 'extension/models/article-blocks.json', 'extension/models/outlets.json'];
  for (const file of required) {
    if (!entries.includes(file)) throw new Error(`the VSIX lacks ${file}`);
  }
  const size = statSync(out).size;
  if (size > BUDGET_BYTES) throw new Error(`the VSIX is ${(size / 1048576).toFixed(1)} MB, over the 25 MB budget`);
  step(`VSIX: ${entries.length} files`);
  console.log(`vsix size: ${(size / 1024).toFixed(1)} KiB`);
  return out;
}

if (import.meta.filename === process.argv[1]) {
  packageExtension().catch((error) => fail(error.message));
}
