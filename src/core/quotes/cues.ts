/** Verbs of saying in every tense, as one regular-expression alternative (longest forms first). */
const CUE_VERBS = [
  'say', 'tell', 'add', 'write', 'ask', 'insist', 'note', 'explain', 'continue', 'argue', 'declare', 'state',
  'recall', 'warn', 'claim', 'tweet', 'respond', 'reply', 'joke', 'acknowledge', 'admit', 'announce', 'complain',
  'conclude', 'suggest', 'predict', 'remark', 'observe', 'quip', 'exclaim', 'shout', 'testify', 'email', 'report',
  'write', 'post', 'boast', 'contend', 'counter', 'concede', 'assert', 'caution', 'vow', 'pledge', 'promise',
  'urge', 'demand', 'emphasize', 'stress', 'scoff', 'mock', 'lament', 'confirm', 'deny', 'describe', 'call',
  'agree', 'repeat', 'reiterate', 'recount', 'muse', 'wonder', 'yell', 'chant', 'cry', 'plead', 'propose', 'retort',
  'snap', 'sigh', 'laugh', 'declare', 'blast', 'charge', 'allege', 'maintain', 'point out', 'go on', 'put it',
  'reply', 'text', 'elaborate', 'proclaim', 'tout', 'thunder', 'whisper', 'mutter', 'interject', 'read',
];

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling', 'tell'],
  write: ['wrote', 'written', 'writes', 'writing', 'write'],
  'go on': ['went on', 'goes on', 'going on', 'gone on'],
  'put it': ['put it', 'puts it', 'putting it'],
  read: ['reads', 'read'],
  snap: ['snapped', 'snaps', 'snap'],
  cry: ['cried', 'cries', 'cry'],
  testify: ['testified', 'testifies', 'testify'],
  deny: ['denied', 'denies', 'deny'],
  reply: ['replied', 'replies', 'replying', 'reply'],
};

function formsOf(verb: string): string[] {
  const irregular = IRREGULAR[verb];
  if (irregular) return irregular;
  const [head, ...rest] = verb.split(' ');
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  const stem = head.endsWith('e') ? head.slice(0, -1) : head;
  const s = /(?:s|sh|ch|x)$/.test(head) ? head + 'es' : head + 's';
  return [head + tail, s + tail, stem + 'ed' + tail, stem + 'ing' + tail];
}

/** Verbs that are also common nouns ("the report", "a call"): only their -ed and -ing forms are cues. */
const NOUN_LIKE = new Set(['report', 'call', 'post', 'text', 'read', 'state', 'note', 'claim', 'charge', 'tweet', 'counter',
  'promise', 'pledge', 'demand', 'reply', 'laugh', 'cry', 'sigh', 'snap', 'blast', 'stress', 'email', 'quip', 'joke',
  'chant', 'plead', 'muse', 'vow', 'caution', 'concede', 'yell', 'shout', 'tout', 'whisper', 'remark', 'wonder']);

function cueForms(verb: string): string[] {
  const forms = formsOf(verb);
  return NOUN_LIKE.has(verb) ? forms.filter((f) => /(?:ed|ing|ied|ped)$/.test(f) || f === 'read') : forms;
}

/** Alternation of every cue form, longest first so that `saying` wins over `say`. */
export const CUE_PATTERN = [...new Set(CUE_VERBS.flatMap(cueForms).concat(['according to', 'According to']))]
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Cue forms that take the speaker after them ("according to Smith"), never before. */
export const SPEAKER_AFTER_CUE = /^according to$/i;
