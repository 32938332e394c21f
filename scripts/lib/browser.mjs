// Debian's Chromium driven by playwright-core: no browser download, quiet on a closed network.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './prerequisites.mjs';
import { withTimeout } from './log.mjs';

const QUIET_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-breakpad',
  '--disable-crash-reporter',
];

/** Chromium's crash reporter writes under the config home even when headless: keep it out of ~/.config. */
function browserHome() {
  const home = mkdtempSync(`${tmpdir()}/news-annotator-chromium-`);
  return { home, env: { ...process.env, HOME: home, XDG_CONFIG_HOME: `${home}/.config`, XDG_CACHE_HOME: `${home}/.cache` } };
}

/**
 * Launches headless Chromium with one page sized like a laptop screen, motion reduced so hovers and
 * views settle before a screenshot.
 * @returns {Promise<{ browser: import('playwright-core').Browser, page: import('playwright-core').Page }>}
 */
export async function launchBrowser() {
  const { home, env } = browserHome();
  const browser = await withTimeout(
    chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: QUIET_FLAGS, timeout: 60_000, env }),
    90_000, 'Chromium to start');
  browser.on('disconnected', () => rmSync(home, { recursive: true, force: true }));
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { browser, page };
}

/**
 * The workbench URL that opens `folder` and, for a test run, loads the development extension and the
 * test entry through the `payload` query parameter (code-server refuses them on its command line).
 */
export function workbenchUrl(baseUrl, { folder, extensionDevelopmentPaths = [], extensionTestsPath } = {}) {
  const remote = (path) => `vscode-remote://remote${path}`;
  const payload = [
    ...extensionDevelopmentPaths.map((path) => ['extensionDevelopmentPath', remote(path)]),
    ...(extensionTestsPath ? [['extensionTestsPath', remote(extensionTestsPath)]] : []),
  ];
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${baseUrl}?${params}`;
}
