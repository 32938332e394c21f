/**
 * Names within an article: the canonical name each person mention refers to ("Ren" -> "Ren Zhengfei")
 * and the roles stated next to a mention ("Huawei founder and CEO Ren Zhengfei" -> founder, CEO).
 */

/** Words that make up a role or title placed before a name or in an apposition after it. */
const ROLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'ceo', 'cfo', 'coo', 'cto', 'chief', 'executive', 'founder', 'co-founder',
  'cofounder', 'chairman', 'chairwoman', 'chair', 'chairperson', 'director', 'secretary', 'senator', 'sen.', 'rep.',
  'representative', 'congressman', 'congresswoman', 'governor', 'gov.', 'mayor', 'judge', 'justice', 'general', 'gen.',
  'coach', 'manager', 'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'king', 'queen', 'prince', 'princess',
  'pope', 'ambassador', 'chancellor', 'premier', 'officer', 'analyst', 'economist', 'professor', 'prof.', 'dr.',
  'deputy', 'foreign', 'finance', 'defense', 'defence', 'state', 'attorney', 'lawyer', 'commissioner', 'head',
  'editor', 'reporter', 'correspondent', 'author', 'actor', 'actress', 'singer', 'striker', 'captain', 'midfielder',
  'goalkeeper', 'colonel', 'col.', 'lieutenant', 'lt.', 'admiral', 'sheriff', 'detective', 'inspector', 'former',
  'acting', 'senior', 'interim', 'assistant', 'associate', 'general', 'managing', 'partner', 'owner', 'candidate',
  'nominee', 'speaker', 'ceo-elect', 'president-elect', 'dictator', 'emperor', 'sergeant', 'sgt.', 'major', 'pastor',
  'bishop', 'cardinal', 'rabbi', 'imam', 'activist', 'adviser', 'advisor', 'counsel', 'economics', 'trade', 'commerce',
  'treasury', 'national', 'security', 'intelligence', 'operating', 'financial', 'technology', 'rotating', 'board',
  'member', 'spokesperson', 'commander', 'envoy', 'diplomat', 'official', 'staff', 'ex-president', 'first', 'lady',
]);
/** Role words that are never part of a person's name, so a tagged "Huawei CEO Ren Zhengfei" is cut before the name. */
const TITLE_WORDS = new Set([
  'ceo', 'cfo', 'coo', 'cto', 'founder', 'co-founder', 'chairman', 'chairwoman', 'president', 'spokesman', 'spokeswoman',
  'spokesperson', 'minister', 'secretary', 'senator', 'governor', 'mayor', 'director', 'chief', 'executive', 'coach',
  'manager', 'premier', 'chancellor', 'ambassador', 'analyst', 'economist', 'lawyer', 'attorney', 'judge', 'editor',
  'reporter', 'correspondent', 'president-elect', 'sen.', 'rep.', 'gov.', 'dr.', 'mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms',
  'king', 'queen', 'prince', 'princess', 'pope', 'cardinal', 'sheikh', 'emperor', 'sultan',
]);

/**
 * Cuts role words out of a tagged person span (`[start, end)` of `words`): the person is what follows
 * the last role word; a capitalised stretch before the first one is an organization ("Huawei CEO").
 * Returns the person part and, when there is one, the organization part.
 */
export function separateTitles(words: readonly string[], start: number, end: number): { person: [number, number] | null; organization: [number, number] | null } {
  let first = -1;
  let last = -1;
  for (let k = start; k < end - 1; k++) {
    if (TITLE_WORDS.has(words[k].toLowerCase())) {
      if (first < 0) first = k;
      last = k;
    }
  }
  if (first < 0) return { person: [start, end], organization: null };
  return { person: [last + 1, end], organization: first > start ? [start, first] : null };
}

/** Whether the words before `start` end in a title ("CEO Ren Zhengfei", "President Trump"): what follows is a person. */
export function followsTitle(words: readonly string[], start: number): boolean {
  return start > 0 && TITLE_WORDS.has(words[start - 1].toLowerCase());
}

