// `npm run e2e` (part of `npm test`): what a person sees. Packages the VSIX, installs it into VS Code
// OSS (code-server), opens a temp copy of test/fixtures/ in headless Chromium and walks through the
// STEPS below, asserting on the page and saving a screenshot after each into .vscode-test/screenshots/
// (ignored by git), or into media/screenshots/ for the README with --screenshots (or
// NEWS_ANNOTATOR_SCREENSHOTS=1; NEWS_ANNOTATOR_SCREENSHOTS_DIR names another folder), so a test run
// never changes a committed picture. A failure saves .vscode-test/e2e-failure.png.
// A step runs when its `when(manifest, bundle)` holds, so steps for features that have not landed yet
// wait for them (a contributed view, a registered hover provider) instead of failing.
// Options: --vsix FILE reuses a packaged VSIX instead of packaging; --screenshots (see above);
// --keep-going runs the steps after a failed one too (each later step then starts from where the
// failed one left the page) and reports every failure at the end.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDebianPackages } from './lib/prerequisites.mjs';
import { codeServerDirs, ensureCodeServer, installVsix, REPO_ROOT, startCodeServer } from './lib/code-server.mjs';
import { launchBrowser, workbenchUrl } from './lib/browser.mjs';
import { expandView, hoverText, hoverUntil, openFile, openViewContainer, statusBarText, waitForSettledUi, waitForWorkbench } from './lib/workbench.mjs';
import { fail, step, withTimeout } from './lib/log.mjs';
import { packageExtension } from './package.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';
import { CORPUS_STEPS, runCorpusPicturesOnBbc } from './lib/corpusPictures.mjs';

const FIRST_SEED = '000_fc681af9c8dd27c5.txt';
const OTHER_SEED = '001_ef6bbce3734ab0e1.txt';
const { values: options } = parseArgs({ options: { vsix: { type: 'string' }, screenshots: { type: 'boolean', default: false }, 'keep-going': { type: 'boolean', default: false } } });
const FOR_README = options.screenshots || process.env.NEWS_ANNOTATOR_SCREENSHOTS === '1';
const SCREENSHOTS = resolve(process.env.NEWS_ANNOTATOR_SCREENSHOTS_DIR ?? join(REPO_ROOT, ...(FOR_README ? ['media', 'screenshots'] : ['.vscode-test', 'screenshots'])));
const STEP_TIMEOUT_MS = 120_000;
/** From the article's tab showing to a hover card that names the other seed (issue 13: was 3.5-7.5 s). */
const FULL_HOVER_WITHIN_MS = 1_500;
/**
 * Past the goal the run warns; it fails past this many times the goal. On an idle 2-core machine the
 * card came 0.80-0.81 s after the tab showed in three runs and 3.06 s in a fourth (the hover provider
 * answered late, not the index), so a timed bar at the goal itself would make the run flaky; the
 * code before this bar took 3.5-7.5 s and showed a bare card without "indexing" first, which fails
 * the step anyway. bench/firstHover.bench.ts gives the figures side by side with a baseline.
 */
const FULL_HOVER_FAILS_AT = 3;
/**
 * The bar holds on a machine with a core for each runnable process; on a shared machine whose load
 * exceeds its cores (measured at 20 on 2 cores while other test runs shared it, when the same build
 * took 3.7 s) it stretches by load per core, so a busy CI box does not fail the run for it.
 */
function fullHoverLimitMs() {
  const perCore = (loadavg()[0] ?? 0) / availableParallelism();
  return Math.round(FULL_HOVER_WITHIN_MS * Math.max(1, perCore));
}

/** The first line of a seed. */
const headlineOf = (seed) => readFileSync(join(REPO_ROOT, 'test', 'fixtures', seed), 'utf8').split('\n')[0].trim();

/** Two pairs of quotation marks around one quote (the hover used to add its own to the text's). */
const DOUBLED_MARKS = /[“"]\s*[“"]|[”"]\s*[”"]/;

