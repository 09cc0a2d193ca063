import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/model/index.js';
import { parseBrat } from '../../scripts/eval/brat.js';
import { goldQuotes } from '../../scripts/eval/gold.js';
import { halfAndHalf, matchSpans } from '../../scripts/eval/match.js';
import { countWords, quotedRuns } from '../../scripts/eval/quotes.js';
import { ratios, scoreSpans } from '../../scripts/eval/score.js';
import { properNameWords, sameCanonicalSpeaker, sameNamedSpeaker } from '../../scripts/eval/speaker.js';

const identity = (offset: number): number => offset;

function statement(start: number, end: number, kind: Statement['kind'] = 'direct'): Statement {
  return { quote: '', speaker: null, speakerId: null, role: null, kind, start, end, cue: null };
}

describe('matching convention', () => {
  it('needs half of the gold covered and half of the extraction inside the gold', () => {
    const gold = { start: 0, end: 100 };
    expect(halfAndHalf(gold, { start: 0, end: 50 })).toBe(true);
    expect(halfAndHalf(gold, { start: 0, end: 49 })).toBe(false); // covers under half of the gold
    expect(halfAndHalf(gold, { start: 50, end: 150 })).toBe(true);
    expect(halfAndHalf(gold, { start: 60, end: 200 })).toBe(false); // most of it lies outside
    expect(halfAndHalf(gold, { start: 100, end: 120 })).toBe(false); // touching is not overlapping
  });

  it('pairs one to one, largest overlap first', () => {
    const gold = [{ start: 0, end: 10 }, { start: 10, end: 20 }];
    // x0 fits gold 0 a little, x1 fits it fully: gold 0 takes x1, x0 is left over.
    const extracted = [{ start: 2, end: 9 }, { start: 0, end: 10 }, { start: 11, end: 20 }];
    expect(matchSpans(gold, extracted)).toEqual([[0, 1], [1, 2]]);
  });

  it('counts an unmatched direct or partial quote against precision, and ignores indirect ones', () => {
    const gold = [{ start: 0, end: 10 }];
    const score = scoreSpans(gold, [statement(0, 10), statement(0, 10, 'partial'), statement(30, 40, 'indirect')]);
    expect(score.found).toHaveLength(1);
    expect(score.falsePositives).toHaveLength(1);
    expect(score.extracted).toBe(2);
    expect(ratios(score.found.length, score.extracted, gold.length)).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3 });
  });

  it('scores nothing extracted as zero, not NaN', () => {
    expect(ratios(0, 0, 5)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('gold quotes from Content spans', () => {
  it('counts words with a letter or digit', () => {
    expect(countWords('a – b 42 …')).toBe(3);
  });

  it('pairs curly and straight marks, keeps apostrophes, runs an unclosed quote to the piece end', () => {
    const text = 'He said “we won’t stop now” and "keep going, ok" then ‘one two three’ and “no end here';
    const runs = quotedRuns(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end));
    expect(runs).toEqual(['we won’t stop now', 'keep going, ok', 'one two three', 'no end here']);
  });

  it('takes the outermost run of nested marks and reads a sloppy “…" as a pair', () => {
    const text = 'said "it is “very” good" and “no evidence" yet';
    const runs = quotedRuns(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end));
    expect(runs).toEqual(['it is “very” good', 'no evidence']);
  });

  it("reads two apostrophes as a double quote mark (the NYT archive's ''…'')", () => {
    const text = "he said ''we can't wait,'' and left";
    const runs = quotedRuns(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end));
    expect(runs).toEqual(["we can't wait,"]);
  });

  it('builds gold quotes of three or more words with the Source of the innermost attribution', () => {
    const text = 'Ann Lee said “we will go there soon” and “fine” today.';
    const ann = [
      'T1\tSource 0 7\tAnn Lee',
      'T2\tCue 8 12\tsaid',
      'T3\tContent 13 47\t“we will go there soon” and “fine”',
      'T4\tAttribution 8 12\tsaid',
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    ].join('\n');
    const quotes = goldQuotes(text, parseBrat(ann), identity);
    expect(quotes).toEqual([{ start: 14, end: 35, text: 'we will go there soon', source: 'Ann Lee' }]);
  });

  it('reads discontinuous pieces and numbered roles (Content2)', () => {
    const text = '“one two three,” she said, “four five six.”';
    const ann = [
      'T1\tContent 0 16;27 43\t“one two three,” “four five six.”',
      'T2\tSource 17 20\tshe',
      'E1\tAttribution-no-source:T9 Content:T1 Source:T2',
    ].join('\n');
    const doc = parseBrat(ann);
    expect(doc.spans.get('T1')?.pieces).toEqual([{ start: 0, end: 16 }, { start: 27, end: 43 }]);
    expect(goldQuotes(text, doc, identity).map((q) => q.text)).toEqual(['one two three,', 'four five six.']);
  });
});

describe('speaker rule', () => {
  it('keeps proper-name words after cutting appositives, titles and function words', () => {
    expect(properNameWords('Sen. Elizabeth Warren, who chairs the panel')).toEqual(['Elizabeth', 'Warren']);
    expect(properNameWords('The Clinton campaign')).toEqual(['Clinton']);
    expect(properNameWords('Rep. Gwen Moore (D-Wis.) said')).toEqual(['Gwen', 'Moore']);
    expect(properNameWords('Representative Charles B. Rangel of New York')).toEqual(['Charles', 'B', 'Rangel']);
    expect(properNameWords('Secretary of State John Kerry')).toEqual(['State', 'John', 'Kerry']);
    expect(properNameWords('Hillary Clinton’s spokesman Brian Fallon')).toEqual(['Brian', 'Fallon']);
    expect(properNameWords('Obama’s former campaign strategist')).toEqual([]);
    expect(properNameWords('he')).toEqual([]);
    expect(properNameWords('The officials')).toEqual([]);
  });

  it('compares surnames, folding case, diacritics and possessives', () => {
    expect(sameNamedSpeaker('Trump’s', 'Donald Trump')).toBe(true);
    expect(sameNamedSpeaker('President José Núñez', 'jose nunez')).toBe(true);
    expect(sameNamedSpeaker('Mr. Obama', 'Michelle Robinson')).toBe(false);
    expect(sameNamedSpeaker('Obama', null)).toBe(false);
    expect(sameNamedSpeaker('she', 'Ann Lee')).toBeUndefined();
  });

  it('tells apart people who share a surname only when the gold gives the first name', () => {
    expect(sameNamedSpeaker('Bill Clinton', 'Hillary Clinton')).toBe(false);
    expect(sameNamedSpeaker('Bill Clinton', 'Clinton')).toBe(true);
    expect(sameNamedSpeaker('Bill Clinton', 'President Clinton')).toBe(true);
    expect(sameNamedSpeaker('Clinton', 'Hillary Clinton')).toBe(true);
    expect(sameNamedSpeaker('Hillary Rodham Clinton', 'Hillary Clinton')).toBe(true);
    expect(sameNamedSpeaker('Clinton spokesman Brian Fallon', 'Brian Fallon')).toBe(true);
  });

  it('matches seed speakers by canonical name, ignoring case', () => {
    expect(sameCanonicalSpeaker('Jens Stoltenberg', 'jens stoltenberg')).toBe(true);
    expect(sameCanonicalSpeaker('Jens Stoltenberg', 'Stoltenberg')).toBe(false);
    expect(sameCanonicalSpeaker('Jens Stoltenberg', null)).toBe(false);
  });
});
