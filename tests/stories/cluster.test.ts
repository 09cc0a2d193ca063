// Story clustering over a 30-item corpus: the seed articles, one wire story republished by three
// outlets (different links, headlines, datelines, a dropped paragraph, light rewording), copies of
// a few more, and distinct stories on the same topic with the same actors, two of them carrying
// the very same quote. Every copy must join its story; no two distinct stories may merge.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchStory, storyMember, type StoryMember } from '../../src/stories/index.js';
import { mulberry32 } from '../helpers/mulberry32.js';
import { republish } from '../helpers/republish.js';
import { SEED_FILES } from '../helpers/seeds.js';

interface CorpusItem {
  story: string;
  title: string;
  text: string;
  url: string;
  outlet: string;
}

const HOUR = 3_600_000;
const seeds = SEED_FILES.map((f) => readFileSync(f, 'utf8'));

const ACTORS = ['Jens Stoltenberg', 'Dmitry Peskov', 'Ben Wallace', 'Dmytro Kuleba', 'Joe Biden', 'Sergei Lavrov', 'Antony Blinken', 'Olaf Scholz'];
const VERBS = ['warned', 'insisted', 'argued', 'told a news conference', 'said in a statement', 'wrote on social media', 'told lawmakers', 'said in an interview'];
const TOPICS = ['gas supplies to Europe', 'the Minsk agreements', 'sanctions on Russian banks', 'joint drills in Belarus', 'the Crimea bridge', 'talks in Geneva', 'cyber attacks on Ukrainian ministries', 'the OSCE monitoring mission', 'evacuation of embassy staff', 'arms deliveries to Kyiv', 'grain exports from Black Sea ports', 'shelling near Donetsk'];
const PLACES = ['in Brussels', 'in Moscow', 'in Kyiv', 'in London', 'in Washington', 'in Berlin', 'in Munich', 'in Minsk'];
const SHARED_QUOTE = '“We have not seen any de-escalation on the ground, quite the opposite,” NATO Secretary General Jens Stoltenberg told reporters.';

