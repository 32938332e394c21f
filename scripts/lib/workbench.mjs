// Page helpers for driving the VS Code workbench in Chromium: what a person does (quick open, find,
// hover with a real pointer path, open a view container, expand a view) and what they see.
import { withTimeout } from './log.mjs';

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the workbench is up with the folder's explorer shown. */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  // Let the first extension host round-trip settle (status bar entries, decorations).
  await delay(1_500);
}

/**
 * Opens a workspace file by name through Quick Open, and waits for its editor tab to be active.
 * @returns {Promise<number>} when (Date.now()) the tab became active
 */
export async function openFile(page, fileName) {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
  await delay(300);
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor({ state: 'visible' });
  const activeAt = Date.now();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
  await delay(500);
  return activeAt;
}

/** The text of a status bar entry by its id (for example `status.editor.mode`). */
export async function statusBarText(page, id, expected, timeoutMs = 20_000) {
  const item = page.locator(`.part.statusbar [id="${id}"]`);
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  if (expected !== undefined) {
    await withTimeout((async () => {
      while (!(await item.innerText()).includes(expected)) await delay(200);
    })(), timeoutMs, `status bar entry ${id} to show "${expected}"`).catch(async (error) => {
      throw new Error(`${error.message}; it shows "${await item.innerText()}"`);
    });
  }
  return (await item.innerText()).trim();
}

/** Moves the editor to the first occurrence of `text` (Find, then Escape) so it is on screen. */
export async function revealText(page, text) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+F');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await delay(300);
  // Close the find widget so it neither covers the text nor shows in screenshots.
  const findWidget = page.locator('.editor-instance .find-widget.visible');
  await findWidget.locator('.codicon-widget-close').first().click({ timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
  await findWidget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  await delay(300);
}

/** The on-screen centre of the first rendered occurrence of `text` in the active editor. */
export async function textCentre(page, text) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
      // Monaco renders spaces as no-break spaces; same length, so offsets still line up.
      const content = (line.textContent ?? '').replace(/\u00a0/g, ' ');
      const at = content.indexOf(needle);
      if (at < 0) continue;
      // Map the character offset onto the text nodes of the tokenised line.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (!started && at < seen + length) { range.setStart(node, at - seen); started = true; }
        if (started && at + needle.length <= seen + length) { range.setEnd(node, at + needle.length - seen); break; }
        seen += length;
      }
      const rect = range.getBoundingClientRect();
      return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
    }
    return undefined;
  }, text);
}

/**
 * Hovers `text` in the active editor with a real pointer path (VS Code ignores teleported pointers)
 * and returns the hover widget once it shows, retrying a few times.
 */
export async function hoverText(page, text) {
  await revealText(page, text);
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  for (let attempt = 0; attempt < 4; attempt++) {
    const centre = await textCentre(page, text);
    if (!centre) throw new Error(`"${text}" is not rendered in the active editor`);
    await page.mouse.move(centre.x - 60, centre.y + 40, { steps: 2 });
    await page.mouse.move(centre.x, centre.y, { steps: 8 });
    try {
      await hover.waitFor({ state: 'visible', timeout: 4_000 });
      await delay(400); // the hover fades in
      return hover;
    } catch {
      await page.mouse.move(10, 10, { steps: 4 });
    }
  }
  throw new Error(`no hover appeared over "${text}"`);
}

/**
 * Hovers `text` (on screen in the active editor) again and again until `isFull(cardText)` holds or
 * `timeoutMs` pass, calling `onPartial(cardText)` for each other card (it may throw). Returns when
 * the full card was asked for (the pointer came to rest on the text; Date.now()) and every card seen
 * with its time, or readyAt undefined on timeout.
 */
export async function hoverUntil(page, text, isFull, { timeoutMs = 20_000, onPartial = async () => {} } = {}) {
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  const started = Date.now();
  const cards = [];
  while (Date.now() - started < timeoutMs) {
    const centre = await textCentre(page, text);
    if (!centre) throw new Error(`"${text}" is not on screen in the active editor`);
    await page.mouse.move(centre.x - 60, centre.y + 40, { steps: 2 });
    await page.mouse.move(centre.x, centre.y, { steps: 3 });
    const askedAt = Date.now();
    if (!(await hover.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false))) continue;
    const card = await hover.innerText();
    cards.push({ at: askedAt, text: card });
    if (isFull(card)) return { readyAt: askedAt, cards };
    await onPartial(card);
    await page.mouse.move(10, 10, { steps: 2 });
  }
  return { readyAt: undefined, cards };
}

/** Opens an activity-bar view container by its title (for example "News"). */
export async function openViewContainer(page, title) {
  const item = page.locator(`.part.activitybar .action-item a[aria-label^="${title}"]`).first();
  await item.waitFor({ state: 'visible' });
  const expanded = await item.locator('..').getAttribute('aria-expanded').catch(() => null);
  if (expanded !== 'true') await item.click();
  // Park the pointer on the title bar so no tooltip shows in a screenshot.
  await page.mouse.move(700, 12, { steps: 4 });
  await page.locator('.part.sidebar .composite.title').filter({ hasText: title.toUpperCase() }).first()
    .waitFor({ state: 'visible' }).catch(() => {});
  await delay(500);
}

/** Expands a view of the side bar by its title (views start collapsed) and returns its rows. */
export async function expandView(page, title) {
  const header = page.locator('.part.sidebar .pane-header').filter({ hasText: title }).first();
  await header.waitFor({ state: 'visible' });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.mouse.move(700, 12, { steps: 4 }); // no tooltip over the rows in a screenshot
  const pane = header.locator('xpath=..');
  const rows = pane.locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
  await delay(400);
  return rows;
}

/**
 * Waits until the status bar and the side bar have stopped changing for `quietMs` (extension status
 * items and tree refreshes arrive asynchronously), at most `timeoutMs`; screenshots then show a
 * settled UI and are the same from run to run.
 */
export async function waitForSettledUi(page, { quietMs = 1_000, timeoutMs = 10_000 } = {}) {
  const snapshot = () => page.evaluate(() =>
    ['.part.statusbar', '.part.sidebar', '.editor-instance'].map((selector) => document.querySelector(selector)?.textContent ?? '').join('\u0000'));
  const deadline = Date.now() + timeoutMs;
  let last = await snapshot();
  let quietSince = Date.now();
  while (Date.now() < deadline && Date.now() - quietSince < quietMs) {
    await delay(200);
    const current = await snapshot();
    if (current !== last) {
      last = current;
      quietSince = Date.now();
    }
  }
}
