// `npm run e2e` (part of `npm test`): what a person sees. Packages the VSIX, installs it into VS Code
// OSS (code-server), opens a temp copy of test/fixtures/ in headless Chromium and walks through the
// STEPS below, asserting on the page and saving a screenshot after each into media/screenshots/
// (override with NEWS_ANNOTATOR_SCREENSHOTS_DIR). A failure saves .vscode-test/e2e-failure.png.
// A step runs when its `when(manifest, bundle)` holds, so steps for features that have not landed yet
// wait for them (a contributed view, a registered hover provider) instead of failing.
// Options: --vsix FILE reuses a packaged VSIX instead of packaging.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDebianPackages } from './lib/prerequisites.mjs';
import { codeServerDirs, ensureCodeServer, installVsix, REPO_ROOT, startCodeServer } from './lib/code-server.mjs';
import { launchBrowser, workbenchUrl } from './lib/browser.mjs';
import { expandView, hoverText, openFile, openViewContainer, statusBarText, waitForSettledUi, waitForWorkbench } from './lib/workbench.mjs';
import { fail, step, withTimeout } from './lib/log.mjs';
import { packageExtension } from './package.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

const FIRST_SEED = '000_fc681af9c8dd27c5.txt';
const OTHER_SEED = '001_ef6bbce3734ab0e1.txt';
const SCREENSHOTS = resolve(process.env.NEWS_ANNOTATOR_SCREENSHOTS_DIR ?? join(REPO_ROOT, 'media', 'screenshots'));
const STEP_TIMEOUT_MS = 120_000;

const always = () => true;
/** Whether an activity-bar container titled `container` contributes a view named `view` (as the UI shows them). */
const contributesView = (container, view) => (manifest) => {
  const ids = (manifest.contributes?.viewsContainers?.activitybar ?? []).filter((c) => c.title === container).map((c) => c.id);
  return ids.some((id) => (manifest.contributes?.views?.[id] ?? []).some((v) => v.name === view));
};

/**
 * What the end-to-end run does, in order. Each step gets the page, asserts by throwing, and names the
 * screenshot to save after it (or none); `after` (optional) runs once the screenshot is taken. Add steps here as features land.
 */
