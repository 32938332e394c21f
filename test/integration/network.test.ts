import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WorkerOptions } from 'node:worker_threads';
import * as vscode from 'vscode';

// The modules themselves, not the bundler's read-only import namespaces, so their functions can be
// replaced.
/* eslint-disable @typescript-eslint/no-require-imports */
const dns = require('node:dns') as typeof import('node:dns');
const http = require('node:http') as typeof import('node:http');
const https = require('node:https') as typeof import('node:https');
const net = require('node:net') as typeof import('node:net');
const tls = require('node:tls') as typeof import('node:tls');
const workerThreads = require('node:worker_threads') as typeof import('node:worker_threads');
/* eslint-enable @typescript-eslint/no-require-imports */

/** One outgoing connection attempt seen in the extension host process. */
interface ConnectionAttempt {
  readonly api: string;
  readonly target: string;
  readonly stack: string;
}

/**
 * Records every outgoing network attempt in this extension host process (the extension runs in it
 * too) while still calling through, so VS Code itself keeps working. Installed when this file loads,
 * before any suite runs and before the extension activates, so activation is covered as well.
 * `net.Socket.prototype.connect` is the backstop that every TCP client (http, https, tls, fetch/undici)
 * ends in, whatever module copy the extension host hands the extension; Unix-socket and pipe
 * connections are inter-process, not network, and are not counted.
 */
class NetworkAttemptRecorder {
  readonly attempts: ConnectionAttempt[] = [];
  private readonly restorers: (() => void)[] = [];

  install(): void {
    this.wrap(net.Socket.prototype, 'connect', 'net.Socket.connect', describeSocketTarget);
    this.wrap(net, 'connect', 'net.connect', describeSocketTarget);
    this.wrap(net, 'createConnection', 'net.createConnection', describeSocketTarget);
    this.wrap(tls, 'connect', 'tls.connect', describeSocketTarget);
    for (const [name, module] of [['http', http], ['https', https]] as const) {
      this.wrap(module, 'request', `${name}.request`, describeRequestTarget);
      this.wrap(module, 'get', `${name}.get`, describeRequestTarget);
    }
    for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt'] as const) {
      this.wrap(dns, name, `dns.${name}`, (args) => String(args[0]));
      this.wrap(dns.promises, name, `dns.promises.${name}`, (args) => String(args[0]));
    }
    if (typeof globalThis.fetch === 'function') this.wrap(globalThis, 'fetch', 'fetch', describeRequestTarget);
    this.guardWorkers();
  }

  /**
   * Worker threads have their own module instances, so the patches above do not reach them: every
   * Worker created from now on preloads a small guard that reports attempts back over a
   * BroadcastChannel (the worker's own message port stays untouched).
   */
  private guardWorkers(): void {
    // One fixed file, rewritten atomically by each run (same content), so nothing accumulates in /tmp
    // even when the extension host is killed before `after` hooks run.
    const preload = path.join(os.tmpdir(), 'news-annotator-network-guard.js');
    const staging = `${preload}.${process.pid}`;
    fs.writeFileSync(staging, WORKER_GUARD_SOURCE);
    fs.renameSync(staging, preload);
    const channel = new workerThreads.BroadcastChannel(WORKER_GUARD_CHANNEL);
    channel.onmessage = (event: unknown) => this.attempts.push((event as { data: ConnectionAttempt }).data);
    (channel as unknown as { unref?: () => void }).unref?.();
    this.restorers.push(() => channel.close());
    const OriginalWorker = workerThreads.Worker;
    class GuardedWorker extends OriginalWorker {
      constructor(filename: string | URL, options: WorkerOptions = {}) {
        super(filename, { ...options, execArgv: [...(options.execArgv ?? process.execArgv), '--require', preload] });
      }
    }
    Object.defineProperty(workerThreads, 'Worker', { value: GuardedWorker, configurable: true, writable: true });
    this.restorers.push(() => Object.defineProperty(workerThreads, 'Worker', { value: OriginalWorker, configurable: true, writable: true }));
  }

  uninstall(): void {
    for (const restore of this.restorers.splice(0).reverse()) restore();
  }

  private wrap<T extends object>(owner: T, key: keyof T & string, api: string, describe: (args: unknown[]) => string | undefined): void {
    const original = owner[key];
    if (typeof original !== 'function') return;
    const attempts = this.attempts;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      const target = describe(args);
      if (target !== undefined) attempts.push({ api, target, stack: new Error().stack ?? '' });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    try {
      Object.defineProperty(owner, key, { value: wrapped, configurable: true, writable: true });
      this.restorers.push(() => Object.defineProperty(owner, key, { value: original, configurable: true, writable: true }));
    } catch (error) {
      // A frozen binding cannot be wrapped; the Socket.prototype.connect backstop still sees its traffic.
      console.log(`network guard: could not wrap ${api}: ${String(error)}`);
    }
  }
}

