// One small invented article per thing real news does (DESIGN.md, "The extraction engine"): the
// engine must find the statement, of the right kind, said by the right person, and nothing else.
import { describe, expect, it } from 'vitest';
import { compileWatchlist } from '../../src/matches/index.js';
import type { Statement, StatementKind } from '../../src/model/index.js';
import { extractStatements } from '../../src/statements/index.js';
import { loadWatchlist } from '../../src/watchlist/index.js';

const matcher = compileWatchlist(loadWatchlist());

interface Expected {
  /** A distinctive piece of the statement's quote. */
  fragment: string;
  speaker: string;
  kind: StatementKind;
  /** A piece of the role the statement must carry. */
  role?: string;
}

interface Case {
  name: string;
  text: string;
  /** Statements that must be found, each a different one. */
  expect?: Expected[];
  /** Quoted words that must not come out as a direct or partial statement. */
  notQuotes?: string[];
  /** Lines, by their opening words, from which nothing at all may be extracted. */
  silentLines?: string[];
}

const cases: Case[] = [
  // Quote marks.
  {
    name: '“curly” quotes',
    text: 'Transport director Oskar Lindqvist spoke at the opening ceremony in Brenmoor.\n\n“The new bridge will open to traffic in early March,” Lindqvist said.',
    expect: [{ fragment: 'bridge will open to traffic', speaker: 'Oskar Lindqvist', kind: 'direct' }],
  },
  {
    name: '"straight" quotes',
    text: 'Farm leader Renata Kowalczyk visited the dry valley on Friday.\n\n"Our farmers cannot wait another season for this water," Kowalczyk said.',
    expect: [{ fragment: 'cannot wait another season', speaker: 'Renata Kowalczyk', kind: 'direct' }],
  },
  {
    name: '‘single’ quotes in a headline',
    text: 'Harbour will ‘rebuild every damaged pier by winter’: Halvorsen\n\nMayor Petra Halvorsen presented a repair plan for the harbour on Tuesday after last week’s storm.',
    expect: [{ fragment: 'rebuild every damaged pier', speaker: 'Petra Halvorsen', kind: 'partial' }],
  },
  {
    name: '« guillemets »',
    text: 'Education Minister Claire Dubois toured schools in the mountain districts on Monday.\n\n«We will not close a single rural school this year,» Dubois said.',
    expect: [{ fragment: 'not close a single rural school', speaker: 'Claire Dubois', kind: 'direct' }],
  },
  {
    name: "typewriter ''double apostrophes''",
    text: "Health Commissioner Aaron Whitfield announced longer opening hours for the county clinic.\n\n''The clinic will stay open seven days a week,'' Whitfield said.",
    expect: [{ fragment: 'stay open seven days a week', speaker: 'Aaron Whitfield', kind: 'direct' }],
  },
  {
    name: 'an ellipsis … inside a quote',
    text: 'Chief engineer Oskar Lindqvist presented three designs for the river crossing to the council.\n\n“We looked at every option … and the tunnel is simply too expensive,” Lindqvist said.',
    expect: [{ fragment: 'every option … and the tunnel', speaker: 'Oskar Lindqvist', kind: 'direct' }],
  },
  {
    name: 'an ellipsis ... inside a quote',
    text: 'The council agreed its spending plan late on Thursday.\n\n"The budget is tight... but the library stays open," said council leader Naomi Achterberg.',
    expect: [{ fragment: 'tight... but the library', speaker: 'Naomi Achterberg', kind: 'direct' }],
  },
  {
    name: 'a quote running over two paragraphs',
    text:
      'Fire chief Roberto Salgado told the inquiry on Thursday: “When the first crews arrived the roof had already collapsed and nobody could reach the east wing.\n\n' +
      '“We pulled every firefighter back to the street and fought the fire from outside until dawn.”',
    expect: [
      { fragment: 'roof had already collapsed', speaker: 'Roberto Salgado', kind: 'direct' },
      { fragment: 'fought the fire from outside', speaker: 'Roberto Salgado', kind: 'direct' },
    ],
  },

  // Speaker after the quote.
  {
    name: '“…,” Surname told reporters',
    text: 'Senator Hannah Brightwater visited the container port on Monday.\n\n“Every container that leaves this harbour pays for a teacher somewhere,” Brightwater told reporters.',
    expect: [{ fragment: 'pays for a teacher somewhere', speaker: 'Hannah Brightwater', kind: 'direct' }],
  },
  {
    name: '“…,” Surname further said',
    text: 'Trade envoy Lukas Ferreira met union leaders in the capital on Tuesday.\n\n“The review will be published in full before the summer recess,” Ferreira further said.',
    expect: [{ fragment: 'published in full before the summer recess', speaker: 'Lukas Ferreira', kind: 'direct' }],
  },
  {
    name: "“…,” said Full Name, Org's Role",
    text: 'Rail operators gave evidence to the transport committee on Wednesday.\n\n“We expect the first trains to run on the northern line by December,” said Ingrid Solberg, Nordrail’s chief executive.',
    expect: [{ fragment: 'first trains to run on the northern line', speaker: 'Ingrid Solberg', kind: 'direct', role: 'chief executive' }],
  },
  {
    name: '“…,” he said: the nearest man, not the nearest person',
    text: 'Marco Bellini, the team’s coach, watched the final from the stands next to the club president, Elena Ruiz.\n\n“We lost the match in the first ten minutes and never recovered,” he said.',
    expect: [{ fragment: 'lost the match in the first ten minutes', speaker: 'Marco Bellini', kind: 'direct' }],
  },
  {
    name: '“…,” she added: the woman named, not the man named after her',
    text: 'Maria Lopez, who runs the food bank, spoke to volunteers on Saturday alongside Tom Reed of the city council.\n\n“Demand has doubled since the factory closed in the spring,” she added.',
    expect: [{ fragment: 'Demand has doubled since the factory closed', speaker: 'Maria Lopez', kind: 'direct' }],
  },

  // Speaker before the quote.
  {
    name: 'with spokesperson Full Name saying, “…”',
    text: 'The interior ministry confirmed the closure of the northern border crossing, with spokesperson Viktor Hallam saying, “The crossing will reopen once the bridge inspection is complete.”',
    expect: [{ fragment: 'reopen once the bridge inspection is complete', speaker: 'Viktor Hallam', kind: 'direct', role: 'spokesperson' }],
  },
  {
    name: 'Surname said: “…”',
    text: 'Opposition leader Amara Nwosu criticised the budget in parliament on Wednesday.\n\nNwosu said: “This budget takes money from nurses and hands it to consultants.”',
    expect: [{ fragment: 'takes money from nurses', speaker: 'Amara Nwosu', kind: 'direct' }],
  },

  // Split quotes and continuation paragraphs.
  {
    name: 'split quote “A,” he said. “B.”',
    text: 'Pieter Claes, the harbour master, inspected the damaged quay on Sunday.\n\n“The quay can still take small fishing boats,” he said. “Cargo ships will have to dock at Westhaven until spring.”',
    expect: [
      { fragment: 'can still take small fishing boats', speaker: 'Pieter Claes', kind: 'direct' },
      { fragment: 'Cargo ships will have to dock at Westhaven', speaker: 'Pieter Claes', kind: 'direct' },
    ],
  },
  {
    name: 'a continuation paragraph with no attribution',
    text:
      'Harbour master Pieter Claes inspected the damaged quay on Sunday.\n\n' +
      '“The quay can still take small fishing boats,” Claes said.\n\n' +
      '“Cargo ships will have to dock at Westhaven until spring.”',
    expect: [
      { fragment: 'can still take small fishing boats', speaker: 'Pieter Claes', kind: 'direct' },
      { fragment: 'Cargo ships will have to dock at Westhaven', speaker: 'Pieter Claes', kind: 'direct' },
    ],
  },

  // Surnames, honorifics and descriptions resolved to the person introduced earlier.
  {
    name: 'a surname resolves to the full name introduced earlier',
    text: 'Deputy Minister Julia Marsh opened the water summit in Garrow on Monday.\n\n“Every village will have clean tap water by 2030,” Marsh said.',
    expect: [{ fragment: 'clean tap water by 2030', speaker: 'Julia Marsh', kind: 'direct' }],
  },
  {
    name: 'Mr. Surname resolves to the full name introduced earlier',
    text: 'Daniel Okafor, who chairs the housing committee, toured the estate on Friday.\n\n“These flats should have been repaired years ago,” Mr. Okafor said.',
    expect: [{ fragment: 'should have been repaired years ago', speaker: 'Daniel Okafor', kind: 'direct' }],
  },
  {
    name: '“the minister” resolves to the minister named earlier',
    text: 'Transport Minister Sofia Brandt unveiled the new rail timetable on Tuesday alongside rail union leader Paul Grant.\n\n“Trains will run every ten minutes at peak hours,” the minister said.',
    expect: [{ fragment: 'every ten minutes at peak hours', speaker: 'Sofia Brandt', kind: 'direct' }],
  },

  // Possessives and sources.
  {
    name: 'in Surname’s words',
    text: 'Economist Lars Webber has warned about rising rents for months.\n\nThe housing market, “a slow disaster for young families,” in Webber’s words, shows no sign of cooling.',
    expect: [{ fragment: 'a slow disaster for young families', speaker: 'Lars Webber', kind: 'partial' }],
  },
  {
    name: 'news agencies reported, citing the Ministry of X',
    text: 'Drought has hit the southern provinces for a third year.\n\n“Two reservoirs in the south have fallen below ten percent of capacity,” news agencies reported, citing the Ministry of Water Resources.',
    expect: [{ fragment: 'fallen below ten percent of capacity', speaker: 'Ministry of Water Resources', kind: 'direct' }],
  },
  {
    name: 'according to Full Name',
    text: 'The fishing fleet has been shrinking for a decade.\n\n“There are half as many trawlers in this port as there were in 2015,” according to Hilde Nakamura, who heads the fisheries council.',
    expect: [{ fragment: 'half as many trawlers in this port', speaker: 'Hilde Nakamura', kind: 'direct' }],
  },
  {
    name: 'headline attribution “Headline words: Surname”',
    text: 'Rail fares will be frozen for two more years: Brandt\n\nTransport Minister Sofia Brandt announced the freeze to parliament on Tuesday and promised more trains on rural lines.',
    expect: [{ fragment: 'Rail fares will be frozen for two more years', speaker: 'Sofia Brandt', kind: 'indirect' }],
  },

  // Reported speech.
  {
    name: 'Full Name said that …',
    text: 'Police chief Gregor Almasy said that the missing hikers were found alive near the northern ridge on Sunday morning.',
    expect: [{ fragment: 'the missing hikers were found alive', speaker: 'Gregor Almasy', kind: 'indirect' }],
  },
  {
    name: 'Full Name said … (no “that”)',
    text: 'Police chief Gregor Almasy said the search for the last climber would resume at first light.',
    expect: [{ fragment: 'search for the last climber would resume', speaker: 'Gregor Almasy', kind: 'indirect' }],
  },
  {
    name: '…, Full Name told Radio X on Monday',
    text: 'The ferry service will resume once the winds drop below gale force, Ines Carvalho told Radio Westport on Monday.',
    expect: [{ fragment: 'ferry service will resume once the winds drop', speaker: 'Ines Carvalho', kind: 'indirect' }],
  },

  // Partial quotes, scare quotes and titles.
  {
    name: 'a partial quote of three words or more in a reporter’s sentence',
    text: 'Union leader Jonas Eklund described the pay offer as “an insult to every nurse on a night shift” and called for a strike ballot.',
    expect: [{ fragment: 'an insult to every nurse', speaker: 'Jonas Eklund', kind: 'partial' }],
  },
  {
    name: 'scare quotes of one or two words',
    text: 'Coastguard commander Rita Olsen said the patrol boats near the islands were on “routine checks” and the exercises were only “drills”.',
    notQuotes: ['routine checks', 'drills'],
  },
  {
    name: 'a Title-Cased show name in quotes',
    text: 'On “Meet the Voters,” Governor Carla Benton said the state would bring broadband to every county by next year.',
    expect: [{ fragment: 'bring broadband to every county', speaker: 'Carla Benton', kind: 'indirect' }],
    notQuotes: ['Meet the Voters'],
  },

  // Roles.
  {
    name: 'Finance Minister Full Name said …',
    text: 'Finance Minister Tomas Varga said the deficit would shrink to two percent of output next year.',
    expect: [{ fragment: 'deficit would shrink to two percent', speaker: 'Tomas Varga', kind: 'indirect', role: 'Finance Minister' }],
  },
  {
    name: 'a capitalised title before the name: Coach Full Name said …',
    text: 'Coach Marco Bellini said the team would train twice a day before the final.',
    expect: [{ fragment: 'train twice a day before the final', speaker: 'Marco Bellini', kind: 'indirect', role: 'Coach' }],
  },
  {
    name: 'a lower-case role in a tag after the quote: “…,” chief engineer Full Name said',
    text: '“We looked at every option and the tunnel is simply too expensive,” chief engineer Oskar Lindqvist said.',
    expect: [{ fragment: 'the tunnel is simply too expensive', speaker: 'Oskar Lindqvist', kind: 'direct', role: 'chief engineer' }],
  },
  {
    name: 'a lower-case role in reported speech: …, harbour official Full Name told Radio X',
    text: 'The ferry service will resume once the winds drop below gale force, harbour official Ines Carvalho told Radio Westport on Monday.',
    expect: [{ fragment: 'ferry service will resume once the winds drop', speaker: 'Ines Carvalho', kind: 'indirect', role: 'harbour official' }],
  },
  {
    name: 'a role opening the sentence is not a person: Harbour master Full Name … “…,” he said',
    text: 'Harbour master Pieter Claes inspected the damaged quay on Sunday.\n\n“The quay can still take small fishing boats,” he said.',
    expect: [{ fragment: 'can still take small fishing boats', speaker: 'Pieter Claes', kind: 'direct' }],
  },

  // Page furniture.
  {
    name: 'an “Also read |” line with quote marks',
    text:
      'Transport director Oskar Lindqvist spoke at the opening ceremony in Brenmoor.\n\n' +
      '“The new bridge will open to traffic in early March,” Lindqvist said.\n\n' +
      'Also read | Mayor says “the harbour will never close again” after the storm\n\n' +
      'Work on the approach roads is due to finish next month.',
    expect: [{ fragment: 'bridge will open to traffic', speaker: 'Oskar Lindqvist', kind: 'direct' }],
    silentLines: ['Also read |'],
  },
  {
    name: 'a photo caption line',
    text:
      'Storm damage closed the coast road for a second day on Monday.\n\n' +
      'Photo – Residents watch crews clear the coast road in Garrow, where fisherman Tomasz Zielinski said “we have never seen a storm like this one.” EPA-EFE/STAFF',
    silentLines: ['Photo –'],
  },
  // Names that must not be confused, and voices that must not be guessed.
  {
    name: 'a bare surname is not a relative with another title',
    text: 'Mayor Helga Brandt and her husband, the retired judge Tobias Brandt, attended the ceremony.\n\n“The harbour belongs to everyone,” Mr. Brandt said.\n\n“We will keep it open all winter,” Mayor Brandt said.',
    expect: [
      { fragment: 'belongs to everyone', speaker: 'Tobias Brandt', kind: 'direct' },
      { fragment: 'keep it open all winter', speaker: 'Helga Brandt', kind: 'direct' },
    ],
  },
  {
    name: '« guillemets » with French spacing',
    text: 'Education Minister Claire Dubois toured schools in the mountain districts on Monday.\n\n« We will not close a single rural school this year », Dubois said.',
    expect: [{ fragment: 'not close a single rural school', speaker: 'Claire Dubois', kind: 'direct' }],
  },
  {
    name: 'an organisation speaking through a document',
    text: 'The fund cut its growth forecast for the region on Tuesday.\n\n"The outlook remains clouded by high energy prices," the IMF report stated.',
    expect: [{ fragment: 'clouded by high energy prices', speaker: 'IMF', kind: 'direct' }],
  },

  {
    name: 'an inverted tag opening the sentence: Said X: “…”',
    text: 'Tax adviser Rhona Feld has followed the bill for years.\n\nThe vote was delayed again on Friday. Said Feld: “Nobody in the chamber has read the final text.”',
    expect: [{ fragment: 'Nobody in the chamber', speaker: 'Rhona Feld', kind: 'direct' }],
  },
  {
    name: 'an adverb and a participial aside between speaker and verb',
    text: 'Senator Mark Oduya, opening the session on Monday, pointedly said the plan was “dead on arrival in this chamber.”',
    expect: [{ fragment: 'dead on arrival', speaker: 'Mark Oduya', kind: 'partial' }],
  },
  {
    name: 'as X put it',
    text: 'The deal left many questions open, or, as analyst Priya Raman put it, “a roof with no walls.”',
    expect: [{ fragment: 'a roof with no walls', speaker: 'Priya Raman', kind: 'partial' }],
  },

];