const STEPS = [
  {
    name: 'the first seed opens as a News Article',
    when: always,
    screenshot: '01-article.png',
    async run(page) {
      await openFile(page, FIRST_SEED);
      const mode = await statusBarText(page, 'status.editor.mode', 'News Article');
      step(`  language mode in the status bar: ${mode}`);
    },
  },
  {
    name: 'the Outline view shows the article structure',
    when: (_manifest, bundle) => bundle.includes('registerDocumentSymbolProvider'),
    screenshot: '02-outline.png',
    async run(page) {
      const rows = await expandView(page, 'Outline');
      const headline = readFileSync(join(REPO_ROOT, 'test', 'fixtures', FIRST_SEED), 'utf8').split('\n')[0].trim();
      const labels = await rows.allInnerTexts();
      if (!labels.some((label) => label.includes(headline.slice(0, 40)))) throw new Error(`the Outline view does not show the headline: ${JSON.stringify(labels)}`);
    },
  },
  {
    name: 'hovering a person shows a card naming the other article',
    when: (_manifest, bundle) => bundle.includes('registerHoverProvider'),
    screenshot: '03-hover-person.png',
    async run(page) {
      const hover = await hoverText(page, 'Ren Zhengfei');
      const text = await hover.innerText();
      if (!text.includes('Ren Zhengfei')) throw new Error(`the hover does not name Ren Zhengfei: ${JSON.stringify(text)}`);
      const otherHeadline = readFileSync(join(REPO_ROOT, 'test', 'fixtures', OTHER_SEED), 'utf8').split('\n')[0].trim();
      if (!text.includes(otherHeadline) && !text.includes(OTHER_SEED)) {
        throw new Error(`the hover does not name the other article (${OTHER_SEED}): ${JSON.stringify(text)}`);
      }
    },
  },
  {
    name: 'the News view container lists the articles by outlet',
    when: contributesView('News', 'Articles'),
    screenshot: '04-news-articles.png',
    async run(page) {
      await page.mouse.move(10, 10);
      await openViewContainer(page, 'News');
      const rows = await expandView(page, 'Articles');
      const labels = await rows.allInnerTexts();
      for (const outlet of ['Free America Network', 'The Epoch Times']) {
        const row = labels.find((label) => label.includes(outlet));
        if (!row) throw new Error(`the Articles view does not list ${outlet}: ${JSON.stringify(labels)}`);
        if (!/(^|\D)1 article\b/.test(row)) throw new Error(`the Articles view does not count one article for ${outlet}: ${JSON.stringify(row)}`);
      }
    },
  },
  {
    name: 'the Entities view lists Ren Zhengfei',
    when: contributesView('News', 'Entities'),
    screenshot: '05-news-entities.png',
    async run(page) {
      await openViewContainer(page, 'News');
      const rows = await expandView(page, 'Entities');
      const people = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: 'People' }).first();
      if (await people.count() && (await people.getAttribute('aria-expanded')) === 'false') await people.click();
      const labels = await withTimeout((async () => {
        for (;;) {
          const texts = await rows.allInnerTexts();
          if (texts.some((t) => t.includes('Ren Zhengfei'))) return texts;
          await new Promise((r) => setTimeout(r, 300));
        }
      })(), 20_000, 'Ren Zhengfei in the Entities view').catch(async () => rows.allInnerTexts());
      const row = labels.find((label) => label.includes('Ren Zhengfei'));
      if (!row) throw new Error(`the Entities view does not list Ren Zhengfei: ${JSON.stringify(labels)}`);
      if (!/(^|\D)2 articles\b/.test(row)) throw new Error(`the Entities view does not count 2 articles for Ren Zhengfei: ${JSON.stringify(row)}`);
    },
  },
  {
    name: 'an entity\'s context menu offers the corrections',
    when: (manifest) => (manifest.contributes?.menus?.['view/item/context'] ?? []).some((m) => m.command === 'newsAnnotator.entity.mergeWith'),
    screenshot: '06-entity-menu.png',
    async run(page) {
      const row = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: 'Ren Zhengfei' }).first();
      await row.click({ button: 'right' });
      const items = page.locator('.context-view .monaco-menu .action-label');
      await items.first().waitFor({ state: 'visible', timeout: 10_000 });
      const labels = (await items.allInnerTexts()).map((t) => t.trim()).filter((t) => t);
      // The `when` clauses at work: a person is offered the other types, not "Mark as Person".
      for (const wanted of ['Merge with…', 'Rename…', 'Mark as Organization', 'Mark as Place', 'Not an Entity', 'Copy Name']) {
        if (!labels.includes(wanted)) throw new Error(`the entity menu lacks "${wanted}": ${JSON.stringify(labels)}`);
      }
      if (labels.includes('Mark as Person')) throw new Error(`a person's menu offers "Mark as Person": ${JSON.stringify(labels)}`);
    },
    async after(page) {
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the Quotes view groups the statement both outlets quote',
    when: contributesView('News', 'Quotes'),
    screenshot: '07-news-quotes.png',
    async run(page) {
      await openViewContainer(page, 'News');
      // Room for the quotes: fold the views above.
      for (const title of ['Articles', 'Entities']) {
        const header = page.locator('.part.sidebar .pane-header').filter({ hasText: title }).first();
        if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
      }
      const rows = await expandView(page, 'Quotes');
      const speaker = rows.filter({ hasText: 'Ren Zhengfei' }).first();
      await speaker.waitFor({ state: 'visible', timeout: 20_000 });
      if ((await speaker.getAttribute('aria-expanded')) === 'false') await speaker.click();
      await page.mouse.move(700, 12, { steps: 4 });
      const shared = rows.filter({ hasText: '2 outlets' }).first();
      await shared.waitFor({ state: 'visible', timeout: 10_000 });
      const text = await shared.innerText();
      // The label is cut at 80 characters: the statement opens with the foreign ministry, then Ren's words.
      if (!/no law in Ch/i.test(text) || !/2 articles/.test(text)) throw new Error(`the statement quoted by both outlets is not the no-law one: ${JSON.stringify(text)}`);
      await shared.click();
      await page.mouse.move(700, 12, { steps: 4 });
    },
  },
  {
    name: 'a quote tracked as a claim and given a verdict shows in the Claims view with its appearances',
    when: contributesView('News', 'Claims'),
    screenshot: '08-news-claims.png',
    async run(page) {
      // The Quotes view is open on the statement both outlets quote (the step before): the context menu
      // of its rendering in The Epoch Times tracks it.
      const occurrence = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: 'The Epoch Times' }).filter({ hasText: OTHER_SEED.slice(0, 8) }).first();
      await occurrence.waitFor({ state: 'visible', timeout: 10_000 });
      await occurrence.click({ button: 'right' });
      const track = page.locator('.context-view .monaco-menu .action-label').filter({ hasText: 'Track as Claim…' }).first();
      await track.waitFor({ state: 'visible', timeout: 10_000 });
      // The menu runs the item under the pointer on Enter as on a click (a click alone can land while it animates in).
      await track.hover();
      await page.keyboard.press('Enter');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill('Check the 2015 counter-espionage law');
      await page.keyboard.press('Enter');
      // Stored (the status bar says so) before it is given a verdict.
      await page.locator('.part.statusbar').filter({ hasText: 'claim tracked' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      // Give Verdict… from the command palette: the claim, then a label of the rating scale.
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await input.fill('>News: Give Verdict');
      await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Give Verdict' }).first().waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      // Asked which claim unless the cursor is on it (opening the quote put it there): then straight to the verdicts.
      const title = page.locator('.quick-input-widget .quick-input-title');
      const asked = await withTimeout((async () => {
        for (;;) {
          const text = (await title.isVisible()) ? await title.innerText() : '';
          if (text.startsWith('Verdict on')) return 'verdict';
          if (text.includes('which claim')) return 'claim';
          await new Promise((r) => setTimeout(r, 200));
        }
      })(), 10_000, 'the verdict picker');
      if (asked === 'claim') {
        await page.keyboard.press('Enter');
        await title.filter({ hasText: 'Verdict on' }).waitFor({ state: 'visible' });
      }
      const verdictRow = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Mostly false' }).first();
      await verdictRow.waitFor({ state: 'visible' });
      await input.fill('Mostly false');
      await page.keyboard.press('Enter');
      // The new comment thread opens the Comments panel: close it for the picture.
      const panel = page.locator('.part.panel');
      if (await panel.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
        await page.keyboard.press('F1');
        await input.fill('>Hide Panel');
        const hide = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /(Hide|Close) Panel/ }).first();
        if (await hide.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) await page.keyboard.press('Enter');
        else await page.keyboard.press('Escape');
        await panel.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
      }
      // Room for the claims: fold the Quotes view, open Claims, expand the claim to its appearances.
      const quotes = page.locator('.part.sidebar .pane-header').filter({ hasText: 'Quotes' }).first();
      if ((await quotes.getAttribute('aria-expanded')) === 'true') await quotes.click();
      const rows = await expandView(page, 'Claims');
      const claim = rows.filter({ hasText: 'Mostly false' }).first();
      await claim.waitFor({ state: 'visible', timeout: 20_000 });
      // A click opens the claim's passage; its twistie shows the appearances.
      if ((await claim.getAttribute('aria-expanded')) === 'false') await claim.locator('.monaco-tl-twistie').click();
      // A wider side bar, so the claim's verdict, claimant and date show beside it.
      const sidebar = await page.locator('.part.sidebar').boundingBox();
      if (sidebar) {
        await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + sidebar.height / 2);
        await page.mouse.down();
        await page.mouse.move(sidebar.x + sidebar.width + 380, sidebar.y + sidebar.height / 2, { steps: 8 });
        await page.mouse.up();
      }
      await rows.filter({ hasText: 'first appearance' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      const text = await claim.innerText();
      if (!/no law in China/i.test(text) || !text.includes('Ren Zhengfei') || !text.includes('2019-01-15')) throw new Error(`the claim row does not show its claimant and date: ${JSON.stringify(text)}`);
      await page.mouse.move(700, 12, { steps: 4 });
    },
  },
];