/** "host:port" for a TCP connect call, or undefined for a Unix socket / named pipe (not network). */
function describeSocketTarget(args: unknown[]): string | undefined {
  const [first, second] = args;
  const options = (Array.isArray(first) ? first[0] : first) as unknown;
  if (typeof options === 'string') return undefined; // a path: IPC
  if (typeof options === 'number') return `${typeof second === 'string' ? second : 'localhost'}:${options}`;
  if (options && typeof options === 'object') {
    const o = options as { path?: unknown; host?: unknown; port?: unknown };
    if (o.path !== undefined && o.port === undefined) return undefined;
    return `${String(o.host ?? 'localhost')}:${String(o.port ?? '?')}`;
  }
  return '(unknown)';
}

function describeRequestTarget(args: unknown[]): string | undefined {
  const [first] = args;
  if (typeof first === 'string') return first;
  if (first instanceof URL) return first.href;
  if (first && typeof first === 'object') {
    const o = first as { url?: unknown; socketPath?: unknown; host?: unknown; hostname?: unknown; port?: unknown; path?: unknown };
    if (typeof o.url === 'string') return o.url; // a fetch Request
    if (o.socketPath !== undefined) return undefined;
    return `${String(o.hostname ?? o.host ?? 'localhost')}:${String(o.port ?? '')}${String(o.path ?? '')}`;
  }
  return '(unknown)';
}

const WORKER_GUARD_CHANNEL = 'news-annotator-network-guard';

/** Preloaded into worker threads: the same backstops as the main thread, reported over a BroadcastChannel. */
const WORKER_GUARD_SOURCE = `'use strict';
const net = require('node:net');
const dns = require('node:dns');
const { BroadcastChannel } = require('node:worker_threads');
const channel = new BroadcastChannel(${JSON.stringify(WORKER_GUARD_CHANNEL)});
channel.unref();
const report = (api, target) => channel.postMessage({ api: 'worker ' + api, target, stack: new Error().stack });
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  const isPipe = typeof options === 'string' || (options && typeof options === 'object' && options.path !== undefined && options.port === undefined);
  if (!isPipe) report('net.Socket.connect', typeof options === 'number' ? String(options) : String(options && options.host) + ':' + String(options && options.port));
  return connect.apply(this, args);
};
const lookup = dns.lookup;
dns.lookup = function (...args) { report('dns.lookup', String(args[0])); return lookup.apply(this, args); };
if (typeof globalThis.fetch === 'function') {
  const fetch = globalThis.fetch;
  globalThis.fetch = function (...args) { report('fetch', String(args[0] && args[0].url || args[0])); return fetch.apply(this, args); };
}
`;

const recorder = new NetworkAttemptRecorder();
recorder.install();

