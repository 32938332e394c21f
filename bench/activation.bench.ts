// Activation time of the shipped extension in a real VS Code (goal: at most 50 ms), as VS Code itself
// measures it (code loading plus activate() until it resolves): packages the VSIX (production build),
// then scripts/measure-activation.mjs opens a seed in RUNS fresh VS Code OSS workbenches with the VSIX
// installed and reads the figure from the Running Extensions editor.
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
const vsixPath = /packaging (\S+\.vsix)/.exec(packaged)?.[1];
if (!vsixSize || !vsixPath) throw new Error('scripts/package.mjs printed no VSIX path or size');
console.log(`vsix size: ${vsixSize[1]} KiB`);

const measured = runNode(['scripts/measure-activation.mjs', '--vsix', vsixPath, '--runs', String(runs)], runs * 300_000);
const timings = [...measured.matchAll(/^activation: (\d+) ms/gm)].map((match) => Number(match[1])).sort((a, b) => a - b);
if (timings.length !== runs) throw new Error(`expected ${runs} activation figures, got ${timings.length}:\n${measured}`);
console.log(`activation (median of ${runs} fresh workbenches): ${timings[Math.floor(runs / 2)]} ms`);
console.log(`activation (min): ${timings[0]} ms`);
console.log(`activation (max): ${timings[runs - 1]} ms`);
console.log('activation goal: 50 ms');
