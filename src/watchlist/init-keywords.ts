/**
 * The keywords of `statements init`: the key phrases of a situation, from a few articles about it.
 *
 * Candidates are the noun phrases of one to three content words in the reporting and the quotes
 * (stop words, numbers, proper names, actor names, page furniture and words about people such as
 * "ministers" left out), counted per article with plurals folded ("troops" = "troop") and "A of B"
 * read as "B A" ("withdrawal of troops" = "troop withdrawal"). Phrases are grouped by their head
 * word's family: the noun, the verb it is made from when the articles use that verb
 * ("withdrawal", "withdraw", "withdrew"), and a phrasal verb written solid or apart ("pullback",
 * "pull back"). A family becomes a keyword when a multi-word phrase of it occurs in at least two
 * articles (one, twice, when there is only one), or when its head is an action word (made from a
 * verb, or a hyphenated or phrasal compound) that does; the commonest families win, up to `max`.
 */
import type { Actor, Keyword } from '../model/index.js';
import { compileWatchlist } from '../matches/index.js';
import { PERSON_ROLES, ROLE_NOUNS, SPEECH_VERBS } from '../statements/lexicon.js';
import type { Token } from '../statements/tokens.js';
import { type ReadArticle, slugOf } from './init-text.js';
import { PARTICLES, phrasalSplit, plural, singular, STOP_WORDS, verbForms, verbOf } from './init-words.js';

export interface FoundKeyword {
  keyword: Keyword;
  /** Articles the keyword's family occurs in. */
  articles: number;
  /** Occurrences of the family in all articles. */
  occurrences: number;
}

/** A phrase candidate: its folded key and what the articles wrote. */
interface Phrase {
  key: string;
  words: number;
  articles: Set<number>;
  count: number;
  forms: Map<string, number>;
}

interface Family {
  root: string;
  /** The head is an action: made from a verb the articles use, or a hyphenated or phrasal compound. */
  eventive: boolean;
  verb: string | null;
  phrasal: [string, string] | null;
  /** The nouns heading its phrases ("withdrawal"), singular. */
  heads: Set<string>;
  phrases: Phrase[];
  articles: Set<number>;
  count: number;
}

interface Word {
  lower: string;
  content: boolean;
  /** Index into the article's flat word list, to see whether two words are adjacent. */
  at: number;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'some']);
const MAX_WORDS = 3;

