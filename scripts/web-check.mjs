// `npm run test:web`: the browser entry (dist/web/extension.js) in VS Code's web-worker extension host.
// Installs a web-only copy of the extension (its package.json has `browser` and no `main`, so VS Code
// OSS (code-server) can run it nowhere but in the browser's web worker), opens a temp copy of
// test/fixtures/ in headless Chromium and asserts what a person would see: the first seed in the
// News Article language mode, its headline in the Outline view (document symbols from the extension),
// semantic tokens on a person's name, the Articles view listing both seeds by outlet, and no error
// from the extension host (the page's and the worker's console are collected).
// Uses dist/ as it is: run `npm run build` first (`npm test` does through `pretest`).
// Options: --bundle FILE installs FILE as the browser bundle instead (to see the check fail on a broken one).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDebianPackages } from './lib/prerequisites.mjs';
import { codeServerDirs, ensureCodeServer, REPO_ROOT, startCodeServer } from './lib/code-server.mjs';
import { launchBrowser, workbenchUrl } from './lib/browser.mjs';
import { expandView, openFile, openViewContainer, revealText, statusBarText, waitForWorkbench } from './lib/workbench.mjs';
import { fail, step, withTimeout } from './lib/log.mjs';

const FIRST_SEED = '000_fc681af9c8dd27c5.txt';
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** What the web-only copy holds: the browser bundle and the files it reads at run time. */
const SHIPPED = ['dist/web', 'syntaxes', 'models', 'samples', 'language-configuration.json', 'media/icon.png', 'media/news.svg'];

/**
 * Copies the extension into `extensionsDir` as a web-only extension: `browser` kept, `main` removed,
 * so neither the Node extension host nor a fallback can run it.
 */
function installWebOnlyCopy(extensionsDir, bundleOverride) {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  if (!manifest.browser) throw new Error('package.json has no `browser` entry');
  const bundle = join(REPO_ROOT, manifest.browser);
  if (!existsSync(bundle)) throw new Error(`no ${manifest.browser}: run \`npm run build\` first`);
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  for (const path of SHIPPED) {
    if (existsSync(join(REPO_ROOT, path))) cpSync(join(REPO_ROOT, path), join(target, path), { recursive: true, filter: (source) => !source.endsWith('.map') });
  }
  if (bundleOverride) cpSync(bundleOverride, join(target, manifest.browser));
  delete manifest.main;
  writeFileSync(join(target, 'package.json'), JSON.stringify(manifest, null, 2));
  step(`web-only copy of ${manifest.publisher}.${manifest.name} (browser: ${manifest.browser}, no main) in ${target}`);
  return manifest;
}

/** Polls `probe` until it returns a truthy non-string value; the last string (or error) explains a timeout. */
async function waitUntil(probe, timeoutMs, what) {
  let last;
  try {
    return await withTimeout((async () => {
      for (;;) {
        last = await probe().catch((error) => error.message);
        if (last && typeof last !== 'string') return last;
        await delay(300);
      }
    })(), timeoutMs, what);
  } catch (error) {
    throw new Error(`${error.message} (last seen: ${JSON.stringify(last)})`);
  }
}

/** The text of the extension's row in the Running Extensions editor once it shows an activation time. */
async function runningExtensionRow(page, displayName) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.insertText('Show Running Extensions');
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Show Running Extensions' }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: displayName }).first();
  return waitUntil(async () => {
    const text = await row.innerText();
    return /Activation: \d+\s*ms/.test(text) ? [text] : text;
  }, 30_000, `the Running Extensions editor to show ${displayName} activated`).then(([text]) => text);
}