/** Records every text the status bar's language entry shows from now on, with its time (Date.now()). */
async function recordLanguageMode(page) {
  await page.evaluate(() => {
    const seen = [];
    window.__newsLanguageModes = seen;
    const record = () => {
      const text = document.querySelector('.part.statusbar [id="status.editor.mode"]')?.textContent?.trim() ?? '';
      if (text && seen[seen.length - 1]?.text !== text) seen.push({ at: Date.now(), text });
    };
    record();
    new MutationObserver(record).observe(document.querySelector('.part.statusbar') ?? document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** Closes the bottom panel if it shows within `waitMs` (the palette's Hide Panel). */
async function hidePanel(page, waitMs) {
  const panel = page.locator('.part.panel');
  if (!(await panel.waitFor({ state: 'visible', timeout: waitMs }).then(() => true, () => false))) return;
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Hide Panel');
  const hide = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /(Hide|Close) Panel/ }).first();
  if (await hide.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) await page.keyboard.press('Enter');
  else await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

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
    // First, on a fresh window: nothing has started the index yet.
    name: 'opening an article: News Article in the status bar throughout, a full cross-file hover card within 1.5 s, "indexing" before',
    when: (_manifest, bundle) => bundle.includes('registerHoverProvider'),
    screenshot: '14-hover-first-seconds.png',
    async run(page) {
      await recordLanguageMode(page);
      const activeAt = await openFile(page, FIRST_SEED);
      const other = headlineOf(OTHER_SEED);
      const { readyAt, cards } = await hoverUntil(page, 'Ren Zhengfei', (card) => card.includes(other) || card.includes(OTHER_SEED), {
        async onPartial(card) {
          if (!/indexing/i.test(card)) throw new Error(`a hover before the card names the other article does not say the index is being built: ${JSON.stringify(card)}`);
          if (FOR_README) saveScreenshot(join(SCREENSHOTS, '15-hover-indexing.png'), await page.screenshot());
        },
      });
      for (const card of cards) step(`  hover at ${card.at - activeAt} ms: ${card.text.split('\n').filter((l) => l.trim()).slice(0, 2).join(' / ').slice(0, 90)}`);
      if (readyAt === undefined) throw new Error('no hover card named the other article within 20 s of opening the first seed');
      const limit = fullHoverLimitMs();
      step(`  full cross-file hover card ${readyAt - activeAt} ms after the article's tab showed (limit ${limit} ms: ${FULL_HOVER_WITHIN_MS} ms at load ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`);
      if (readyAt - activeAt > FULL_HOVER_FAILS_AT * limit) throw new Error(`the full hover card took ${readyAt - activeAt} ms, more than ${FULL_HOVER_FAILS_AT} times ${limit} ms`);
      if (readyAt - activeAt > limit) step(`  WARNING: the full hover card took ${readyAt - activeAt} ms, over the ${limit} ms goal`);
      const modes = await page.evaluate(() => window.__newsLanguageModes);
      step(`  language mode while opening: ${modes.map((m) => `${m.text} (${m.at - activeAt} ms)`).join(' → ')}`);
      if (!modes.length || modes.some((m) => m.text !== 'News Article')) throw new Error(`the status bar showed another language than News Article while the seed opened: ${JSON.stringify(modes)}`);
    },
    async after(page) {
      await page.mouse.move(10, 10, { steps: 2 });
    },
  },
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
      if (DOUBLED_MARKS.test(text)) throw new Error(`the hover shows a quote in two pairs of marks: ${JSON.stringify(text.match(DOUBLED_MARKS)?.[0])} in ${JSON.stringify(text)}`);
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
    screenshot: '16-news-claims.png',
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
      await hidePanel(page, 3_000);
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
    async after(page) {
      // The side bar back to its width and the Comments panel closed, so the steps after this one see
      // the editor as before.
      await hidePanel(page, 1_000);
      const sidebar = await page.locator('.part.sidebar').boundingBox();
      if (sidebar && sidebar.width > 400) {
        await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + sidebar.height / 2);
        await page.mouse.down();
        await page.mouse.move(sidebar.x + sidebar.width - 380, sidebar.y + sidebar.height / 2, { steps: 8 });
        await page.mouse.up();
      }
      await page.mouse.move(700, 12, { steps: 4 });
    },
  },
  {
    name: 'an article shows its curly apostrophes and no-break spaces without ambiguous- or invisible-character boxes, and its paragraphs wrap',
    when: always,
    screenshot: '12-article-unicode-wrap.png',
    async run(page) {
      // Room for long paragraphs: no panel under the editor (an earlier step's comment may open one).
      await hidePanel(page, 500);
      await openFile(page, OTHER_SEED);
      const seed = readFileSync(join(REPO_ROOT, 'test', 'fixtures', OTHER_SEED), 'utf8');
      const { boxes, lines } = await page.evaluate(() => {
        const editor = document.querySelector('.editor-instance .monaco-editor');
        return {
          // The class VS Code's unicode highlighter gives its decorations (the boxes).
          boxes: editor?.querySelectorAll('.unicode-highlight').length ?? -1,
          lines: [...(editor?.querySelectorAll('.view-line') ?? [])].map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')),
        };
      });
      if (!lines.some((l) => l.includes('’'))) throw new Error(`no curly apostrophe on screen to check: ${JSON.stringify(lines.slice(0, 5))}`);
      step(`  unicode-highlight boxes drawn: ${boxes}`);
      if (boxes !== 0) throw new Error(`the editor draws ${boxes} ambiguous/invisible-character box(es) on ${OTHER_SEED}`);
      // A paragraph longer than the editor is wide (200 characters; the panel may take half the height):
      // its first screen line holds only its start.
      const paragraph = seed.split('\n').map((l) => l.replace(/\u00a0/g, ' ').trim()).find((l) => l.length > 200 && lines.some((v) => v.trim().length > 20 && l.startsWith(v.trim())));
      if (!paragraph) throw new Error(`no long paragraph of ${OTHER_SEED} starts on screen`);
      const first = lines.find((v) => v.trim().length > 20 && paragraph.startsWith(v.trim())) ?? '';
      step(`  a ${paragraph.length}-character paragraph: ${first.trim().length} characters on its first screen line`);
      if (first.trim().length >= paragraph.length) throw new Error('long paragraphs do not wrap (editor.wordWrap is off for news articles)');
    },
  },
  {
    name: 'hovering a quote shows it, and the same statement in the other article, in one pair of quotation marks',
    when: (_manifest, bundle) => bundle.includes('registerHoverProvider'),
    screenshot: '13-hover-quote.png',
    async run(page) {
      await openFile(page, FIRST_SEED);
      const hover = await hoverText(page, 'officially clarified');
      const text = await hover.innerText();
      if (!/same statement elsewhere/i.test(text)) throw new Error(`the quote hover does not show the statement in the other article: ${JSON.stringify(text)}`);
      if (!text.includes('“')) throw new Error(`the quote hover shows no quotation: ${JSON.stringify(text)}`);
      if (DOUBLED_MARKS.test(text)) throw new Error(`the quote hover shows a quote in two pairs of marks: ${JSON.stringify(text.match(DOUBLED_MARKS)?.[0])} in ${JSON.stringify(text)}`);
    },
  },
  ...CORPUS_STEPS,
];

