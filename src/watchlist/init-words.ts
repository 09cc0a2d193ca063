/**
 * English word lists and word forms for `statements init`'s keywords: stop words, plural and verb
 * inflections, and the verb a noun is made from (withdrawal → withdraw, invasion → invade). General
 * English, not tuned to any one story.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Function words, and words too common in any news story to be a key phrase. */
export const STOP_WORDS = set(`
  a about above across after afterwards again against all almost alone along already also although always am
  among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became
  because become becomes becoming been before beforehand behind being below beside besides between beyond
  both but by can cannot could did do does doing done down due during each either else elsewhere enough even
  ever every everyone everything everywhere except few first for former formerly from further had has have
  having he hence her here hereafter hereby herein hers herself him himself his how however i if in indeed
  instead into is it its itself just last later latter least less let like made make makes many may me
  meanwhile might mine more moreover most mostly much must my myself namely neither never nevertheless next
  no nobody none noone nor not nothing now nowhere of off often on once one only onto or other others
  otherwise our ours ourselves out over own per perhaps please put quite rather really same see seem seemed
  seeming seems several she should since so some somehow someone something sometime sometimes somewhere
  still such than that the their theirs them themselves then thence there thereafter thereby therefore
  therein thereupon these they this those though through throughout thru thus to together too toward towards
  under until up upon us very via was we well were what whatever when whence whenever where whereafter
  whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why
  will with within without would yet you your yours yourself yourselves
  ago amid amidst despite including upon onto versus via whilst unlike near ahead inside outside past
  regarding concerning following plus minus
  remain remains remained remaining include includes included allow allows allowed become becomes
  appear appears appeared continue continues continued begin begins began start starts started
  happen happens happened mean means meant call calls called ask asks asked put puts show shows showed
  shown turn turns turned move moves moved set sets hold holds held bring brings brought
  able around new old big small large little long short high low good bad great main major real true
  certain clear different similar various whole full possible likely unlikely simply really
  see sees saw seen seeing get gets got getting go goes went gone going come comes came coming take takes took taken taking
  give gives gave given giving keep keeps kept keeping know knows knew known knowing look looks looked
  seem want wants wanted need needs needed use used uses using try tried tries trying help helped
  mr mrs ms dr sir madam
  time times day days week weeks month months year years today yesterday tomorrow tonight morning
  afternoon evening night hour hours minute minutes moment moments period decade decades century
  monday tuesday wednesday thursday friday saturday sunday weekend
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  number numbers lot lots part parts way ways thing things fact facts case cases kind kinds sort sorts
  point points place places side sides end ends area areas people person percent per cent half
  zero two three four five six seven eight nine ten eleven twelve hundred hundreds thousand thousands
  million millions billion billions dozen dozens
  news report reports reported reporter reporters statement statements comment comments remark remarks
  interview interviews article articles story stories source sources update updates photo photos video
  videos image images picture pictures click read watch listen share subscribe advertisement copyright
  word words question questions answer answers issue issues matter matters situation situations
  according
`);

/** Verb particles that make a phrasal verb and its noun ("pull back" / "pullback"). */
export const PARTICLES = ['back', 'out', 'up', 'down', 'off', 'over', 'in'] as const;