async function main() {
  const { values: options } = parseArgs({ options: { bundle: { type: 'string' } } });
  ensureDebianPackages();
  const entry = await ensureCodeServer();
  const scratch = mkdtempSync(join(tmpdir(), 'news-annotator-web-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'fixtures'), workspace, { recursive: true });
  const dirs = codeServerDirs(scratch);
  const manifest = installWebOnlyCopy(dirs.extensionsDir, options.bundle && resolve(options.bundle));
  const headline = readFileSync(join(workspace, FIRST_SEED), 'utf8').split('\n')[0].trim();

  // Everything the page and its workers print: the web-worker extension host logs into both.
  const consoleLines = [];
  const workerUrls = [];
  let server;
  let browser;
  let page;
  try {
    server = await startCodeServer(entry, dirs);
    step(`web check: VS Code OSS on ${server.url}, folder ${workspace}`);
    ({ browser, page } = await launchBrowser());
    page.on('console', (message) => consoleLines.push({ where: 'page', type: message.type(), text: message.text() }));
    page.on('pageerror', (error) => consoleLines.push({ where: 'page', type: 'error', text: String(error) }));
    const watchWorker = (worker) => {
      workerUrls.push(worker.url());
      worker.on('console', (message) => consoleLines.push({ where: 'worker', type: message.type(), text: message.text() }));
    };
    page.on('worker', watchWorker);
    await page.goto(workbenchUrl(server.url, { folder: workspace }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);

    step('web check: the first seed opens as a News Article');
    await openFile(page, FIRST_SEED);
    step(`  language mode: ${await statusBarText(page, 'status.editor.mode', 'News Article')}`);

    step('web check: the Outline view shows the headline (document symbols from the web extension)');
    const outline = await expandView(page, 'Outline');
    const outlineLabels = await waitUntil(async () => {
      const labels = await outline.allInnerTexts();
      return labels.some((label) => label.includes(headline.slice(0, 40))) ? labels : JSON.stringify(labels);
    }, 30_000, 'the headline in the Outline view');
    step(`  outline: ${outlineLabels.length} rows, the first "${outlineLabels[0]}"`);

    step('web check: semantic tokens colour a person (analysis with the model read through workspace.fs)');
    await revealText(page, 'Ren Zhengfei');
    // A semantic token gives the name its own token span; the grammar alone leaves it inside plain text.
    const tokenClass = await waitUntil(() => page.evaluate(() => {
      const spans = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line span span')];
      const span = spans.find((s) => (s.textContent ?? '').replace(/\u00a0/g, ' ').trim() === 'Ren Zhengfei');
      return span ? { className: span.className, colour: getComputedStyle(span).color } : undefined;
    }), 60_000, 'a token span of exactly "Ren Zhengfei"');
    step(`  "Ren Zhengfei" token: ${tokenClass.className} ${tokenClass.colour}`);

    step('web check: the News Articles view lists both seeds by outlet');
    await page.mouse.move(10, 10);
    await openViewContainer(page, 'News');
    const rows = await expandView(page, 'Articles');
    const articleLabels = await waitUntil(async () => {
      const labels = await rows.allInnerTexts();
      return ['Free America Network', 'The Epoch Times'].every((outlet) => labels.some((label) => label.includes(outlet))) ? labels : JSON.stringify(labels);
    }, 60_000, 'both outlets in the Articles view');
    step(`  articles view: ${JSON.stringify(articleLabels)}`);

    step('web check: Running Extensions shows News Annotator in the web worker, activated');
    const running = await runningExtensionRow(page, manifest.displayName);
    if (!/web worker/i.test(running)) throw new Error(`Running Extensions does not place ${manifest.displayName} in the web worker: ${JSON.stringify(running)}`);
    step(`  running extensions row: ${JSON.stringify(running.replace(/\s+/g, ' '))}`);

    step('web check: the extension host reported no error');
    if (!workerUrls.length) throw new Error('no web worker was seen: the web extension host did not start');
    step(`  workers: ${workerUrls.map((url) => url.slice(0, 100)).join(', ')}`);
    const ours = consoleLines.filter((line) => /news-annotator|newsAnnotator|News Annotator/i.test(line.text));
    const errors = ours.filter((line) => line.type === 'error' || /\b(error|failed|exception)\b/i.test(line.text));
    for (const line of ours) step(`  console (${line.where}, ${line.type}): ${line.text.slice(0, 300)}`);
    if (errors.length) throw new Error(`the extension host reported errors:\n  ${errors.map((line) => line.text.slice(0, 500)).join('\n  ')}`);
    step(`web check passed: ${manifest.browser} in the web-worker extension host (${consoleLines.length} console lines collected, none an error of the extension)`);
  } catch (error) {
    if (page) {
      const failure = join(REPO_ROOT, '.vscode-test', 'web-failure.png');
      await page.screenshot({ path: failure }).then(() => step(`failure screenshot: ${failure}`), () => {});
    }
    for (const line of consoleLines.filter((l) => l.type === 'error' || l.type === 'warning')) step(`  console (${line.where}, ${line.type}): ${line.text.slice(0, 400)}`);
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => fail(`web check FAILED: ${error?.message ?? error}`));