/** `git status --porcelain` of the checkout (tracked and untracked, ignored files aside), or undefined outside git. */
function gitStatus() {
  const result = spawnSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

async function main() {
  ensureDebianPackages();
  const statusBefore = FOR_README ? undefined : gitStatus();
  const entry = await ensureCodeServer();
  const vsix = options.vsix ? resolve(options.vsix) : await packageExtension();
  if (!existsSync(vsix)) throw new Error(`no VSIX at ${vsix}`);
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const bundle = readFileSync(join(REPO_ROOT, 'dist', 'extension.js'), 'utf8');

  const scratch = mkdtempSync(join(tmpdir(), 'news-annotator-e2e-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'fixtures'), workspace, { recursive: true });
  // Pictures for the README: no minimap, no cursor-word highlight.
  // (Word wrap is the extension's own default for news articles, checked below, not set here.)
  const dirs = codeServerDirs(scratch, { settings: { 'editor.minimap.enabled': false, 'editor.occurrencesHighlight': 'off', 'editor.cursorBlinking': 'solid' } });
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
    const failures = [];
    for (const current of STEPS) {
      if (!current.when(manifest, bundle)) {
        step(`e2e: skipped (feature not contributed yet): ${current.name}`);
        continue;
      }
      step(`e2e: ${current.name}`);
      try {
        await withTimeout(current.run(page), STEP_TIMEOUT_MS, `e2e step "${current.name}"`);
      } catch (error) {
        if (!options['keep-going']) throw error;
        failures.push(`${current.name}: ${error?.message ?? error}`);
        step(`  FAILED: ${error?.message ?? error}`);
        await page.keyboard.press('Escape').catch(() => {});
        continue;
      }
      if (current.screenshot) {
        const file = join(SCREENSHOTS, current.screenshot);
        await waitForSettledUi(page);
        const written = saveScreenshot(file, await page.screenshot());
        step(`  screenshot: ${file}${written ? '' : ' (unchanged)'}`);
      }
      await current.after?.(page);
      ran++;
    }
    if (failures.length) throw new Error(`${failures.length} step(s) failed:\n${failures.join('\n')}`);
    // Last: it opens another folder (300 BBC articles) in the same page.
    ran += await runCorpusPicturesOnBbc(page, { serverUrl: server.url, scratch, manifest, screenshots: SCREENSHOTS });
    // What a run leaves behind: nothing in the checkout (screenshots go to an ignored folder), and
    // VS Code's sockets inside the scratch folder removed below, not in /tmp.
    const statusAfter = statusBefore === undefined ? undefined : gitStatus();
    if (statusAfter !== statusBefore) throw new Error(`the run changed the checkout:\n${statusAfter}`);
    const sockets = readdirSync(dirs.tmp).filter((name) => /^vscode-.*\.sock$/.test(name));
    step(`  VS Code's sockets in the run's own temp folder: ${sockets.length}`);
    if (!sockets.length) throw new Error(`VS Code OSS put no socket in ${dirs.tmp}: its temp files go elsewhere (/tmp?)`);
    step(`e2e passed: ${ran} of ${STEPS.length + 2} steps ran`);
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
    // VS Code's TypeScript server can outlive the stopped server by a moment and make its temp folder
    // (inside the scratch folder) again: seen once after a passing run.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => fail(`end-to-end check FAILED: ${error?.message ?? error}`));
