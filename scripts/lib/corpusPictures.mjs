// End-to-end steps for "Seeing a corpus": the timeline and the entity graph, on the seeds (steps in
// e2e.mjs's list) and on 300 BBC articles (../shared/eval/data/bbc, the first 60 of each category,
// copied as *.news.txt into a folder of the run's scratch space and opened in the same browser page).
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './code-server.mjs';
import { workbenchUrl } from './browser.mjs';
import { waitForSettledUi, waitForWorkbench } from './workbench.mjs';
import { step, withTimeout } from './log.mjs';
import { saveScreenshot } from './screenshots.mjs';

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const BBC = join(REPO_ROOT, '..', 'shared', 'eval', 'data', 'bbc');
const contributes = (command) => (manifest) => (manifest.contributes?.commands ?? []).some((c) => c.command === command);

/** Runs a command by its title through the command palette. */
async function runCommand(page, title) {
  // Focus the workbench from the title bar: a click in the editor area could land on a picture's item.
  await page.mouse.click(700, 12);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ state: 'visible' });
  await delay(300);
  await page.keyboard.press('Enter');
}

/** The page inside the active webview panel (VS Code nests it in two frames). */
function webviewFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Waits until the picture's status line matches `pattern`, then returns it. */
async function summary(frame, pattern, what) {
  const status = frame.locator('#summary');
  return withTimeout((async () => {
    for (;;) {
      const text = await status.innerText().catch(() => '');
      if (pattern.test(text)) return text;
      await delay(300);
    }
  })(), 60_000, what);
}

async function showTimeline(page, itemsPattern) {
  await runCommand(page, 'News: Show Timeline');
  const frame = webviewFrame(page);
  const text = await summary(frame, itemsPattern, 'the timeline to draw its items');
  const items = await frame.locator('svg .item').count();
  if (!items) throw new Error(`the timeline draws no item (${text})`);
  const listed = await frame.locator('#list li button').count();
  if (!listed) throw new Error('the timeline lists no item for keyboard and screen-reader use');
  step(`  timeline: ${text}; ${items} items drawn, ${listed} listed`);
  await page.mouse.move(700, 12, { steps: 4 });
  return frame;
}

async function showGraph(page, nodesPattern) {
  await runCommand(page, 'News: Show Entity Graph');
  const frame = webviewFrame(page);
  const text = await summary(frame, nodesPattern, 'the entity graph to draw its nodes');
  const nodes = await frame.locator('svg .node').count();
  const rows = await frame.locator('#list tbody tr').count();
  if (!nodes || nodes !== rows) throw new Error(`the graph draws ${nodes} nodes and lists ${rows} (${text})`);
  step(`  entity graph: ${text}; ${nodes} nodes, each in the table`);
  await page.mouse.move(700, 12, { steps: 4 });
  return frame;
}

/** Steps on the seeds, run in e2e.mjs's list. */
export const CORPUS_STEPS = [
  {
    name: 'the timeline shows the seeds by outlet and their dated events',
    when: contributes('newsAnnotator.showTimeline'),
    screenshot: '08-timeline.png',
    async run(page) {
      await page.keyboard.press('Escape');
      const frame = await showTimeline(page, /[1-9]\d* of \d+ dated items/);
      const lanes = await frame.locator('svg .lane-label').allTextContents();
      for (const outlet of ['The Epoch Times']) {
        if (!lanes.some((l) => l.includes(outlet.slice(0, 20)))) throw new Error(`the timeline has no lane for ${outlet}: ${JSON.stringify(lanes)}`);
      }
    },
  },
  {
    name: 'the entity graph links Ren Zhengfei and Huawei',
    when: contributes('newsAnnotator.showEntityGraph'),
    screenshot: '09-entity-graph.png',
    async run(page) {
      const frame = await showGraph(page, /[1-9]\d* of \d+ entities/);
      const names = await frame.locator('#list tbody tr td:first-child').allInnerTexts();
      for (const name of ['Ren Zhengfei', 'Huawei']) if (!names.includes(name)) throw new Error(`the graph does not list ${name}: ${JSON.stringify(names.slice(0, 20))}`);
    },
  },
];

/**
 * Opens a folder of 300 BBC articles in the same page and shows both pictures there, saving
 * screenshots. Returns how many steps ran (0 when the BBC data or the commands are not there).
 */
export async function runCorpusPicturesOnBbc(page, { serverUrl, scratch, manifest, screenshots }) {
  if (!existsSync(BBC) || !contributes('newsAnnotator.showTimeline')(manifest)) {
    step('e2e: skipped (no BBC data beside the repository, or no timeline): the pictures on 300 BBC articles');
    return 0;
  }
  const folder = join(scratch, 'bbc-300');
  for (const category of readdirSync(BBC).filter((d) => !d.includes('.')).sort()) {
    mkdirSync(join(folder, category), { recursive: true });
    for (const name of readdirSync(join(BBC, category)).sort().slice(0, 60)) cpSync(join(BBC, category, name), join(folder, category, name.replace(/\.txt$/, '.news.txt')));
  }
  step(`e2e: the timeline and the entity graph on 300 BBC articles (${folder})`);
  await page.goto(workbenchUrl(serverUrl, { folder }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await waitForWorkbench(page);
  const shots = [
    ['10-timeline-bbc.png', () => showTimeline(page, /[1-9]\d* of \d+ dated items in view · 300 undated articles/)],
    ['11-entity-graph-bbc.png', () => showGraph(page, /60 of [1-9]\d{2,} entities/)],
  ];
  for (const [file, show] of shots) {
    await withTimeout(show(), 180_000, `e2e step ${file}`);
    await waitForSettledUi(page);
    const written = saveScreenshot(join(screenshots, file), await page.screenshot());
    step(`  screenshot: ${join(screenshots, file)}${written ? '' : ' (unchanged)'}`);
  }
  return shots.length;
}