/** Joins between roles ("founder and CEO") and inside them ("Secretary of State"). */
const ROLE_JOINS = new Set(['and', '&', 'of', ',']);
/** Words that may precede an appositive role: "Ren Zhengfei, the company's founder". */
const APPOSITION_LEAD = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', "'s", '’s', 'company', "company's"]);

/**
 * Roles stated next to a person mention whose words are `[start, end)` of `words`: a run of role words
 * right before it (split at "and"/commas) or an apposition after a comma. `isNameWord(k)` tells
 * whether word k belongs to another name (an organization in "Huawei founder").
 */
export function rolesAround(words: readonly string[], start: number, end: number, isNameWord: (k: number) => boolean): string[] {
  const roles: string[] = [];
  let k = start - 1;
  while (k >= 0 && !isNameWord(k) && (ROLE_WORDS.has(words[k].toLowerCase()) || (ROLE_JOINS.has(words[k].toLowerCase()) && k < start - 1))) k--;
  roles.push(...splitRoles(words.slice(k + 1, start)));
  if (!roles.length && words[end] === ',') {
    let j = end + 1;
    let lead = 0;
    while (j < words.length && lead < 4 && (APPOSITION_LEAD.has(words[j].toLowerCase()) || (isNameWord(j) && lead < 3))) {
      j++;
      lead++;
    }
    const from = j;
    while (j < words.length && (ROLE_WORDS.has(words[j].toLowerCase()) || (ROLE_JOINS.has(words[j].toLowerCase()) && words[j] !== ','))) j++;
    if (j < words.length && words[j] !== ',' && words[j] !== '.' && words[j] !== ')' && !/^(said|says|told|who)$/.test(words[j])) return roles;
    roles.push(...splitRoles(words.slice(from, j)));
  }
  return roles;
}

function splitRoles(run: readonly string[]): string[] {
  const roles: string[] = [];
  let current: string[] = [];
  const close = () => {
    while (current.length && ROLE_JOINS.has(current[0].toLowerCase())) current.shift();
    while (current.length && ROLE_JOINS.has(current[current.length - 1].toLowerCase())) current.pop();
    // A run of modifiers alone ("former") is not a role.
    if (current.some((w) => !['former', 'acting', 'senior', 'interim', 'first', 'state', 'national'].includes(w.toLowerCase()))) roles.push(current.join(' '));
    current = [];
  };
  for (const w of run) {
    const lw = w.toLowerCase();
    if (lw === 'and' || lw === '&' || lw === ',') close();
    else current.push(w);
  }
  close();
  return roles;
}

/**
 * Canonical names for person mentions of one article (`names[i]` is mention i's written name).
 * A mention whose words are the first or last words of exactly one longer name takes that name;
 * when two longer names share the word (two people called Meng), the mention keeps its own name.
 */
export function canonicalPersonNames(names: readonly string[]): string[] {
  const full = [...new Set(names.filter((n) => n.includes(' ')))];
  const fullWords = full.map((n) => n.split(' '));
  return names.map((name) => {
    const words = name.split(' ');
    const candidates = full.filter((f, i) => {
      if (f === name) return false;
      const fw = fullWords[i];
      if (fw.length <= words.length) return false;
      const prefix = words.every((w, k) => w === fw[k]);
      const suffix = words.every((w, k) => w === fw[fw.length - words.length + k]);
      return prefix || suffix;
    });
    if (candidates.length === 0) return name;
    // Longer names that extend one another ("Donald Trump", "Donald J. Trump") are one person: take the longest.
    const longest = candidates.reduce((a, b) => (b.length > a.length ? b : a));
    const consistent = candidates.every((c) => c === longest || longest.endsWith(' ' + c) || longest.startsWith(c + ' ') || sameEnds(c, longest));
    return consistent ? longest : name;
  });
}

function sameEnds(a: string, b: string): boolean {
  const aw = a.split(' ');
  const bw = b.split(' ');
  return aw[0] === bw[0] && aw[aw.length - 1] === bw[bw.length - 1];
}