/** Irregular verbs: base → [past, participle]. Prefixed verbs (withdraw, undertake) follow their base. */
const IRREGULAR: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['arise', ['arose', 'arisen']],
  ['be', ['was', 'been']],
  ['bear', ['bore', 'borne']],
  ['beat', ['beat', 'beaten']],
  ['become', ['became', 'become']],
  ['begin', ['began', 'begun']],
  ['bend', ['bent', 'bent']],
  ['bid', ['bid', 'bid']],
  ['bind', ['bound', 'bound']],
  ['bite', ['bit', 'bitten']],
  ['bleed', ['bled', 'bled']],
  ['blow', ['blew', 'blown']],
  ['break', ['broke', 'broken']],
  ['bring', ['brought', 'brought']],
  ['build', ['built', 'built']],
  ['burn', ['burnt', 'burnt']],
  ['burst', ['burst', 'burst']],
  ['buy', ['bought', 'bought']],
  ['cast', ['cast', 'cast']],
  ['catch', ['caught', 'caught']],
  ['choose', ['chose', 'chosen']],
  ['come', ['came', 'come']],
  ['cost', ['cost', 'cost']],
  ['cut', ['cut', 'cut']],
  ['deal', ['dealt', 'dealt']],
  ['dig', ['dug', 'dug']],
  ['do', ['did', 'done']],
  ['draw', ['drew', 'drawn']],
  ['drive', ['drove', 'driven']],
  ['eat', ['ate', 'eaten']],
  ['fall', ['fell', 'fallen']],
  ['feed', ['fed', 'fed']],
  ['feel', ['felt', 'felt']],
  ['fight', ['fought', 'fought']],
  ['find', ['found', 'found']],
  ['flee', ['fled', 'fled']],
  ['fly', ['flew', 'flown']],
  ['forbid', ['forbade', 'forbidden']],
  ['forecast', ['forecast', 'forecast']],
  ['freeze', ['froze', 'frozen']],
  ['give', ['gave', 'given']],
  ['go', ['went', 'gone']],
  ['grow', ['grew', 'grown']],
  ['hang', ['hung', 'hung']],
  ['hear', ['heard', 'heard']],
  ['hide', ['hid', 'hidden']],
  ['hit', ['hit', 'hit']],
  ['hold', ['held', 'held']],
  ['hurt', ['hurt', 'hurt']],
  ['keep', ['kept', 'kept']],
  ['know', ['knew', 'known']],
  ['lay', ['laid', 'laid']],
  ['lead', ['led', 'led']],
  ['leave', ['left', 'left']],
  ['lend', ['lent', 'lent']],
  ['let', ['let', 'let']],
  ['lie', ['lay', 'lain']],
  ['lose', ['lost', 'lost']],
  ['make', ['made', 'made']],
  ['mean', ['meant', 'meant']],
  ['meet', ['met', 'met']],
  ['pay', ['paid', 'paid']],
  ['put', ['put', 'put']],
  ['quit', ['quit', 'quit']],
  ['read', ['read', 'read']],
  ['ride', ['rode', 'ridden']],
  ['ring', ['rang', 'rung']],
  ['rise', ['rose', 'risen']],
  ['run', ['ran', 'run']],
  ['say', ['said', 'said']],
  ['see', ['saw', 'seen']],
  ['seek', ['sought', 'sought']],
  ['sell', ['sold', 'sold']],
  ['send', ['sent', 'sent']],
  ['set', ['set', 'set']],
  ['shake', ['shook', 'shaken']],
  ['shoot', ['shot', 'shot']],
  ['show', ['showed', 'shown']],
  ['shut', ['shut', 'shut']],
  ['sink', ['sank', 'sunk']],
  ['sit', ['sat', 'sat']],
  ['slide', ['slid', 'slid']],
  ['speak', ['spoke', 'spoken']],
  ['spend', ['spent', 'spent']],
  ['split', ['split', 'split']],
  ['spread', ['spread', 'spread']],
  ['stand', ['stood', 'stood']],
  ['steal', ['stole', 'stolen']],
  ['stick', ['stuck', 'stuck']],
  ['strike', ['struck', 'struck']],
  ['swear', ['swore', 'sworn']],
  ['swing', ['swung', 'swung']],
  ['take', ['took', 'taken']],
  ['teach', ['taught', 'taught']],
  ['tear', ['tore', 'torn']],
  ['tell', ['told', 'told']],
  ['think', ['thought', 'thought']],
  ['throw', ['threw', 'thrown']],
  ['understand', ['understood', 'understood']],
  ['wake', ['woke', 'woken']],
  ['wear', ['wore', 'worn']],
  ['win', ['won', 'won']],
  ['wind', ['wound', 'wound']],
  ['write', ['wrote', 'written']],
]);

const VOWEL = /[aeiou]/;

/** Singular of a plural noun, roughly: "troops" → "troop", "bases" → "base", "crises" stays. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is|ics)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function plural(noun: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** One vowel then one consonant at the end of a one-syllable verb: its consonant doubles (ban → banned). */
function doubles(verb: string): boolean {
  const last = verb.split('-').pop() ?? verb;
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(last);
}

/** Prefixes of irregular verbs that stay irregular: withdraw, undertake, overthrow, rebuild. */
const VERB_PREFIXES = ['with', 'under', 'over', 'out', 'up', 're', 'mis', 'fore', 'be', 'for', 'un', 'down', 'by'];

function irregular(verb: string): readonly [string, string] | undefined {
  const exact = IRREGULAR.get(verb);
  if (exact !== undefined) return exact;
  for (const prefix of VERB_PREFIXES) {
    if (!verb.startsWith(prefix)) continue;
    const base = verb.slice(prefix.length).replace(/^-/, '');
    const forms = IRREGULAR.get(base);
    if (forms === undefined) continue;
    const head = verb.slice(0, verb.length - base.length);
    return [head + forms[0], head + forms[1]];
  }
  return undefined;
}

