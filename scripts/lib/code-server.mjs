// VS Code OSS as packaged by code-server (npm), installed into its own folder beside the project so
// the extension's own `npm ci` never depends on the install tweaks it needs offline.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RIPGREP_PATH } from './prerequisites.mjs';
import { step, withTimeout } from './log.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const INSTALL_DIR = join(REPO_ROOT, '.vscode-test', 'code-server');
const ENTRY = join(INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** The version @vscode/ripgrep's postinstall looks for in its cache before trying GitHub. */
function ripgrepCacheTarball() {
  const pkg = join(INSTALL_DIR, 'node_modules', '@vscode', 'ripgrep', 'package.json');
  const version = existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : '1.15.11';
  return join(tmpdir(), `vscode-ripgrep-cache-${version}`, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
}

/** Puts Debian's rg into @vscode/ripgrep's download cache, so its postinstall succeeds offline. */
function seedRipgrepCache() {
  const tarball = ripgrepCacheTarball();
  if (existsSync(tarball)) return;
  mkdirSync(join(tarball, '..'), { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-'));
  copyFileSync(RIPGREP_PATH, join(staging, 'rg'));
  const tar = spawnSync('tar', ['-czf', tarball, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
  if (tar.status !== 0) throw new Error(`could not write the ripgrep cache tarball: ${tar.stderr}`);
}

/** Written only after a complete install, so an interrupted one is redone rather than reused. */
const INSTALLED_MARKER = join(INSTALL_DIR, '.installed');

function installedVersion() {
  const pkg = join(INSTALL_DIR, 'node_modules', 'code-server', 'package.json');
  if (!existsSync(pkg) || !existsSync(ENTRY) || !existsSync(INSTALLED_MARKER)) return undefined;
  return JSON.parse(readFileSync(pkg, 'utf8')).version;
}

/**
 * Installs code-server@CODE_SERVER_VERSION into .vscode-test/code-server unless it is already there,
 * and returns the path of its entry script.
 */
export async function ensureCodeServer() {
  if (installedVersion() === CODE_SERVER_VERSION) return ENTRY;
  step(`installing code-server@${CODE_SERVER_VERSION} into ${INSTALL_DIR} (about a minute)`);
  mkdirSync(INSTALL_DIR, { recursive: true });
  writeFileSync(join(INSTALL_DIR, 'package.json'), JSON.stringify({ name: 'news-annotator-vscode-oss', private: true }, null, 2) + '\n');
  // Root needs unsafe-perm for install scripts; node-pty's postinstall runs `npx node-gyp`, which asks.
  writeFileSync(join(INSTALL_DIR, '.npmrc'), 'unsafe-perm=true\nyes=true\nfund=false\naudit=false\nupdate-notifier=false\n');
  seedRipgrepCache();
  await new Promise((resolvePromise, reject) => {
    const child = spawn('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: INSTALL_DIR,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20 * 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (${code ?? signal}); see the npm output above`));
    });
  });
  writeFileSync(INSTALLED_MARKER, `${CODE_SERVER_VERSION}\n`);
  // The ripgrep tarball was only needed by the install: /tmp is left as it was.
  rmSync(join(ripgrepCacheTarball(), '..'), { recursive: true, force: true });
  if (installedVersion() !== CODE_SERVER_VERSION) throw new Error(`code-server@${CODE_SERVER_VERSION} is not in ${INSTALL_DIR} after npm install`);
  return ENTRY;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/**
 * User-data, extensions and home locations for one run, under `root` unless given, with quiet
 * workbench settings (plus `settings`).
 */
export function codeServerDirs(root, { userDataDir, extensionsDir, settings = {} } = {}) {
  const dirs = {
    userDataDir: userDataDir ?? join(root, 'user-data'),
    extensionsDir: extensionsDir ?? join(root, 'extensions'),
    home: join(root, 'home'),
    // VS Code's sockets (vscode-ipc-*.sock, the git extension's askpass socket) and other temp
    // files go here, so removing `root` leaves /tmp as it was.
    tmp: join(root, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const userSettings = join(dirs.userDataDir, 'User');
  mkdirSync(userSettings, { recursive: true });
  // Quiet, deterministic workbench: no welcome page, no tips, no network-backed features.
  const settingsFile = join(userSettings, 'settings.json');
  if (!existsSync(settingsFile)) {
    writeFileSync(settingsFile, JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'security.workspace.trust.enabled': false,
      'chat.disableAIFeatures': true,
      'window.commandCenter': false,
      'git.openRepositoryInParentFolders': 'never',
      ...settings,
    }, null, 2));
  }
  return dirs;
}

function codeServerEnv(dirs) {
  // Its own HOME so nothing is written to the real ~/.config; no proxy lookups.
  return {
    ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: join(dirs.home, '.config'), XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    ...(dirs.tmp ? { TMPDIR: dirs.tmp, TMP: dirs.tmp, TEMP: dirs.tmp } : {}),
  };
}

/** Installs a VSIX into `dirs.extensionsDir` with code-server's own installer. */
export function installVsix(entry, dirs, vsixPath) {
  step(`installing ${vsixPath} into VS Code OSS`);
  const result = spawnSync(process.execPath, [
    entry, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir,
    '--config', join(dirs.home, 'config.yaml'), '--install-extension', vsixPath, '--force',
  ], { env: codeServerEnv(dirs), encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension failed (${result.status ?? result.error?.message}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Starts code-server on 127.0.0.1 and waits until /healthz answers.
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void>, output: () => string }>}
 */
export async function startCodeServer(entry, dirs, { port, folder, quiet = true } = {}) {
  port ??= await freePort();
  const args = [
    entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir, '--config', join(dirs.home, 'config.yaml'),
  ];
  if (folder) args.push(folder);
  const child = spawn(process.execPath, args, { env: codeServerEnv(dirs), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (!quiet) process.stdout.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  const exitPromise = new Promise((resolvePromise) => child.on('exit', (code, signal) => {
    exited = true;
    resolvePromise(code ?? signal);
  }));
  const url = `http://127.0.0.1:${port}/`;
  const healthy = (async () => {
    for (;;) {
      if (exited) throw new Error(`code-server exited before it was ready:\n${output}`);
      try {
        const response = await fetch(`${url}healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    await withTimeout(exitPromise, 10_000, 'code-server to stop').catch(() => child.kill('SIGKILL'));
  };
  try {
    await withTimeout(healthy, 60_000, `code-server on ${url} to answer /healthz`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, stop, exited: exitPromise, output: () => output };
}
