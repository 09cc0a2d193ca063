// `statements init` on another situation than the seed articles: three short invented reports of
// a port strike (no real people), so the method is checked beyond the texts it was built on.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/model/index.js';
import { compileWatchlist } from '../../src/matches/index.js';
import { initWatchlist } from '../../src/watchlist/init.js';

const ARTICLES = [
  `Dockworkers walk out at Port of Halden as pay talks collapse

HALDEN, March 3 – Thousands of dockworkers walked out at the Port of Halden on Monday after talks over a new pay offer collapsed, leaving hundreds of container ships waiting at anchor.

“Our members have been patient for two years. This pay offer does not even cover inflation, and they have had enough,” Marta Kowalczyk, general secretary of the Harbour Workers Union, told reporters outside the terminal.

The Halden Port Authority said the strike action was unlawful and that it would seek an injunction. “We remain open to talks, but not under the threat of a walkout,” Port Authority spokesman Pieter Vandersloot said.

Transport Minister Elena Rossi urged both sides to return to the negotiating table, warning that a long strike would hurt exporters across the region.

Shipping analysts estimate that the container backlog could reach 200 vessels by the end of the week.
`,
  `Halden strike enters third day as container backlog grows

The strike at the Port of Halden entered its third day on Wednesday, with the container backlog growing and supermarkets warning of empty shelves.

Kowalczyk said the union would not call off the strike action until the Port Authority improved its pay offer. “They know what it takes to end this. A fair pay offer, and we are back at work tomorrow,” she said.

According to the Halden Port Authority, 140 ships are now waiting to unload. Vandersloot said the authority had asked the courts to order an end to the walkout.

Elena Rossi, the transport minister, said the government was “following the situation closely” and would not intervene in the pay dispute for now.

Exporters’ association FreightNet said its members were losing millions each day. “Every day of this walkout costs jobs,” FreightNet chief executive Johan Ekberg said.
`,
  `Court refuses to halt Halden port strike; union welcomes ruling

A court in Halden on Friday refused the Port Authority’s request to halt the strike, a ruling the Harbour Workers Union called a victory for workers.

“The court has confirmed what we said from the start: this strike action is lawful,” union leader Marta Kowalczyk said after the hearing.

The Halden Port Authority said it was disappointed and would make a new pay offer on Monday. “We want the port working again as soon as possible,” spokesman Pieter Vandersloot told the Halden Courier.

Transport Minister Elena Rossi said she hoped the new pay offer would end the dispute, adding that the container backlog was now the worst in a decade.

FreightNet, which represents exporters, said the walkout had already cost the region more than 300 million euros.
`,
];

const drafted = initWatchlist(ARTICLES.map((text, i) => ({ name: `strike-${i + 1}.txt`, text })));
const { actors, keywords } = drafted.watchlist;
const named = (name: string): Actor | undefined => actors.find((a) => a.name === name || a.aliases.includes(name));

describe('statements init on a port strike', () => {
  it('drafts the people who speak, with roles and the organisations they speak for', () => {
    const union = named('Harbour Workers Union');
    const port = named('Halden Port Authority');
    const freightnet = named('FreightNet');
    expect(union?.kind).toBe('organisation');
    expect(port).toMatchObject({ kind: 'organisation', aliases: ['Port Authority'] });
    expect(freightnet?.kind).toBe('organisation');
    expect(named('Marta Kowalczyk')).toMatchObject({ kind: 'person', role: 'general secretary of the Harbour Workers Union', aliases: ['Kowalczyk'], affiliations: [union?.id] });
    expect(named('Pieter Vandersloot')).toMatchObject({ role: 'Port Authority spokesman', affiliations: [port?.id] });
    expect(named('Elena Rossi')).toMatchObject({ role: 'Transport Minister', gender: 'female' });
    expect(named('Johan Ekberg')).toMatchObject({ role: 'FreightNet chief executive', affiliations: [freightnet?.id] });
    // Audiences and places are no speakers.
    expect(named('Halden Courier')).toBeUndefined();
    expect(named('Halden')).toBeUndefined();
  });

  it('drafts the phrases the reports keep coming back to', () => {
    const labels = keywords.map((k) => k.label);
    expect(labels).toEqual(expect.arrayContaining(['pay offer', 'container backlog', 'strike action']));
    const walkout = keywords.find((k) => k.label === 'walkout');
    expect(walkout?.variants).toEqual(expect.arrayContaining(['walked out', 'walk out', 'walkouts']));
    for (const k of keywords) expect([k.label, ...k.variants].join(' ')).not.toMatch(/Halden|Kowalczyk|FreightNet/i);
    // The draft finds the strike in a new report it was not drafted from.
    const matcher = compileWatchlist(drafted.watchlist);
    const hits = matcher.scan('Dockers in Halden walked out again on Monday after the latest pay offer, Kowalczyk said.');
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining([walkout?.id, named('Marta Kowalczyk')?.id]));
  });

  it('works from a single article, asking a phrase to recur in it', () => {
    const single = initWatchlist([{ name: 'one.txt', text: ARTICLES[0]! }]);
    expect(single.watchlist.actors.map((a) => a.name)).toContain('Marta Kowalczyk');
    for (const k of single.keywords) expect(k.occurrences).toBeGreaterThanOrEqual(2);
  });

  it('drafts nothing from text with no speakers and no recurring phrases', () => {
    const empty = initWatchlist([{ name: 'empty.txt', text: '' }, { name: 'short.txt', text: 'Nothing happened here.' }]);
    expect(empty.watchlist).toEqual({ actors: [], keywords: [] });
  });
});
