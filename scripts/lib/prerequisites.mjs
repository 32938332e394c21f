// Installs the Debian packages the VS Code OSS runs need (see ../shared/VSCODE-OFFLINE.md), so that a
// fresh machine needs no manual step: Chromium to drive the workbench, libkrb5-dev because code-server's
// kerberos module compiles from source offline, ripgrep because @vscode/ripgrep cannot download its own.
import { spawnSync } from 'node:child_process';
import { step } from './log.mjs';

/** Debian package name -> a file that shows it is installed. */
const DEBIAN_PACKAGES = {
  chromium: '/usr/bin/chromium',
  'libkrb5-dev': '/usr/include/krb5.h',
  ripgrep: '/usr/bin/rg',
};

function isInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function run(command, args) {
  step(`$ ${command} ${args.join(' ')}`);
  // apt-get has no overall time-out of its own; 20 minutes is far beyond a normal install.
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    timeout: 20 * 60_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/**
 * Makes sure the given Debian packages (default: all the VS Code OSS run needs) are installed,
 * running `apt-get update` once and `apt-get install` for the missing ones. Needs root (or
 * password-less sudo) only when something is missing.
 * @param {string[]} packages
 */
export function ensureDebianPackages(packages = Object.keys(DEBIAN_PACKAGES)) {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  if (spawnSync('apt-get', ['--version']).status !== 0) {
    throw new Error(`missing system packages (${missing.join(', ')}) and no apt-get to install them; install them by hand`);
  }
  step(`installing Debian packages: ${missing.join(', ')}`);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  const exec = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), ...args]) : run(args[0], args.slice(1)));
  exec(['apt-get', 'update']);
  exec(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
  const stillMissing = missing.filter((pkg) => !isInstalled(pkg));
  if (stillMissing.length) throw new Error(`apt-get did not install: ${stillMissing.join(', ')}`);
}

export const CHROMIUM_PATH = DEBIAN_PACKAGES.chromium;
export const RIPGREP_PATH = DEBIAN_PACKAGES.ripgrep;
