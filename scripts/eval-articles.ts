// `npm run eval:articles`: the shared scorer's `articles` task on the whole of ../shared/eval/data/articles-dev,
// then on the part held back from training the block classifier (scripts/articleData.ts), through a temporary
// folder of links to those pages that is removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ARTICLES_DEV, heldBackNames, loadDevPages } from './articleData';

const root = resolve(__dirname, '..');
const scorer = resolve(root, '..', 'shared', 'eval', 'evaluate.mjs');
const run = (label: string, dir: string) => {
  console.log(`\n== ${label} ==`);
  const r = spawnSync(process.execPath, [scorer, 'articles', dir, '--', process.execPath, join(root, 'dist', 'cli.js'), 'extract'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
};

run('articles-dev (all 322 pages)', ARTICLES_DEV);
const held = heldBackNames(loadDevPages());
const dir = mkdtempSync(join(tmpdir(), 'news-annotator-heldback-'));
try {
  for (const name of held) {
    for (const ext of ['.txt', '.gold.json']) symlinkSync(join(ARTICLES_DEV, name + ext), join(dir, name + ext));
  }
  run(`held-back part (${held.size} pages, never trained on)`, dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
