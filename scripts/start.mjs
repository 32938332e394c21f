// `npm start` (after `npm run build`): the sample articles in VS Code with the extension loaded.
// A desktop VS Code, when installed, opens samples/ with --extensionDevelopmentPath. Otherwise VS Code
// OSS (code-server) serves the workbench on 127.0.0.1 with the extension installed (linked to this
// working tree, so a rebuild and a window reload pick up changes) and prints the URL; it runs until
// Ctrl+C. Port: NEWS_ANNOTATOR_PORT (default 8080, or a free one if that is taken).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureDebianPackages } from './lib/prerequisites.mjs';
import { codeServerDirs, ensureCodeServer, freePort, REPO_ROOT, startCodeServer } from './lib/code-server.mjs';
import { findDesktopVSCode } from './lib/desktop-vscode.mjs';
import { workbenchUrl } from './lib/browser.mjs';
import { fail, step } from './lib/log.mjs';

const SAMPLES = join(REPO_ROOT, 'samples');

function startDesktop() {
  step(`opening ${SAMPLES} in desktop VS Code with the extension from ${REPO_ROOT}`);
  const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${REPO_ROOT}`, SAMPLES], { stdio: 'inherit' });
  child.on('error', (error) => fail(`could not start code: ${error.message}`));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** NEWS_ANNOTATOR_PORT or 8080 when nothing listens there, else any free port. */
async function portToUse() {
  const wanted = Number(process.env.NEWS_ANNOTATOR_PORT || 8080);
  const free = await new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen(wanted, '127.0.0.1', () => probe.close(() => resolvePromise(true)));
  });
  if (!free) step(`port ${wanted} is taken; using a free one`);
  return free ? wanted : freePort();
}

async function startOss() {
  ensureDebianPackages(['libkrb5-dev', 'ripgrep']);
  const entry = await ensureCodeServer();
  // A lasting profile, so settings and opened editors survive between runs.
  const dirs = codeServerDirs(join(REPO_ROOT, '.vscode-test', 'start'), { settings: { 'editor.wordWrap': 'on' } });
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const installed = join(dirs.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  symlinkSync(REPO_ROOT, installed, 'dir');
  if (!existsSync(join(REPO_ROOT, manifest.main))) fail(`${manifest.main} is missing: run npm run build (npm start does)`);

  const server = await startCodeServer(entry, dirs, { port: await portToUse(), folder: SAMPLES });
  const url = workbenchUrl(server.url, { folder: SAMPLES });
  step('VS Code OSS (code-server) is serving the sample articles with News Annotator installed:');
  console.log(`\n    ${url}\n`);
  step('open that URL in a browser on this machine; press Ctrl+C to stop');
  let stopping = false;
  const stop = (signal) => {
    stopping = true;
    step(`${signal}: stopping VS Code OSS`);
    server.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  const exitCode = await server.exited;
  if (stopping) return;
  fail(`code-server stopped unexpectedly (${exitCode}):\n${server.output()}`);
}

const desktop = process.env.NEWS_ANNOTATOR_VSCODE !== 'oss' && findDesktopVSCode();
if (desktop) startDesktop();
else startOss().catch((error) => fail(error?.message ?? String(error)));