export function findKeywords(articles: readonly ReadArticle[], actors: readonly Actor[], max = 20): FoundKeyword[] {
  const minArticles = articles.length >= 2 ? 2 : 1;
  const matcher = compileWatchlist({ actors: [...actors], keywords: [] });
  const used = new Set<string>();
  const pairs = new Set<string>();
  const lowerSeen = new Set<string>();
  /** Capitalised words seen inside sentences: names ("Trump"), even when they open one. */
  const capitalSeen = new Set<string>();
  /** Words seen right after "the", "a", "its"…: nouns, so "the return" makes "return" a noun. */
  const afterDeterminer = new Set<string>();
  const runsByArticle: Word[][][] = [];

  for (const article of articles) {
    for (const tokens of article.words) {
      tokens.forEach((t, i) => {
        if (t.type !== 'word') return;
        if (!t.capital) lowerSeen.add(t.lower);
        else if (!opensSentence(tokens[i - 1])) capitalSeen.add(t.lower);
      });
    }
  }
  articles.forEach((article) => {
    const runs: Word[][] = [];
    let at = 0;
    article.words.forEach((tokens, p) => {
      const paragraph = article.paragraphs[p];
      if (paragraph === undefined || tokens.length === 0) return;
      const actorSpans = matcher.scan(article.source.text, paragraph.start, paragraph.end);
      const inActorAt = (t: Token): boolean => actorSpans.some((h) => h.start < t.end && t.start < h.end);
      let run: Word[] = [];
      const flush = (): void => {
        if (run.length > 0) runs.push(run);
        run = [];
      };
      tokens.forEach((t, i) => {
        if (t.type !== 'word') {
          flush();
          at++;
          return;
        }
        const lower = t.lower;
        const content = !inActorAt(t) && isContentWord(t, tokens[i - 1], lowerSeen, capitalSeen);
        if (!t.capital || content) used.add(lower);
        const next = tokens[i + 1];
        if (next !== undefined && next.type === 'word') pairs.add(`${lower} ${next.lower}`);
        if (next !== undefined && next.type === 'word' && DETERMINERS.has(lower)) afterDeterminer.add(next.lower);
        const word: Word = { lower, content, at: at++ };
        run.push(word);
      });
      flush();
    });
    runsByArticle.push(runs);
  });

  const phrases = new Map<string, Phrase>();
  const note = (key: string, words: number, form: string, a: number): void => {
    let phrase = phrases.get(key);
    if (phrase === undefined) {
      phrase = { key, words, articles: new Set(), count: 0, forms: new Map() };
      phrases.set(key, phrase);
    }
    phrase.articles.add(a);
    phrase.count++;
    phrase.forms.set(form, (phrase.forms.get(form) ?? 0) + 1);
  };
  runsByArticle.forEach((runs, a) => {
    for (const run of runs) {
      for (let i = 0; i < run.length; i++) {
        for (let n = 1; n <= MAX_WORDS && i + n <= run.length; n++) {
          const words = run.slice(i, i + n);
          if (!words.every((w) => w.content)) break;
          if (!isNounPhrase(words.map((w) => w.lower))) continue;
          note(words.map((w) => singular(w.lower)).join(' '), n, words.map((w) => w.lower).join(' '), a);
        }
        // "withdrawal of (the) troops" is "troop withdrawal"
        const head = run[i]!;
        if (!head.content || run[i + 1]?.lower !== 'of') continue;
        let k = i + 2;
        if (DETERMINERS.has(run[k]?.lower ?? '')) k++;
        const object = run[k];
        if (object === undefined || !object.content || run[k + 1]?.content) continue;
        const key = `${singular(object.lower)} ${singular(head.lower)}`;
        if (isNounPhrase([object.lower, head.lower])) note(key, 2, run.slice(i, k + 1).map((w) => w.lower).join(' '), a);
      }
    }
  });

  // Phrases read only inverted ("evidence of the withdrawal") are no phrase of their own.
  for (const [key, phrase] of phrases) {
    const literal = [...phrase.forms.keys()].some((f) => !f.includes(' of '));
    if (!literal) phrases.delete(key);
  }

  const families = groupFamilies([...phrases.values()], used, pairs, afterDeterminer);
  countFamilies(families, runsByArticle);
  const chosen: { family: Family; label: string; score: number }[] = [];
  for (const family of families) {
    const multi = family.phrases.filter((p) => p.words > 1 && p.articles.size >= minArticles && (minArticles > 1 || p.count >= 2));
    multi.sort((x, y) => y.articles.size - x.articles.size || y.count - x.count || x.words - y.words);
    const best = multi[0];
    if (best !== undefined) {
      chosen.push({ family, label: commonestForm(best), score: best.articles.size * 10 + Math.min(family.articles.size, 9) + family.count / 100 });
    } else if (family.eventive && family.articles.size >= minArticles && (minArticles > 1 || family.count >= 2)) {
      const singles = family.phrases.filter((p) => p.words === 1 && family.heads.has(p.key)).sort((x, y) => y.count - x.count);
      const single = singles[0];
      const label = single !== undefined ? commonestForm(single) : family.phrasal !== null ? family.phrasal.join('') : family.root;
      chosen.push({ family, label, score: family.articles.size * 10 + family.count / 100 - 5 });
    }
  }
  chosen.sort((x, y) => y.score - x.score);

  const taken = new Set<string>();
  const out: FoundKeyword[] = [];
  const ids = new Set<string>();
  for (const { family, label } of chosen) {
    if (out.length >= max) break;
    const variants = variantsOf(family, minArticles, used).filter((v) => v !== label && !taken.has(v));
    if (taken.has(label)) continue;
    for (const v of [label, ...variants]) taken.add(v);
    let id = slugOf(label) || 'keyword';
    for (let n = 2; ids.has(id); n++) id = `${slugOf(label)}-${n}`;
    ids.add(id);
    out.push({ keyword: { id, label, variants }, articles: family.articles.size, occurrences: family.count });
  }
  return out;
}

