/**
 * Speaker checks.
 *
 * Seeds: gold speakers are canonical names ("Jens Stoltenberg"), so the prediction must equal
 * the gold name, ignoring case.
 *
 * PolNeAR: a Source is written as in the text ("he", "the campaign", "Hillary Clinton’s
 * spokesman Brian Fallon, who…"). Only Sources with a proper name are scored:
 * 1. cut the Source at the first comma or " who " and drop parentheses (appositives, "(D-Wis.)");
 *    cut at " of " too when a name comes before it ("Charles B. Rangel of New York", but not
 *    "Secretary of State John Kerry");
 * 2. split into words, strip surrounding punctuation and a possessive 's; a possessive name that
 *    only qualifies what follows is dropped with the name it ends ("Obama's former strategist",
 *    "Hillary Clinton’s spokesman Brian Fallon"), while a Source that ends on it ("Trump’s") keeps it;
 * 3. drop titles and honorifics (Mr., Sen., President, Secretary…), suffixes (Jr., III),
 *    determiners and other function words (The, He, They…), and capitalised words that describe
 *    rather than name (U.S., Democrats, Officials);
 * 4. the proper-name words are the remaining words that start with an upper-case letter; none →
 *    not scored (pronouns, descriptions).
 * The last proper-name word is the surname (or an organisation's head word). A prediction is right
 * when it contains that word (case and diacritics folded). When the gold has a proper-name word
 * right before the surname (a given name, "Bill Clinton"), a capitalised word right before the
 * surname in the prediction must be one of the gold's name words, so "Hillary Clinton" is wrong
 * for "Bill Clinton" while "Clinton" or "Mrs. Clinton" is right. A null prediction is wrong.
 */

const TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sen senator rep del delegate ' +
    'representative congressman congresswoman gov governor president vice secretary chief gen ' +
    'general lt col maj capt sgt adm judge justice attorney mayor speaker chairman chairwoman chair ' +
    'director ambassador minister prime leader majority minority candidate nominee former press ' +
    'spokesman spokeswoman spokesperson campaign manager aide adviser advisor strategist pollster ' +
    'founder ceo executive anchor host correspondent reporter editor columnist author jr sr ii iii iv'
  ).split(' '),
);

const NOT_NAMES = new Set(
  (
    'the a an he she it they i we you his her its their our my this that these those some many most ' +
    'both all one two three several other others another each every in on at of for by with but and ' +
    'or if as according when while after before also then still yet so u.s us american americans ' +
    'democrat democrats republican republicans gop officials sources aides critics supporters experts ' +
    'analysts voters people polls reports observers advocates'
  ).split(' '),
);

/** Lower-case, diacritics removed, one apostrophe: the form words are compared in. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/gu, "'").toLowerCase();
}

interface Word {
  raw: string;
  folded: string;
  possessive: boolean;
}

function words(phrase: string): Word[] {
  return phrase.split(/\s+/).flatMap((token) => {
    const bare = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const raw = bare.replace(/['’]s$/iu, '');
    return raw.length > 0 ? [{ raw, folded: fold(raw), possessive: raw !== bare }] : [];
  });
}

const capitalised = (w: Word): boolean => /^\p{Lu}/u.test(w.raw);

const isName = (w: Word): boolean => capitalised(w) && !TITLES.has(w.folded) && !NOT_NAMES.has(w.folded);

function cutAppositives(source: string): string {
  const head = (source.split(/,| who /iu)[0] ?? '').replace(/\([^)]*\)?/gu, ' ');
  const of = head.indexOf(' of ');
  return of >= 0 && words(head.slice(0, of)).some(isName) ? head.slice(0, of) : head;
}

/** The Source's words after the cuts and without possessive qualifiers (rules 1 and 2 above). */
function sourceWords(source: string): Word[] {
  const all = words(cutAppositives(source));
  const kept: Word[] = [];
  all.forEach((w, i) => {
    if (!(w.possessive && isName(w) && i < all.length - 1)) {
      kept.push(w);
      return;
    }
    for (let last = kept.at(-1); last !== undefined && isName(last); last = kept.at(-1)) kept.pop();
  });
  return kept;
}

/** The gold Source's proper-name words, in order (see the rules above); empty when it names nobody. */
export function properNameWords(source: string): string[] {
  return sourceWords(source).filter(isName).map((w) => w.raw);
}

/** true/false for a scored Source, undefined when the Source has no proper name. */
export function sameNamedSpeaker(goldSource: string, predicted: string | null): boolean | undefined {
  const gold = sourceWords(goldSource);
  const surnameAt = gold.findLastIndex(isName);
  const surname = gold[surnameAt];
  if (surname === undefined) return undefined;
  if (predicted === null) return false;
  const said = words(predicted);
  const at = said.findIndex((w) => w.folded === surname.folded);
  if (at < 0) return false;
  const given = gold[surnameAt - 1];
  const before = said[at - 1];
  if (given === undefined || !isName(given) || before === undefined || !isName(before)) return true;
  // "Clinton" or "Mrs. Clinton" fit "Bill Clinton"; "Hillary Clinton" does not.
  return gold.some((w) => isName(w) && w.folded === before.folded);
}

/** Seeds: the canonical name, ignoring case and surrounding space. */
export function sameCanonicalSpeaker(gold: string, predicted: string | null): boolean {
  return predicted !== null && gold.trim().toLowerCase() === predicted.trim().toLowerCase();
}