const SEEDS = ['000_fc681af9c8dd27c5.txt', '001_ef6bbce3734ab0e1.txt'];
/** Commands that would reload or replace the window, ending the test run itself. */
const WINDOW_CHANGING_COMMAND = /open(Folder|Workspace|Samples?)|reload|newWindow/i;
const COMMAND_TIME_LIMIT_MS = 3_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a command, giving up waiting after a time limit (it may wait on a prompt nobody answers). */
async function runBriefly(command: string, ...args: unknown[]): Promise<void> {
  await Promise.race([Promise.resolve(vscode.commands.executeCommand(command, ...args)).catch(() => undefined), delay(COMMAND_TIME_LIMIT_MS)]);
}

/**
 * Asks VS Code for a provider's result. A provider's own failure is its feature tests' business;
 * here only the connection attempts it causes matter.
 */
async function exercise(command: string, ...args: unknown[]): Promise<void> {
  await Promise.resolve(vscode.commands.executeCommand(command, ...args)).catch(() => undefined);
}

/** Positions worth asking hover/definition/reference providers about: the start of capitalised words. */
function probePositions(document: vscode.TextDocument, limit: number): vscode.Position[] {
  const positions: vscode.Position[] = [];
  const text = document.getText();
  for (const match of text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)*/g)) {
    positions.push(document.positionAt(match.index ?? 0));
    if (positions.length >= limit) break;
  }
  return positions;
}

describe('no network', () => {
  after(() => recorder.uninstall());

  it('makes no outgoing connection attempt while the extension works on the seeds', async function () {
    this.timeout(180_000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration run opens a workspace folder');

    for (const seed of SEEDS) {
      const uri = vscode.Uri.joinPath(folder.uri, seed);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: false });
      for (const provider of ['vscode.executeDocumentSymbolProvider', 'vscode.executeFoldingRangeProvider', 'vscode.provideDocumentSemanticTokens', 'vscode.executeLinkProvider', 'vscode.executeCodeLensProvider']) {
        await exercise(provider, uri);
      }
      for (const position of probePositions(document, 25)) {
        for (const provider of ['vscode.executeHoverProvider', 'vscode.executeDefinitionProvider', 'vscode.executeReferenceProvider']) {
          await exercise(provider, uri, position);
        }
      }
    }

    // Every command the extension contributes, with the second seed active.
    const contributed = (vscode.extensions.getExtension('news-annotator.news-annotator')?.packageJSON?.contributes?.commands ?? []) as { command: string }[];
    for (const { command } of contributed) {
      if (WINDOW_CHANGING_COMMAND.test(command)) continue;
      await runBriefly(command);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }

    // Background work (indexing the folder, debounced refreshes) gets time to happen.
    await delay(3_000);

    const report = recorder.attempts.map((a) => `${a.api} -> ${a.target}\n${a.stack.split('\n').slice(2, 8).join('\n')}`).join('\n\n');
    assert.strictEqual(recorder.attempts.length, 0, `outgoing connection attempts were made:\n${report}`);
  });

  it('would see an attempt (the guard itself works)', async () => {
    // A connection to a closed local port: proves the recorder is wired, without touching the network.
    const before = recorder.attempts.length;
    await new Promise<void>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: 9 });
      socket.on('error', () => resolve());
      socket.on('connect', () => { socket.destroy(); resolve(); });
    });
    assert.ok(recorder.attempts.length > before, 'the recorder saw the probe connection');
    recorder.attempts.splice(before);
  });

  it('would see an attempt from a worker thread', async () => {
    const before = recorder.attempts.length;
    const probe = "const s = require('node:net').connect({ host: '127.0.0.1', port: 9 }); s.on('error', () => {}); s.on('connect', () => s.destroy());";
    const worker = new workerThreads.Worker(probe, { eval: true });
    await new Promise((resolve) => worker.once('exit', resolve));
    for (let waited = 0; recorder.attempts.length === before && waited < 5_000; waited += 100) await delay(100);
    assert.ok(recorder.attempts.some((attempt, index) => index >= before && attempt.api.startsWith('worker ')), 'the recorder saw the worker\'s probe connection');
    recorder.attempts.splice(before);
  });
});
