/**
 * Folding of one raw word into its comparison form: lower case, no diacritics. Only words that
 * are not plain ASCII come here, so the regexes below stay off the hot path.
 */

/** Letters that Unicode does not decompose but readers treat as a base letter plus a mark. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ς: 'σ',
};
const SPECIAL_RE = /[ßłøđðþæœıħŧŋς]/g;
// Removes combining marks and anything else compatibility decomposition leaves behind
// (the middle dot of ŀ, the fraction slash of ¼, joiners).
const NOT_WORD_RE = /[^\p{L}\p{N}]/gu;

export function foldWord(raw: string): string {
  // NFKD rather than NFD: it also maps ligatures (ﬁ) and full-width letters (Ｎ) to plain ones.
  return raw
    .normalize('NFKD')
    .toLowerCase()
    .replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch)
    .replace(NOT_WORD_RE, '');
}
