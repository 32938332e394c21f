// Activation time of the shipped extension in a real VS Code extension host (goal: at most 50 ms).
// Packages the VSIX (production build), then starts a fresh VS Code OSS host RUNS times through the
// integration runner with only the activation test selected; that test times `extension.activate()`
// (loading the bundle plus activate()) before anything else activates it, and prints the figure.
// Prints `label: value unit` lines. RUNS: NEWS_ANNOTATOR_ACTIVATION_RUNS (default 3).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
const runs = Number(process.env.NEWS_ANNOTATOR_ACTIVATION_RUNS || 3);

function runNode(args: string[], timeoutMs: number): string {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    console.error(output);
    throw new Error(`node ${args.join(' ')} exited with ${result.status ?? result.signal ?? result.error?.message}`);
  }
  return output;
}

const packaged = runNode(['scripts/package.mjs'], 600_000);
const vsixSize = /vsix size: ([\d.]+) KiB/.exec(packaged);
if (!vsixSize) throw new Error('scripts/package.mjs printed no "vsix size" line');
const vsixPath = /packaging (\S+\.vsix)/.exec(packaged)?.[1];
if (!vsixPath) throw new Error('scripts/package.mjs printed no VSIX path');
console.log(`vsix size: ${vsixSize[1]} KiB`);

const timings: number[] = [];
for (let run = 0; run < runs; run++) {
  const output = runNode(['scripts/run-integration-tests.mjs', '--no-build', '--vsix', vsixPath, '--grep', 'activation time printed'], 600_000);
  const match = /activation: ([\d.]+) ms/.exec(output);
  if (!match) throw new Error(`the activation test printed no figure (was the extension already active?):\n${output}`);
  timings.push(Number(match[1]));
}
timings.sort((a, b) => a - b);
console.log(`activation (median of ${runs} fresh hosts): ${timings[Math.floor(runs / 2)].toFixed(1)} ms`);
console.log(`activation (min): ${timings[0].toFixed(1)} ms`);
console.log(`activation (max): ${timings[runs - 1].toFixed(1)} ms`);
console.log(`activation goal: 50 ms`);
