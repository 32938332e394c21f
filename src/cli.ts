/**
 * `news-annotator` command line: `parse FILE`, `extract` (JSON Lines, the ../shared/eval contract),
 * `index DIR [--json]`, `annotations import|export`, `claims export`. Errors are one line on stderr and a non-zero exit.
 */
import { runParse } from './cli/parse';
import { runExtract } from './cli/extract';
import { runAnnotations } from './cli/annotations';
import { runIndex } from './cli/indexCommand';
import { runTimeline } from './cli/timeline';
import { runClaims } from './cli/claims';
import { CliError } from './cli/io';

const USAGE = `usage: news-annotator <command> [args]

commands:
  parse FILE                 segment an article and print JSON (headline, authors, date, outlet, sections)
  extract [--tasks LIST]     JSON Lines in, JSON Lines out: people, dates and quotes (see README)
  annotations import WORKSPACE FILE                   add W3C annotations (Annotation, array, Page, Collection)
  annotations export WORKSPACE [--format jsonld|csv|md]  re-anchor and print every annotation
  index DIR [--json]         index the articles under DIR: outlets and entities across articles
  timeline DIR [--out FILE]  the articles and dated events under DIR as TimelineJS JSON
  claims export WORKSPACE [--format claimreview|csv]  claims with their claimant and appearances, as ClaimReview JSON or CSV
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'parse':
      return runParse(args);
    case 'extract':
      return runExtract(args);
    case 'annotations':
      return runAnnotations(args);
    case 'index':
      return runIndex(args);
    case 'timeline':
      return runTimeline(args);
    case 'claims':
      return runClaims(args);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new CliError(`unknown command '${command}' (try --help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    const message = err instanceof CliError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`news-annotator: ${message}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : 70;
  },
);
