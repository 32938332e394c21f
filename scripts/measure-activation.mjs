// Activation time of the extension as VS Code itself measures it (code loading + activate() until it
// resolves), read from the "Running Extensions" editor of VS Code OSS with the VSIX installed. This
// works whatever triggered activation (an open article, a plain-text document at start-up, a view).
// Usage: node scripts/measure-activation.mjs [--vsix FILE] [--runs N]; prints `activation: X ms`
// per fresh workbench. Used by bench/activation.bench.ts.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDebianPackages } from './lib/prerequisites.mjs';
import { codeServerDirs, ensureCodeServer, installVsix, REPO_ROOT, startCodeServer } from './lib/code-server.mjs';
import { launchBrowser, workbenchUrl } from './lib/browser.mjs';
import { openFile, statusBarText, waitForWorkbench } from './lib/workbench.mjs';
import { fail, withTimeout } from './lib/log.mjs';
import { packageExtension } from './package.mjs';

const DISPLAY_NAME = 'News Annotator';
const FIRST_SEED = '000_fc681af9c8dd27c5.txt';
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** One fresh workbench: open a seed (activating the extension), then read the Running Extensions editor. */
async function measureOnce(entry, vsix) {
  const scratch = mkdtempSync(join(tmpdir(), 'news-annotator-activation-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'fixtures'), workspace, { recursive: true });
  const dirs = codeServerDirs(scratch);
  installVsix(entry, dirs, vsix);
  let server;
  let browser;
  try {
    server = await startCodeServer(entry, dirs);
    let page;
    ({ browser, page } = await launchBrowser());
    await page.goto(workbenchUrl(server.url, { folder: workspace }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    await openFile(page, FIRST_SEED);
    await statusBarText(page, 'status.editor.mode', 'News Article');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.insertText('Show Running Extensions');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Show Running Extensions' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: DISPLAY_NAME }).first();
    return await withTimeout((async () => {
      for (;;) {
        const text = await row.innerText().catch(() => '');
        const match = /(Startup )?Activation: (\d+)\s*ms/.exec(text);
        if (match) return { ms: Number(match[2]), startup: Boolean(match[1]) };
        await delay(250);
      }
    })(), 60_000, `the Running Extensions editor to show ${DISPLAY_NAME}'s activation time`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { vsix: { type: 'string' }, runs: { type: 'string', default: '1' } } });
  ensureDebianPackages();
  const entry = await ensureCodeServer();
  const vsix = values.vsix ? resolve(values.vsix) : await packageExtension();
  if (!existsSync(vsix)) throw new Error(`no VSIX at ${vsix}`);
  for (let run = 0; run < Number(values.runs); run++) {
    const { ms, startup } = await measureOnce(entry, vsix);
    console.log(`activation: ${ms} ms${startup ? ' (at start-up)' : ''}`);
  }
}

main().catch((error) => fail(`activation measurement failed: ${error?.message ?? error}`));