const brief = (s: Statement): string => `${s.kind} ${JSON.stringify(s.speaker)} role=${JSON.stringify(s.role)} “${s.quote}”`;

/** Offsets of every line that begins with `prefix`. */
function linesStartingWith(text: string, prefix: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(start, end).startsWith(prefix)) lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

describe('extraction engine cases', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { statements } = extractStatements(c.text, { matcher });
    const found = `found:\n  ${statements.map(brief).join('\n  ') || '(none)'}`;

    for (const s of statements) if (s.kind !== 'indirect') expect(c.text.slice(s.start, s.end), brief(s)).toBe(s.quote);

    const matched = new Set<Statement>();
    for (const e of c.expect ?? []) {
      const statement = statements.find((s) => s.quote.includes(e.fragment));
      expect(statement, `no statement contains “${e.fragment}”; ${found}`).toBeDefined();
      if (statement === undefined) continue;
      expect(matched.has(statement), `“${e.fragment}” should be a statement of its own; ${found}`).toBe(false);
      matched.add(statement);
      expect({ speaker: statement.speaker, kind: statement.kind }, `“${e.fragment}”; ${found}`).toEqual({ speaker: e.speaker, kind: e.kind });
      if (e.role !== undefined) expect(statement.role ?? '', `role of “${e.fragment}”; ${found}`).toContain(e.role);
    }

    for (const words of c.notQuotes ?? []) {
      const quoted = statements.filter((s) => s.kind !== 'indirect' && s.quote.includes(words));
      expect(quoted.map(brief), `“${words}” is not a statement`).toEqual([]);
    }

    for (const prefix of c.silentLines ?? []) {
      const lines = linesStartingWith(c.text, prefix);
      expect(lines.length, `the article has a “${prefix}” line`).toBeGreaterThan(0);
      const inside = statements.filter((s) => lines.some((l) => s.start < l.end && l.start < s.end));
      expect(inside.map(brief), `nothing from “${prefix}” lines`).toEqual([]);
    }
  });
});

describe('voices the engine must not guess', () => {
  it.each([
    ['after the quote', 'Defence official Mark Owens briefed reporters on Monday.\n\n"This is the most dangerous moment in decades," a senior Western intelligence official said.'],
    ['inverted', 'Defence official Mark Owens briefed reporters on Monday.\n\n"This is the most dangerous moment in decades," said a senior Western intelligence official.'],
  ])('gives an anonymous official nobody’s name (%s)', (_where, text) => {
    const statement = extractStatements(text, { matcher }).statements.find((s) => s.quote.includes('dangerous moment'));
    expect(statement?.kind).toBe('direct');
    expect(statement?.speaker).toBeNull();
  });

  it('leaves a quote with a tag it cannot read unattributed rather than give it to the previous speaker', () => {
    const text = 'Trade Minister Lena Vogt said on Monday that talks would continue.\n\n„Wir bleiben bei unserer Linie“, sagte der Kanzler.';
    const statement = extractStatements(text, { matcher }).statements.find((s) => s.quote.includes('Wir bleiben'));
    expect(statement?.speaker).toBeNull();
  });
});
