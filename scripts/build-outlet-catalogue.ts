// `npm run build:outlets [FUNDUS_PUBLISHERS_DIR]`: builds models/outlets.json, the catalogue of news outlets the
// article parser recognises by name, alias or domain, from the publisher list of flairNLP/fundus (MIT licence;
// `src/fundus/publishers/<country>/__init__.py`, each `Publisher(name=..., domain=...)`). The download stays outside
// the repository (default /work/data-cache/fundus/src/fundus/publishers, e.g. from `git archive` of the repository).
// Deterministic: outlets sorted by name, aliases sorted.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SOURCE = process.argv[2] ?? '/work/data-cache/fundus/src/fundus/publishers';
const OUT = resolve(__dirname, '..', 'models', 'outlets.json');
const PUBLISHER = /\n {4}(\w+) = Publisher\(\s*name="([^"]+)",\s*domain="([^"]+)"/g;

interface CatalogueOutlet {
  name: string;
  aliases: string[];
  domains: string[];
  country: string;
}

function aliasesOf(className: string, name: string, domain: string): { name: string; aliases: string[] } {
  const aliases = new Set<string>();
  let canonical = name.trim();
  // "Bayerischer Rundfunk (BR)": the bracketed part is the short form.
  const bracket = /^(.*?)\s*\(([^()]+)\)$/.exec(canonical);
  if (bracket) {
    canonical = bracket[1];
    aliases.add(bracket[2]);
  }
  if (/^the\s/i.test(canonical)) aliases.add(canonical.replace(/^the\s+/i, ''));
  // The class name where it is a written form ("CNBC", "TagesAnzeiger" is not, "SpiegelOnline" is not).
  if (/^[A-Z0-9]{2,}$/.test(className)) aliases.add(className);
  aliases.add(domain);
  aliases.delete(canonical);
  return { name: canonical, aliases: [...aliases].filter((a) => a.length >= 2).sort() };
}

function main(): void {
  const outlets: CatalogueOutlet[] = [];
  for (const country of readdirSync(SOURCE).sort()) {
    let text: string;
    try {
      text = readFileSync(join(SOURCE, country, '__init__.py'), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(PUBLISHER)) {
      const domain = new URL(m[3]).hostname.replace(/^www\./, '');
      const { name, aliases } = aliasesOf(m[1], m[2], domain);
      outlets.push({ name, aliases, domains: [domain], country });
    }
  }
  outlets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.domains[0] < b.domains[0] ? -1 : 1));
  const json = JSON.stringify({ source: 'flairNLP/fundus src/fundus/publishers (MIT licence)', outlets }) + '\n';
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT}: ${outlets.length} outlets, ${json.length} bytes`);
}

main();