/** Every form of a verb: base, -s, past, participle, -ing. */
export function verbForms(verb: string): string[] {
  const forms = new Set<string>([verb]);
  if (/(?:s|x|z|ch|sh)$/.test(verb)) forms.add(`${verb}es`);
  else if (/[^aeiou]y$/.test(verb)) forms.add(`${verb.slice(0, -1)}ies`);
  else forms.add(`${verb}s`);
  const irregularForms = irregular(verb);
  if (irregularForms !== undefined) {
    forms.add(irregularForms[0]);
    forms.add(irregularForms[1]);
  } else if (verb.endsWith('e')) {
    forms.add(`${verb}d`);
  } else if (/[^aeiou]y$/.test(verb)) {
    forms.add(`${verb.slice(0, -1)}ied`);
  } else if (doubles(verb)) {
    forms.add(`${verb}${verb.slice(-1)}ed`);
  } else {
    forms.add(`${verb}ed`);
  }
  if (verb.endsWith('ie')) forms.add(`${verb.slice(0, -2)}ying`);
  else if (verb.endsWith('e') && !verb.endsWith('ee') && verb.length > 2) forms.add(`${verb.slice(0, -1)}ing`);
  else if (doubles(verb)) forms.add(`${verb}${verb.slice(-1)}ing`);
  else forms.add(`${verb}ing`);
  return [...forms];
}

/** Nominal suffixes and what the verb ends in instead (escalation → escalate, invasion → invade). */
const NOUN_TO_VERB: readonly (readonly [string, readonly string[]])[] = [
  ['ification', ['ify']],
  ['isation', ['ise', 'ize']],
  ['ization', ['ize', 'ise']],
  ['ation', ['ate', 'e', '']],
  ['ssion', ['ss']],
  ['ension', ['end']],
  ['sion', ['de', 'se', 't']],
  ['tion', ['t', 'te']],
  ['ment', ['']],
  ['ial', ['y']],
  ['al', ['', 'e']],
  ['ance', ['', 'e']],
  ['ence', ['', 'e']],
  ['ure', ['', 'e']],
  ['ery', ['er']],
  ['ing', ['', 'e']],
];

/**
 * The verb a noun comes from, when the articles use that verb (so the guess is checked):
 * "withdrawal" → "withdraw", "invasion" → "invade", "attack" → "attack". Null when none is used.
 */
export function verbOf(noun: string, used: ReadonlySet<string>): string | null {
  // Evidence is a past or -ing form: a base form or an -s form may be a noun ("memory", "allies").
  const evidence = (verb: string): string[] => {
    if (verb.length < 3 || !VOWEL.test(verb)) return [];
    const forms = verbForms(verb);
    return forms.slice(2).filter((f) => f !== noun && f !== plural(noun) && used.has(f));
  };
  for (const [suffix, endings] of NOUN_TO_VERB) {
    if (!noun.endsWith(suffix) || noun.length - suffix.length < 2) continue;
    const stem = noun.slice(0, -suffix.length);
    // "proposal": "propos" and "propose" share "proposed"; the forms only one of them has decide,
    // then the spelling English uses ("propose", "arrive", but "elect", "inform", "renew").
    const scored = endings
      .map((ending) => ({ verb: stem + ending, forms: evidence(stem + ending) }))
      .filter((c) => c.forms.length > 0);
    if (scored.length === 0) continue;
    const unique = (c: { verb: string; forms: string[] }): number => c.forms.filter((f) => !scored.some((o) => o !== c && o.forms.includes(f))).length;
    // The articles may write the base or -s form too ("prepare for", "proposes").
    const written = (verb: string): number => Number(verbForms(verb).slice(0, 2).some((f) => f !== noun && used.has(f)));
    const spelt = (verb: string): number => {
      const bare = verb.endsWith('e') ? verb.slice(0, -1) : verb;
      return Number(verb.endsWith('e') === /(?:v|[^c]c|[^s]s|z|u|[^aeiou][aiou]r|[^aeiou]g)$/.test(bare));
    };
    scored.sort((x, y) => unique(y) - unique(x) || y.forms.length - x.forms.length || written(y.verb) - written(x.verb) || spelt(y.verb) - spelt(x.verb));
    return scored[0]!.verb;
  }
  // A noun that is also a verb ("attack", "strike"): used with a verb ending.
  return evidence(noun).length > 0 ? noun : null;
}

/** "pullback" → ["pull", "back"] when the articles also write the verb apart ("pulling back"). */
export function phrasalSplit(word: string, usedPairs: ReadonlySet<string>): [string, string] | null {
  for (const particle of PARTICLES) {
    if (!word.endsWith(particle) || word.length - particle.length < 3) continue;
    const verb = word.slice(0, -particle.length).replace(/-$/, '');
    if (verbForms(verb).some((f) => usedPairs.has(`${f} ${particle}`))) return [verb, particle];
  }
  return null;
}
