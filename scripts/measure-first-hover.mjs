// How long after an article opens the cross-article hover card is complete, in a real VS Code OSS in
// Chromium: a fresh workbench per run on a temp copy of test/fixtures/, the first seed opened through
// Quick Open, then "Ren Zhengfei" hovered again and again until the card names the other seed. The
// figure runs from the article's tab showing to the hover that gave the full card (an upper bound:
// hovers are about a third of a second apart, and the first comes once the editor has rendered).
// Several VSIXs run side by side, alternating, so they share the machine's load.
// Usage: node scripts/measure-first-hover.mjs --vsix FILE [--vsix OTHER ...] [--runs N]
// Prints `first full hover (NAME): X ms` per run. Used by bench/firstHover.bench.ts.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDebianPackages } from './lib/prerequisites.mjs';
import { codeServerDirs, ensureCodeServer, installVsix, REPO_ROOT, startCodeServer } from './lib/code-server.mjs';
import { launchBrowser, workbenchUrl } from './lib/browser.mjs';
import { hoverUntil, openFile, waitForWorkbench } from './lib/workbench.mjs';
import { fail } from './lib/log.mjs';

const FIRST_SEED = '000_fc681af9c8dd27c5.txt';
const OTHER_SEED = '001_ef6bbce3734ab0e1.txt';

async function measureOnce(entry, vsix) {
  const scratch = mkdtempSync(join(tmpdir(), 'news-annotator-first-hover-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'fixtures'), workspace, { recursive: true });
  // A short hover delay: the attempts come closer together, so the figure is tighter.
  const dirs = codeServerDirs(scratch, { settings: { 'editor.hover.delay': 100, 'editor.minimap.enabled': false } });
  installVsix(entry, dirs, vsix);
  let server;
  let browser;
  try {
    server = await startCodeServer(entry, dirs);
    let page;
    ({ browser, page } = await launchBrowser());
    await page.goto(workbenchUrl(server.url, { folder: workspace }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    const activeAt = await openFile(page, FIRST_SEED);
    const other = readFileSync(join(workspace, OTHER_SEED), 'utf8').split('\n')[0].trim();
    const { readyAt } = await hoverUntil(page, 'Ren Zhengfei', (card) => card.includes(other) || card.includes(OTHER_SEED), { timeoutMs: 30_000 });
    if (readyAt === undefined) throw new Error('no full hover card within 30 s');
    return readyAt - activeAt;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { vsix: { type: 'string', multiple: true }, runs: { type: 'string', default: '1' } } });
  const vsixes = (values.vsix ?? []).map((v) => resolve(v));
  if (!vsixes.length) throw new Error('name at least one --vsix FILE');
  for (const vsix of vsixes) if (!existsSync(vsix)) throw new Error(`no VSIX at ${vsix}`);
  ensureDebianPackages();
  const entry = await ensureCodeServer();
  for (let run = 0; run < Number(values.runs); run++) {
    for (const vsix of vsixes) console.log(`first full hover (${basename(vsix)}): ${await measureOnce(entry, vsix)} ms`);
  }
}

main().catch((error) => fail(`first-hover measurement failed: ${error?.message ?? error}`));
