// `npm run test:integration`: the mocha suites of test/integration/ inside a real VS Code extension
// host, through @vscode/test-electron's runTests. Desktop VS Code when one can be had
// (NEWS_ANNOTATOR_VSCODE=desktop downloads it; a desktop `code` on PATH is used as is); otherwise
// (no internet: this machine kind and CI) VS Code OSS from code-server driven by Chromium, through
// scripts/vscode-oss-test-host.mjs standing in for the executable. Two runs, each on a fresh copy of
// test/fixtures/ with the same profile: every suite of test/integration/suites.ts, then
// test/integration/reload.test.ts alone, whose window reloads half-way (the tests run again after it).
// Options: --vsix FILE (or NEWS_ANNOTATOR_VSIX) tests that packaged VSIX instead of the working tree
// (VS Code OSS only); --grep PATTERN (or NEWS_ANNOTATOR_TEST_GREP) runs the matching tests only, in
// both runs (a pattern for the reload suite must match both of its halves: "window reload" does);
// --no-build skips the esbuild step.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { ensureDebianPackages } from './lib/prerequisites.mjs';
import { ensureCodeServer, REPO_ROOT } from './lib/code-server.mjs';
import { findDesktopVSCode } from './lib/desktop-vscode.mjs';
import { step, fail, withTimeout } from './lib/log.mjs';

const { values: options } = parseArgs({
  options: { vsix: { type: 'string' }, grep: { type: 'string' }, 'no-build': { type: 'boolean', default: false } },
});
const vsix = options.vsix ?? process.env.NEWS_ANNOTATOR_VSIX;
const grep = options.grep ?? process.env.NEWS_ANNOTATOR_TEST_GREP;
const TESTS_ENTRY = join(REPO_ROOT, 'out', 'integration', 'index.js');
const HOST = join(REPO_ROOT, 'scripts', 'vscode-oss-test-host.mjs');

function build() {
  step('building (esbuild)');
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit', timeout: 300_000 });
  if (result.status !== 0) fail('the build failed; see the errors above');
  if (!existsSync(TESTS_ENTRY)) fail(`the build did not produce ${TESTS_ENTRY}`);
}

/** 'desktop' (with the executable, or undefined to download) or 'oss'. */
function chooseVSCode() {
  const wanted = process.env.NEWS_ANNOTATOR_VSCODE;
  if (wanted === 'oss' || vsix) return { kind: 'oss' };
  const desktop = findDesktopVSCode();
  if (wanted === 'desktop') return { kind: 'desktop', executable: desktop };
  if (wanted) fail(`NEWS_ANNOTATOR_VSCODE must be "desktop" or "oss", not "${wanted}"`);
  return desktop ? { kind: 'desktop', executable: desktop } : { kind: 'oss' };
}

async function main() {
  if (!options['no-build']) build();
  if (vsix && !existsSync(vsix)) fail(`no VSIX at ${vsix}; run npm run package first`);
  const vscode = chooseVSCode();

  // Tests work on temp copies of the fixtures so they can edit and save without dirtying the repository.
  const scratch = mkdtempSync(join(tmpdir(), 'news-annotator-it-'));
  const profile = [`--user-data-dir=${join(scratch, 'user-data')}`, `--extensions-dir=${join(scratch, 'extensions')}`];

  let vscodeExecutablePath = vscode.executable;
  if (vscode.kind === 'oss') {
    step('VS Code: VS Code OSS from code-server (no desktop VS Code here); checking prerequisites');
    ensureDebianPackages();
    await ensureCodeServer();
    chmodSync(HOST, 0o755);
    vscodeExecutablePath = HOST;
  } else {
    step(`VS Code: desktop ${vscode.executable ?? '(downloaded by @vscode/test-electron)'}`);
  }

  /** One VS Code run of the tests on a fresh copy of the fixtures, with the same profile every time. */
  async function runOnce(name, env) {
    const workspace = join(scratch, name);
    cpSync(join(REPO_ROOT, 'test', 'fixtures'), workspace, { recursive: true });
    const started = Date.now();
    step(`running the ${name} integration tests on ${workspace}${vsix ? ` with ${vsix} installed` : ''}`);
    // The VS Code OSS host bounds its own run; this outer bound also covers a desktop VS Code that hangs.
    const overallSeconds = Number(process.env.NEWS_ANNOTATOR_TEST_TIMEOUT_S || 900) + 600;
    await withTimeout(runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_ENTRY,
      launchArgs: [workspace, ...profile, '--disable-extensions'],
      extensionTestsEnv: {
        NEWS_ANNOTATOR_TEST_WORKSPACE: workspace,
        NEWS_ANNOTATOR_REPO: REPO_ROOT,
        ...(grep ? { NEWS_ANNOTATOR_TEST_GREP: grep } : {}),
        ...(vsix ? { NEWS_ANNOTATOR_VSIX: resolve(vsix) } : {}),
        ...env,
      },
    }), overallSeconds * 1000, 'VS Code to finish the integration tests');
    step(`the ${name} integration tests passed (${Math.round((Date.now() - started) / 1000)} s)`);
  }

  try {
    // Every suite of test/integration/suites.ts, in one window.
    await runOnce('main', {});
    // test/integration/reload.test.ts alone: its window reloads half-way (a marker file, which does
    // not exist yet, tells the tests which side of the reload they run on).
    await runOnce('reload', { NEWS_ANNOTATOR_TEST_SUITE: 'reload', NEWS_ANNOTATOR_RELOAD_MARKER: join(scratch, 'reload-marker.json') });
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    if (error instanceof TestRunFailedError) fail(`integration tests FAILED (${error.message}); the output above says which`);
    fail(`could not run the integration tests: ${error?.message ?? error}${vscode.kind === 'desktop' && !vscode.executable ? ' (downloading desktop VS Code needs internet; without NEWS_ANNOTATOR_VSCODE=desktop, VS Code OSS is used offline)' : ''}`);
  }
  rmSync(scratch, { recursive: true, force: true });
  step('integration tests passed');
}

main().catch((error) => fail(error?.stack ?? String(error)));
