import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTimeline, toTimelineJs } from '../core/corpus/timeline';
import { buildFolderIndex } from './indexCommand';
import { CliError } from './io';

/**
 * `timeline DIR [--out FILE]`: indexes the articles under DIR and writes their timeline (dated
 * articles by outlet, dated events with their article) as TimelineJS JSON, to stdout or FILE.
 * Skipped files are listed on stderr, as `index` does.
 */
export async function runTimeline(args: string[]): Promise<number> {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  if (outAt >= 0 && !out) throw new CliError('timeline: --out needs a file name');
  const rest = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) throw new CliError(`timeline: unknown option '${unknown}'`);
  if (rest.length !== 1) throw new CliError('timeline: expected one folder (timeline DIR [--out FILE])');
  const dir = rest[0];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new CliError(`${dir}: no such folder`);
  }
  if (!stat.isDirectory()) throw new CliError(`${dir}: not a folder`);
  const { index, skipped } = await buildFolderIndex(dir);
  for (const s of skipped) process.stderr.write(`news-annotator timeline: skipped ${s.path}: ${s.reason}\n`);
  const json = JSON.stringify(toTimelineJs(buildTimeline(index), path.basename(path.resolve(dir))), null, 2) + '\n';
  if (out) fs.writeFileSync(out, json);
  else process.stdout.write(json);
  return 0;
}