async function main() {
  const { values: options } = parseArgs({ options: { vsix: { type: 'string' } } });
  ensureDebianPackages();
  const entry = await ensureCodeServer();
  const vsix = options.vsix ? resolve(options.vsix) : await packageExtension();
  if (!existsSync(vsix)) throw new Error(`no VSIX at ${vsix}`);
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const bundle = readFileSync(join(REPO_ROOT, 'dist', 'extension.js'), 'utf8');

  const scratch = mkdtempSync(join(tmpdir(), 'news-annotator-e2e-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'fixtures'), workspace, { recursive: true });
  // Pictures for the README: wrapped prose, no minimap, no cursor-word highlight.
  const dirs = codeServerDirs(scratch, { settings: { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false, 'editor.occurrencesHighlight': 'off', 'editor.cursorBlinking': 'solid' } });
  installVsix(entry, dirs, vsix);
  mkdirSync(SCREENSHOTS, { recursive: true });

  let server;
  let browser;
  let page;
  try {
    server = await startCodeServer(entry, dirs);
    step(`e2e: VS Code OSS on ${server.url} with ${vsix} installed, folder ${workspace}`);
    ({ browser, page } = await launchBrowser());
    await page.goto(workbenchUrl(server.url, { folder: workspace }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitForWorkbench(page);
    let ran = 0;
    for (const current of STEPS) {
      if (!current.when(manifest, bundle)) {
        step(`e2e: skipped (feature not contributed yet): ${current.name}`);
        continue;
      }
      step(`e2e: ${current.name}`);
      await withTimeout(current.run(page), STEP_TIMEOUT_MS, `e2e step "${current.name}"`);
      if (current.screenshot) {
        const file = join(SCREENSHOTS, current.screenshot);
        await waitForSettledUi(page);
        const written = saveScreenshot(file, await page.screenshot());
        step(`  screenshot: ${file}${written ? '' : ' (unchanged)'}`);
      }
      await current.after?.(page);
      ran++;
    }
    step(`e2e passed: ${ran} of ${STEPS.length} steps ran`);
  } catch (error) {
    if (page) {
      const failure = join(REPO_ROOT, '.vscode-test', 'e2e-failure.png');
      await page.screenshot({ path: failure }).then(() => step(`failure screenshot: ${failure}`), () => {});
    }
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => fail(`end-to-end check FAILED: ${error?.message ?? error}`));