/** A word that can be part of a key phrase. */
function opensSentence(before: Token | undefined): boolean {
  return before === undefined || before.sentenceEnd || before.type === 'quote' || /^[“"‘'(\[—–:-]$/.test(before.text);
}

function isContentWord(t: Token, before: Token | undefined, lowerSeen: ReadonlySet<string>, capitalSeen: ReadonlySet<string>): boolean {
  const lower = t.lower;
  if (t.capital) {
    // A capital opening a sentence hides an ordinary word only if the articles write it in lower
    // case elsewhere, and never with a capital inside a sentence (a name: "Trump").
    if (!opensSentence(before) || !lowerSeen.has(lower) || capitalSeen.has(lower)) return false;
  }
  if (/\d/.test(lower) || lower.includes('.') || lower.includes('’') || lower.includes("'")) return false;
  if (lower.length < 3 && !lower.includes('-')) return false;
  if (STOP_WORDS.has(lower) || SPEECH_VERBS.has(lower)) return false;
  // "two-day", "so-called", "high-level": a compound led by a function or number word describes.
  if (lower.includes('-') && STOP_WORDS.has(lower.split('-')[0]!)) return false;
  if (lower.endsWith('ly') && lower.length > 4) return false;
  return /^\p{L}[\p{L}-]*\p{L}$/u.test(lower);
}

/** No verb or participle at either end, and no person at the head ("defence ministers"). */
function isNounPhrase(words: readonly string[]): boolean {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const head = singular(last);
  if (PERSON_ROLES.has(head) || ROLE_NOUNS.has(head) || ROLE_NOUNS.has(last)) return false;
  // "pulling", "amassed troops": a verb or participle at either end makes no noun phrase.
  const verbal = (w: string): boolean => w.length > 4 && (w.endsWith('ing') || (w.endsWith('ed') && !w.endsWith('eed')));
  if (verbal(last) || (words.length > 1 && verbal(first))) return false;
  return true;
}

function commonestForm(phrase: Phrase): string {
  const literal = [...phrase.forms.entries()].filter(([f]) => !f.includes(' of '));
  literal.sort((x, y) => y[1] - x[1] || x[0].length - y[0].length);
  return literal[0]?.[0] ?? phrase.key;
}

function groupFamilies(phrases: readonly Phrase[], used: ReadonlySet<string>, pairs: ReadonlySet<string>, nouns: ReadonlySet<string>): Family[] {
  const byRoot = new Map<string, Family>();
  for (const phrase of phrases) {
    const words = phrase.key.split(' ');
    const head = words[words.length - 1]!;
    const phrasal = phrasalSplit(head, pairs);
    const verb = phrasal === null ? verbOf(head, used) : null;
    const root = phrasal !== null ? phrasal.join(' ') : (verb ?? head);
    // Reporting is not what a situation is about: "announcement", "claims", "warning".
    if (verb !== null && SPEECH_VERBS.has(verb)) continue;
    let family = byRoot.get(root);
    if (family === undefined) {
      family = { root, eventive: false, verb, phrasal, heads: new Set(), phrases: [], articles: new Set(), count: 0 };
      byRoot.set(root, family);
    }
    family.phrases.push(phrase);
    // "withdraw" heads no noun phrase of the withdrawal family; "withdrawal" does.
    if (verb === null || head !== verb || ![...family.heads].some((h) => h !== verb)) family.heads.add(head);
  }
  for (const family of byRoot.values()) {
    const { verb, phrasal } = family;
    if (verb !== null && [...family.heads].some((h) => h !== verb)) family.heads.delete(verb);
    const heads = [...family.heads];
    const isNoun = (h: string): boolean => nouns.has(h) || nouns.has(plural(h));
    // An action: a noun made from a verb (withdrawal), a phrasal compound (pullback), a hyphenated
    // one (build-up, de-escalation), or a word used both ways when the articles use it as a noun too.
    family.eventive =
      phrasal !== null ||
      heads.some((h) => (verb !== null && h !== verb) || /^\p{L}{2,}-\p{L}{2,}$/u.test(h)) ||
      (verb !== null && heads.some(isNoun));
  }
  return [...byRoot.values()];
}

/** Where each family occurs: its phrases' heads, and its verb and phrasal forms. */
function countFamilies(families: Family[], runsByArticle: readonly Word[][][]): void {
  const forms = new Map<string, Family>();
  for (const family of families) {
    for (const f of familyWords(family)) if (!forms.has(f)) forms.set(f, family);
  }
  runsByArticle.forEach((runs, a) => {
    for (const run of runs) {
      run.forEach((w, i) => {
        if (!w.content) return;
        const next = run[i + 1];
        const pair = next !== undefined && next.at === w.at + 1 ? forms.get(`${w.lower} ${next.lower}`) : undefined;
        const family = pair ?? forms.get(w.lower);
        if (family === undefined) return;
        family.articles.add(a);
        family.count++;
      });
    }
  });
}

/** The single words and phrasal pairs of a family: head noun and plural, verb forms, phrasal verb forms. */
function familyWords(family: Family): string[] {
  const words = new Set<string>();
  for (const head of family.heads) {
    words.add(head);
    words.add(plural(head));
    if (head.includes('-')) {
      words.add(head.replace(/-/g, ''));
      words.add(plural(head.replace(/-/g, '')));
    }
  }
  if (family.verb !== null) for (const f of verbForms(family.verb)) words.add(f);
  if (family.phrasal !== null) {
    const [verb, particle] = family.phrasal;
    const solid = `${verb}${particle}`;
    words.add(solid);
    words.add(plural(solid));
    for (const f of verbForms(verb)) words.add(`${f} ${particle}`);
  }
  return [...words];
}

/**
 * What counts as the keyword: the forms of its phrases that recur, and for an action word the
 * word alone in all its forms ("withdrawal", "withdraw", "withdrew", "pull back", "pullback").
 */
function variantsOf(family: Family, minArticles: number, used: ReadonlySet<string>): string[] {
  const variants = new Set<string>();
  for (const phrase of family.phrases) {
    if (phrase.words === 1 || !family.heads.has(phrase.key.split(' ').pop() ?? '')) continue;
    if (!family.eventive && phrase.articles.size < minArticles) continue;
    for (const form of phrase.forms.keys()) variants.add(form);
    // The other number of the head when the articles use it ("permanent base"; not "health cares").
    const words = commonestForm(phrase).split(' ');
    const head = words.pop() ?? '';
    const other = singular(head) === head ? plural(head) : singular(head);
    if (used.has(other)) variants.add([...words, other].join(' '));
  }
  if (family.eventive) for (const w of familyWords(family)) variants.add(w);
  // Particles alone would match everywhere.
  for (const p of PARTICLES) variants.delete(p);
  return [...variants].sort((x, y) => x.split(' ').length - y.split(' ').length || x.localeCompare(y));
}
