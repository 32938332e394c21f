/** A news outlet the parser knows by name. */
export interface KnownOutlet {
  /** Canonical name. */
  name: string;
  /** Other ways the text may write it (abbreviations, without "The"). Matched case-sensitively. */
  aliases: string[];
}

/**
 * A small curated list: outlets that appear in scraped articles often enough that their short forms
 * ("FAN", "NTD", "AP") must be recognised. Any other outlet is still found by name from the text's
 * own `From X` / `X Articles` lines.
 */
export const KNOWN_OUTLETS: readonly KnownOutlet[] = [
  { name: 'Free America Network', aliases: ['FAN'] },
  { name: 'The Epoch Times', aliases: ['Epoch Times', 'ET'] },
  { name: 'NTD', aliases: ['NTD News', 'NTD Television', 'New Tang Dynasty Television', 'ntd'] },
  { name: 'Reuters', aliases: ['REUTERS', 'Thomson Reuters'] },
  { name: 'Associated Press', aliases: ['AP', 'The Associated Press'] },
  { name: 'Agence France-Presse', aliases: ['AFP'] },
  { name: 'BBC News', aliases: ['BBC'] },
  { name: 'CNN', aliases: [] },
  { name: 'CNBC', aliases: [] },
  { name: 'Fox News', aliases: [] },
  { name: 'The New York Times', aliases: ['New York Times', 'NYT'] },
  { name: 'The Washington Post', aliases: ['Washington Post'] },
  { name: 'The Wall Street Journal', aliases: ['Wall Street Journal', 'WSJ'] },
  { name: 'Financial Times', aliases: ['The Financial Times', 'FT'] },
  { name: 'Bloomberg', aliases: ['Bloomberg News'] },
  { name: 'The Guardian', aliases: ['Guardian'] },
  { name: 'Al Jazeera', aliases: [] },
  { name: 'NPR', aliases: [] },
  { name: 'Politico', aliases: ['POLITICO'] },
  { name: 'The Hill', aliases: [] },
  { name: 'Breitbart', aliases: ['Breitbart News'] },
  { name: 'USA Today', aliases: ['USA TODAY'] },
  { name: 'Xinhua', aliases: ['Xinhua News Agency'] },
];

const byAlias = new Map<string, KnownOutlet>();
for (const outlet of KNOWN_OUTLETS) {
  byAlias.set(outlet.name.toLowerCase(), outlet);
  for (const alias of outlet.aliases) byAlias.set(alias.toLowerCase(), outlet);
}

/** The known outlet a name or alias refers to (case-insensitive), if any. */
export function lookUpOutlet(nameOrAlias: string): KnownOutlet | undefined {
  return byAlias.get(nameOrAlias.trim().toLowerCase());
}

/** Canonical outlet name: the known outlet's name, or the text as written. */
export function canonicalOutletName(nameOrAlias: string): string {
  return lookUpOutlet(nameOrAlias)?.name ?? nameOrAlias.trim();
}
