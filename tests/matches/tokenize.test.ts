import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/matches/tokenize.js';

const values = (text: string): string[] => tokenize(text).map((t) => t.value);

describe('tokenize', () => {
  it.each([
    ['case is folded', 'NATO Nato nato', ['nato', 'nato', 'nato']],
    ['diacritics are dropped', 'Zelenskýy Łódź Straße Ørsted Đoković', ['zelenskyy', 'lodz', 'strasse', 'orsted', 'dokovic']],
    ['decomposed accents fold like composed ones', 'Zelensky\u0301y', ['zelenskyy']],
    ['full-width letters and ligatures fold', 'ＮＡＴＯ ﬁnal', ['nato', 'final']],
    ['hyphens and dashes split', 'de-escalation de–escalation de—escalation', ['de', 'escalation', 'de', 'escalation', 'de', 'escalation']],
    ['a possessive \'s is dropped', 'Russia’s Russia\'s Russiaʼs RUSSIA’S', ['russia', 'russia', 'russia', 'russia']],
    ['a bare trailing apostrophe is dropped', "the troops' pull back", ['the', 'troops', 'pull', 'back']],
    ['other apostrophes split', "won’t O'Brien", ['won', 't', 'o', 'brien']],
    ['a word starting with s after an apostrophe is kept', "rock’n’roll Qu'sait", ['rock', 'n', 'roll', 'qu', 'sait']],
    ['abbreviation periods split', 'U.S. U.K.', ['u', 's', 'u', 'k']],
    ['numbers are tokens', '150,000 troops', ['150', '000', 'troops']],
    ['punctuation and symbols separate', '@WhiteHouse #NATO (Reuters)', ['whitehouse', 'nato', 'reuters']],
    ['a soft hyphen inside a word is ignored', 'Stolten\u00ADberg', ['stoltenberg']],
    ['non-Latin letters are words', 'Песков 北约', ['песков', '北约']],
    ['letters outside the BMP are words', '𝐍𝐀𝐓𝐎 x', ['nato', 'x']],
    ['empty and separator-only text has no tokens', ' — … ', []],
  ])('%s', (_name, text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('gives offsets into the original text that cover the word itself', () => {
    const text = '“Russia’s ＮＡＴＯ, Zelensky\u0301y & U.S.”';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'Russia',
      'ＮＡＴＯ',
      'Zelensky\u0301y',
      'U',
      'S',
    ]);
  });

  it('tokenizes only text[from, to), with offsets still into the whole text', () => {
    const text = 'Moscow said; Kyiv replied';
    const tokens = tokenize(text, 13, 25);
    expect(tokens.map((t) => [t.value, t.start, t.end])).toEqual([
      ['kyiv', 13, 17],
      ['replied', 18, 25],
    ]);
  });
});
