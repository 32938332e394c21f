#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests launches, when no desktop
// VS Code can be had (no internet): it turns the desktop command line (--extensionDevelopmentPath=,
// --extensionTestsPath=, the folder, --user-data-dir=, --extensions-dir=) into a VS Code OSS run —
// code-server serving the workbench, headless Chromium opening it with the test `payload` — forwards
// the extension host's output, and exits with the test run's exit code. A window reload during the run
// (test/integration/reload.test.ts) is followed, not taken for a crash: the tests must start again in
// the reloaded window within the startup bound.
// Environment: NEWS_ANNOTATOR_VSIX installs that VSIX instead of loading the development folder;
// NEWS_ANNOTATOR_TEST_TIMEOUT_S bounds the whole run (default 900 s).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { ensureCodeServer, codeServerDirs, installVsix, startCodeServer } from './lib/code-server.mjs';
import { launchBrowser, workbenchUrl } from './lib/browser.mjs';
import { withTimeout } from './lib/log.mjs';

/** Printed by test/integration/index.ts when mocha starts: proof that the payload reached the extension host. */
const TESTS_STARTED_MARKER = 'news-annotator integration tests: starting';
const STARTUP_TIMEOUT_MS = 180_000;
const WORKBENCH_STACK_FRAME = /^\s+at .*https?:\/\/127\.0\.0\.1:\d+\/stable-/;

/**
 * The folder the VSIX was installed to: the test payload needs an extensionDevelopmentPath, and
 * pointing it at the installed copy runs the tests against exactly what the VSIX holds.
 */
function installedExtensionFolder(extensionsDir, vsixPath) {
  const manifest = JSON.parse(readFileSync(join(process.env.NEWS_ANNOTATOR_REPO ?? resolve(import.meta.dirname, '..'), 'package.json'), 'utf8'));
  const prefix = `${manifest.publisher}.${manifest.name}-`.toLowerCase();
  const folder = readdirSync(extensionsDir).find((name) => name.toLowerCase().startsWith(prefix));
  if (!folder) throw new Error(`${vsixPath} did not install into ${extensionsDir} as ${prefix}*`);
  return join(extensionsDir, folder);
}

function log(message) {
  console.log(`[vscode-oss] ${message}`);
}

/** The parts of the desktop command line this host understands; the rest are Electron-only flags. */
function parseArgs(argv) {
  const parsed = { extensionDevelopmentPaths: [], folder: undefined, extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inlineValue] = arg.startsWith('--') ? [arg.slice(2).split('=')[0], arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined] : [undefined, undefined];
    const value = () => inlineValue ?? argv[++i];
    if (name === 'extensionDevelopmentPath') parsed.extensionDevelopmentPaths.push(resolve(value()));
    else if (name === 'extensionTestsPath') parsed.extensionTestsPath = resolve(value());
    else if (name === 'user-data-dir') parsed.userDataDir = resolve(value());
    else if (name === 'extensions-dir') parsed.extensionsDir = resolve(value());
    else if (name === undefined) parsed.folder = resolve(arg);
  }
  return parsed;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath) throw new Error('no --extensionTestsPath= given: this host only runs extension tests');
  // The workbench reads the payload into a map: a second development path would silently replace the first.
  if (args.extensionDevelopmentPaths.length > 1) throw new Error('VS Code OSS runs take one --extensionDevelopmentPath; install the others into --extensions-dir');
  const timeoutMs = Number(process.env.NEWS_ANNOTATOR_TEST_TIMEOUT_S || 900) * 1000;
  const scratch = mkdtempSync(join(tmpdir(), 'news-annotator-oss-'));
  const dirs = codeServerDirs(scratch, { userDataDir: args.userDataDir, extensionsDir: args.extensionsDir });

  const entry = await ensureCodeServer();
  let extensionDevelopmentPaths = args.extensionDevelopmentPaths;
  const vsix = process.env.NEWS_ANNOTATOR_VSIX;
  if (vsix) {
    installVsix(entry, dirs, resolve(vsix));
    extensionDevelopmentPaths = [installedExtensionFolder(dirs.extensionsDir, vsix)];
  }

  let server;
  let browser;
  const cleanUp = async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    server = await startCodeServer(entry, dirs, { quiet: true });
    log(`VS Code OSS (code-server) on ${server.url}`);
    const launched = await launchBrowser();
    browser = launched.browser;
    const page = launched.page;
    let finish;
    const testExit = new Promise((resolvePromise) => { finish = resolvePromise; });
    let markStarted;
    const testsStarted = new Promise((resolvePromise) => { markStarted = resolvePromise; });
    // A window reload (workbench.action.reloadWindow: test/integration/reload.test.ts) navigates the
    // page again: the exposed functions survive it, and the tests run again in the new extension host.
    // It is no crash, but the tests must start again in time, or the run fails instead of hanging.
    let startedCount = 0;
    let navigations = 0;
    let unloading = false;
    const reloadTimers = [];
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      // The extension host forwards console calls as printf-style argument lists (mocha's reporter uses them).
      // Stack frames inside the minified workbench say nothing useful; the message line stays.
      const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]))
        .split('\n').filter((line) => !WORKBENCH_STACK_FRAME.test(line)).join('\n');
      // The workbench's gallery lookup fails on a closed network by design; it is not the extension's.
      if (/ENOTFOUND open-vsx\.org/.test(text)) return;
      // A window reload (reload.test) unloads the web workbench while its extension host connection
      // closes: the workbench logs this TypeError then, every time; it is not the extension's either.
      if (unloading && /^Cannot read properties of undefined \(reading 'extensionHost'\)/.test(text)) return;
      if (text.includes('onBeforeUnload triggered')) unloading = true;
      if (text.includes(TESTS_STARTED_MARKER)) {
        startedCount++;
        markStarted();
      }
      (type === 'error' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code) }));
    page.on('crash', () => finish({ code: 1, reason: 'the workbench page crashed' }));
    page.on('close', () => finish({ code: 1, reason: 'the workbench page closed' }));
    // A new document in the page (not a same-document URL change): the first is page.goto's.
    page.on('domcontentloaded', () => {
      unloading = false;
      if (++navigations === 1) return;
      log(`the workbench reloaded (${navigations - 1}); waiting for the tests to start again`);
      const before = startedCount;
      reloadTimers.push(setTimeout(() => {
        if (startedCount === before) finish({ code: 1, reason: `the tests did not start again within ${STARTUP_TIMEOUT_MS / 1000} s of the window reload` });
      }, STARTUP_TIMEOUT_MS));
    });
    server.exited.then((code) => finish({ code: 1, reason: `code-server exited (${code}) during the run:\n${server.output()}` }));
    const url = workbenchUrl(server.url, { folder: args.folder, extensionDevelopmentPaths, extensionTestsPath: args.extensionTestsPath });
    log(`opening the workbench${args.folder ? ` on ${args.folder}` : ''}; extension ${vsix ? `from ${vsix}` : `from ${extensionDevelopmentPaths.join(', ')}`}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await withTimeout(Promise.race([testsStarted, testExit]), STARTUP_TIMEOUT_MS,
      'the extension host to start the tests (no "' + TESTS_STARTED_MARKER + '" line): the workbench or the extension host did not come up');
    const result = await withTimeout(testExit, timeoutMs, 'the extension tests to finish (NEWS_ANNOTATOR_TEST_TIMEOUT_S)')
      .finally(() => reloadTimers.forEach(clearTimeout));
    if (result.reason) log(result.reason);
    return result.code;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[vscode-oss] ERROR: ${error?.message ?? error}`);
    process.exit(1);
  },
);
