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
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError, FsError, describeFsError } from './cli/io';

const USAGE = `usage: news-annotator <command> [args]

commands:
  parse FILE                 segment an article and print JSON (headline, authors, date, outlet, sections)
  extract [--tasks LIST]     JSON Lines in, JSON Lines out: people, dates and quotes (see README)
  annotations import WORKSPACE FILE                   add W3C annotations (Annotation, array, Page, Collection)
  annotations export WORKSPACE [--format jsonld|csv|md]  re-anchor and print every annotation
  index DIR [--json]         index the articles under DIR: outlets and entities across articles
  timeline DIR [--out FILE]  the articles and dated events under DIR as TimelineJS JSON
  claims export WORKSPACE [--format claimreview|csv]  claims with their claimant and appearances, as ClaimReview JSON or CSV

options: --help (also after a command: its usage), --version
`;

/** Usage of each command, printed by `news-annotator COMMAND --help`. */
const COMMAND_USAGE: Record<string, string> = {
  parse: `usage: news-annotator parse FILE

Segments an article (UTF-8, or UTF-16 with a BOM) and prints JSON: headline, authors, date, section,
outlet, score and sections (UTF-16 offsets).
`,
  extract: `usage: news-annotator extract [--tasks people,dates,quotes]

Reads JSON Lines on stdin ({"id","text","date"}, date YYYY-MM-DD or null) and writes one JSON line per
document ({"id","people","dates","quotes","entities"}). A bad line is reported on stderr with its
number; the run then ends with exit status 65 after answering the others.
`,
  annotations: `usage: news-annotator annotations import WORKSPACE FILE
       news-annotator annotations export WORKSPACE [--format jsonld|csv|md]

import  adds the W3C annotations of FILE (an Annotation, an array, an AnnotationPage or an
        AnnotationCollection) to the store of WORKSPACE (.news-annotations/). Every target source
        must be a file of WORKSPACE (a relative path or a file URI inside it); anything else is
        refused and nothing is written. Importing the same file again changes nothing.
export  re-anchors every stored annotation against its article and prints them (JSON-LD, CSV with
        formula cells neutralised, or Markdown). Store files that cannot be read are skipped, named
        on stderr, and the exit status is 65.
`,
  index: `usage: news-annotator index DIR [--json]

Indexes the .txt articles under DIR and prints their outlets and the people, organizations and
places across articles (a table, or JSON with --json). Files that cannot be read are listed on
stderr and skipped.
`,
  timeline: `usage: news-annotator timeline DIR [--out FILE]

Indexes the articles under DIR and writes their timeline (dated articles by outlet, the dated events
with their article) as TimelineJS JSON, to stdout or FILE. Skipped files are listed on stderr.
`,
  claims: `usage: news-annotator claims export WORKSPACE [--format claimreview|csv] [--organization NAME]
                                     [--url-template URL] [--rating-scale "A,B,C"]

Indexes WORKSPACE and prints its claims (assessing annotations) with their claimant, appearances and
first appearance, as a JSON array of schema.org ClaimReview objects or as CSV (formula cells
neutralised). Settings not given come from WORKSPACE/.vscode/settings.json; warnings go to stderr.
`,
};

/** The version in package.json (beside dist/ in the package, beside src/ in the repository). */
function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

/** Exit status of a file-system failure (EX_IOERR). */
const EXIT_IO_ERROR = 74;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command !== undefined && COMMAND_USAGE[command] !== undefined && (args.includes('--help') || args.includes('-h'))) {
    process.stdout.write(COMMAND_USAGE[command]);
    return 0;
  }
  switch (command) {
    case '--version':
    case '-V':
    case 'version':
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
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
    // A file-system failure is the user's to fix (permissions, a full disk, a link loop), not a bug.
    const fsMessage = err instanceof FsError ? err.message : describeFsError(err);
    const message = err instanceof CliError ? err.message : fsMessage ?? `internal error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`news-annotator: ${message}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : fsMessage !== undefined ? EXIT_IO_ERROR : 70;
  },
);