/** A distinct story on the same situation, with the same actors (and, for some, the shared quote). */
function distinctStory(n: number, withSharedQuote: boolean): string {
  const random = mulberry32(1000 + n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const topic = TOPICS[n % TOPICS.length]!;
  const lines = [`${pick(PLACES).replace('in ', '').toUpperCase()} (Local Wire) – Officials clashed on ${topic} on day ${n} of the crisis.`];
  for (let i = 0; i < 9; i++) {
    const figure = 10 + Math.floor(random() * 990);
    lines.push(`${pick(ACTORS)} ${pick(VERBS)} ${pick(PLACES)} that ${pick(TOPICS)} would cost ${figure} million and affect ${pick(TOPICS)} within ${1 + Math.floor(random() * 30)} days.`);
  }
  if (withSharedQuote) lines.splice(3, 0, SHARED_QUOTE);
  return lines.join('\n');
}

function corpus(): CorpusItem[] {
  const items: CorpusItem[] = [];
  const add = (story: string, title: string, text: string, outlet: string): void => {
    items.push({ story, title, text, outlet, url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/${items.length}` });
  };
  // The wire story, three outlets.
  add('crimea', 'Russia says some troops leave Crimea after drills', seeds[0]!, 'Reuters');
  add('crimea', 'Video shows Russian tanks leaving annexed peninsula - Daily Courier', republish(seeds[0]!, 'Daily Courier', 1), 'Daily Courier');
  add('crimea', 'Moscow claims pullback as West remains sceptical', republish(seeds[0]!, 'Evening Post', 2), 'Evening Post');
  // Two more seeds with one copy each, one seed alone.
  add('seed-1', seeds[1]!.split('\n')[0]!.slice(0, 90), seeds[1]!, 'Wire One');
  add('seed-1', 'NATO: no sign of withdrawal', republish(seeds[1]!, 'Herald', 3), 'Herald');
  add('seed-2', seeds[2]!.split('\n')[0]!.slice(0, 90), seeds[2]!, 'Wire Two');
  add('seed-2', 'Allies doubt Moscow', republish(seeds[2]!, 'Tribune', 4), 'Tribune');
  add('seed-3', seeds[3]!.split('\n')[0]!.slice(0, 90), seeds[3]!, 'Wire Three');
  // Distinct stories on the same situation; four are republished once; two share one quote.
  for (let n = 0; n < 19; n++) {
    const text = distinctStory(n, n === 4 || n === 11);
    add(`story-${n}`, `Officials clash on ${TOPICS[n % TOPICS.length]} (${n})`, text, 'Local Wire');
    if (n % 5 === 0) add(`story-${n}`, `Row over ${TOPICS[n % TOPICS.length]} deepens`, republish(text, 'Gazette', 100 + n), 'Gazette');
  }
  return items;
}

describe('story clustering', () => {
  it('joins every republished copy to its story and merges no two distinct stories', () => {
    const items = corpus();
    expect(items.length).toBeGreaterThanOrEqual(30);
    const t0 = Date.UTC(2022, 1, 16, 9);
    const members: StoryMember[] = [];
    const predicted: string[] = [];
    for (const [i, item] of items.entries()) {
      const candidate = storyMember(`item-${i}`, item, t0 + i * 0.25 * HOUR);
      const match = matchStory(candidate, members);
      const storyId = match?.storyId ?? candidate.identity;
      members.push({ ...candidate, storyId });
      predicted.push(storyId);
    }
    let truePairs = 0;
    let predictedPairs = 0;
    let goldPairs = 0;
    const merged: string[] = [];
    const split: string[] = [];
    for (let a = 0; a < items.length; a++) {
      for (let b = a + 1; b < items.length; b++) {
        const gold = items[a]!.story === items[b]!.story;
        const same = predicted[a] === predicted[b];
        if (gold) goldPairs++;
        if (same) predictedPairs++;
        if (gold && same) truePairs++;
        if (same && !gold) merged.push(`${items[a]!.story} + ${items[b]!.story}`);
        if (gold && !same) split.push(`${items[a]!.story}: ${items[a]!.outlet} / ${items[b]!.outlet}`);
      }
    }
    const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
    const recall = goldPairs === 0 ? 1 : truePairs / goldPairs;
    console.log(`stories: ${items.length} items, ${new Set(items.map((i) => i.story)).size} stories; pairwise precision ${precision.toFixed(3)} (${truePairs}/${predictedPairs}), recall ${recall.toFixed(3)} (${truePairs}/${goldPairs})`);
    expect(merged).toEqual([]);
    expect(split).toEqual([]);
  });

  it('keeps a near-copy that brings a new quote as its own story: a new statement is news', () => {
    const text = 'BRUSSELS (Local Wire) – NATO said on Thursday it saw no sign of a Russian withdrawal from the border, where more than 150,000 troops remain.';
    const first = storyMember('a', { title: 'NATO sees no withdrawal at the border', text: `${text}\n“We see no withdrawal,” Stoltenberg said.`, url: null, outlet: 'A' }, 0, ['We see no withdrawal']);
    const copy = storyMember('b', { title: 'NATO sees no withdrawal at the border', text: `${text}\n“We see no withdrawal,” Stoltenberg said.`, url: null, outlet: 'B' }, HOUR, ['We see no withdrawal']);
    const news = storyMember('c', { title: 'NATO sees no withdrawal at the border', text: `${text}\n“The risk of an attack remains very real,” Stoltenberg said.`, url: null, outlet: 'C' }, HOUR, ['The risk of an attack remains very real']);
    const recent = [{ ...first, storyId: 'a' }];
    expect(matchStory(copy, recent)).toMatchObject({ storyId: 'a' });
    expect(matchStory(news, recent)).toBeNull();
  });

  it('does not join a copy published outside the window', () => {
    const first = storyMember('a', { title: 'Russia says some troops leave Crimea', text: seeds[0]!, url: null, outlet: 'A' }, 0);
    const late = storyMember('b', { title: 'Russia says some troops leave Crimea', text: seeds[0]!, url: null, outlet: 'B' }, 10 * 24 * HOUR);
    expect(matchStory(late, [{ ...first, storyId: 'a' }])).toBeNull();
    expect(matchStory({ ...late, seenAt: HOUR }, [{ ...first, storyId: 'a' }])).toMatchObject({ storyId: 'a', tier: 'title' });
  });
});
