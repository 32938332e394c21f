// Runs every benchmark in bench/ (files named *.bench.ts, or only those named on the command line)
// one after another, each in its own Node process, and prints their figures.
// The index bench compares with the compromise/chrono baseline (../shared/eval/baselines): unless
// NLP_MODULES names a node_modules with compromise and chrono-node, they are installed once from the
// npm registry into .bench-cache/ (outside the project's node_modules; never shipped). Without a
// registry the baseline is skipped and said so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const benchDir = join(root, 'bench');
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

/** The baseline's packages, pinned as ../shared/eval/baselines/package.json pins them (both MIT). */
const BASELINE_PACKAGES = ['compromise@14.17.0', 'chrono-node@2.10.3'];

/** A node_modules folder with the baseline's packages, installing them once; undefined if it cannot. */
function baselineModules() {
  if (process.env.NLP_MODULES) return process.env.NLP_MODULES;
  const cache = join(root, '.bench-cache');
  const modules = join(cache, 'node_modules');
  if (existsSync(join(modules, 'compromise')) && existsSync(join(modules, 'chrono-node'))) return modules;
  console.log(`installing the baseline's ${BASELINE_PACKAGES.join(' and ')} into .bench-cache/ (once)`);
  mkdirSync(cache, { recursive: true });
  // Its own package.json makes .bench-cache the install root, so the project's node_modules is untouched.
  if (!existsSync(join(cache, 'package.json'))) writeFileSync(join(cache, 'package.json'), '{ "private": true, "description": "bench baseline packages, not shipped" }\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', ...BASELINE_PACKAGES], { cwd: cache, encoding: 'utf8', timeout: 180_000 });
  if (install.status !== 0) {
    const why = (install.stderr || install.error?.message || '').split('\n').find((l) => l.trim() && !/npm warn/i.test(l)) ?? `exit ${install.status}`;
    console.log(`baseline packages could not be installed (${why.trim()}); the baseline comparison is skipped`);
    return undefined;
  }
  return modules;
}

const needsBaseline = files.some((f) => f.startsWith('index.'));
const nlpModules = needsBaseline ? baselineModules() : process.env.NLP_MODULES;
const env = nlpModules ? { ...process.env, NLP_MODULES: nlpModules } : process.env;

let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, file)], { stdio: 'inherit', env });
  if (run.status !== 0) {
    failed++;
    console.log(`!! ${file} exited with ${run.status ?? run.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;
