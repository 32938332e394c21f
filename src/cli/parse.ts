import { parseArticle } from '../core/article';
import { CliError, readTextFile } from './io';

/** `parse FILE`: prints the parsed article as JSON (sections as UTF-16 offsets). */
export function runParse(args: string[]): number {
  const [file, ...rest] = args;
  if (!file || rest.length) throw new CliError('usage: news-annotator parse FILE');
  const text = readTextFile(file);
  const article = parseArticle(text);
  const { headline, authors, date, sectionName, outlet, sections, score } = article;
  process.stdout.write(JSON.stringify({ file, headline, authors, date, section: sectionName, outlet, score, sections }, null, 2) + '\n');
  return 0;
}
