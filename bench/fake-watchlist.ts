/**
 * Generated watchlists for the matcher benchmark and scale test: realistic multi-word names of
 * people and organisations that mostly do not occur in news text, but share everyday words with
 * it ("Ministry", "of", "Council"), so the automaton has to follow and abandon partial matches.
 * Deterministic: the same count and seed always give the same watchlist.
 */
import { StatementsError } from '../src/errors.js';
import type { Actor, Watchlist } from '../src/model/index.js';
import { mulberry32 } from '../tests/helpers/mulberry32.js';

const FIRST = [
  'Aleksandra', 'Bartholomew', 'Chiara', 'Dagfinn', 'Eleonora', 'Faisal', 'Gudrun', 'Hamza', 'Ingrid',
  'Jaroslav', 'Kalinda', 'Leopold', 'Marisol', 'Nikolaus', 'Oksana', 'Pietro', 'Quentin', 'Rosalind',
  'Svetozar', 'Thandiwe', 'Ulrike', 'Valentin', 'Wilhelmina', 'Xiomara', 'Yevgenia', 'Zdenek', 'Anouk',
  'Bogdan', 'Cosima', 'Desmond', 'Emeric', 'Florentyna', 'Gaspard', 'Henrietta', 'Ignatius', 'Jolanta',
  'Kasimir', 'Ludmila', 'Marcellus', 'Nadezhda', 'Octavia', 'Percival', 'Radomir', 'Saoirse', 'Tiberius',
  'Ursula', 'Vesna', 'Wendeline', 'Yannick', 'Zuzanna', 'Augustin', 'Brunhilde', 'Cyprian', 'Dorothea',
  'Evander', 'Felicitas', 'Gottfried', 'Hyacinth', 'Isidora', 'Jovan', 'Konstantin', 'Leocadia',
  'Mstislav', 'Norberta', 'Orsolya', 'Pankraz', 'Rasmus', 'Sigrun', 'Tadeusz', 'Ulyana', 'Vratislav',
  'Wenceslas', 'Ximena', 'Yaroslava', 'Zbigniew', 'Ambrose', 'Berenike', 'Casimira', 'Dragomir', 'Esmeralda',
];

const LAST = [
  'Abernathy', 'Baranowski', 'Castellanos', 'Dimitrescu', 'Eriksdottir', 'Fitzgerald', 'Gruenwald',
  'Halvorsen', 'Iordanescu', 'Jankowiak', 'Kowalczyk', 'Lindqvist', 'Mastrangelo', 'Nieminen', 'Oyelaran',
  'Papadakis', 'Quarshie', 'Rasmussen', 'Szczepanski', 'Tkachenko', 'Uhlenbrock', 'Vasilakis', 'Wojciechowski',
  'Xanthopoulos', 'Yamamura', 'Zielinska', 'Achterberg', 'Bielawski', 'Cavendish', 'Dragomirov', 'Engelhardt',
  'Falkenrath', 'Gavrilovic', 'Hohenstein', 'Ilyushkin', 'Jaworska', 'Kristiansen', 'Lombardini', 'Mikhailidis',
  'Nordstrom', 'Ostrowski', 'Pellegrini', 'Radziwill', 'Santangelo', 'Tarkovsky', 'Urquhart', 'Valdivieso',
  'Wittgenstein', 'Yevtushenko', 'Zamoyski', 'Arbuthnot', 'Brzezinski', 'Chmielewski', 'Delacroix',
  'Esterhazy', 'Fortunato', 'Gorbunova', 'Hapsburg', 'Ignatieff', 'Jablonski', 'Kaczmarek', 'Lichtenberg',
  'Montgomery', 'Nakashima', 'Obradovic', 'Piotrowski', 'Rostropovich', 'Sokolowski', 'Trubetskoy',
  'Umbertini', 'Villanueva', 'Wisniewski', 'Yoshimura', 'Zubrowski', 'Albrechtsen', 'Borodulin', 'Cuthbertson',
  'Dobrovolsky', 'Eichendorff', 'Fiorentino', 'Grabowski', 'Hrushevsky', 'Isakovic', 'Jovanovski', 'Kuznetsova',
  'Laurentius', 'Malinowski', 'Nesterenko', 'Ozolins', 'Pasternak', 'Quintanilla', 'Rybakova', 'Stravinsky',
  'Tymoshchuk', 'Ulanova', 'Vorontsov', 'Wyszynski', 'Zakharchenko', 'Abramovich', 'Bondarenko', 'Ciobanu',
  'Davidescu', 'Evtimov', 'Fedorchuk', 'Gheorghiu', 'Horvath', 'Ivanisevic', 'Juskevicius', 'Kalnins',
  'Lewandowska', 'Marinescu', 'Novotny', 'Onufriyenko', 'Petrauskas', 'Ruzicka', 'Stojanovic', 'Tamasauskas',
];

const COUNTRIES = [
  'Moldavia', 'Ruritania', 'Transnistria', 'Bohemia', 'Livonia', 'Courland', 'Galicia', 'Wallachia',
  'Pomerania', 'Silesia', 'Dalmatia', 'Thrace', 'Carinthia', 'Bessarabia', 'Podolia', 'Volhynia',
  'Samogitia', 'Moravia', 'Styria', 'Bukovina', 'Lusatia', 'Ingria', 'Karelia', 'Zemgale',
];

const SUBJECTS = [
  'Fisheries', 'Cultural Heritage', 'Rural Development', 'Civil Aviation', 'Digital Affairs', 'Forestry',
  'Mining and Metallurgy', 'Maritime Affairs', 'Veterinary Services', 'Statistics', 'Tourism',
  'Public Procurement', 'Water Management', 'Land Registry', 'Consumer Protection', 'Youth and Sport',
  'Railway Transport', 'Nuclear Safety', 'Space Research', 'Postal Services',
];

const LEVELS = ['National', 'State', 'Regional', 'Federal', 'Provincial', 'Municipal', 'Central', 'Supreme'];

const ORG_TEMPLATES: readonly ((level: string, country: string, subject: string) => string)[] = [
  (l, c, s) => `${l} Ministry of ${s} of ${c}`,
  (l, c, s) => `${c} ${l} Agency for ${s}`,
  (l, c, s) => `${l} Council on ${s} of ${c}`,
  (l, c, s) => `${l} Institute of ${s} in ${c}`,
  (l, c, s) => `${c} ${l} ${s} Authority`,
];

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/**
 * Actors with `phraseCount` names and aliases in all (each actor has a name and one alias).
 * Ids are `fake-<n>`; every phrase is unique.
 */
export function fakeActors(phraseCount: number, seed = 1): Actor[] {
  const next = mulberry32(seed);
  const seen = new Set<string>();
  const actors: Actor[] = [];
  let phrases = 0;
  const fresh = (make: () => string): string => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const phrase = make();
      if (!seen.has(phrase)) {
        seen.add(phrase);
        return phrase;
      }
    }
    throw new StatementsError('bench', 'BENCH_NAMES', `ran out of distinct fake names after ${seen.size}; ask for fewer`);
  };
  while (phrases < phraseCount) {
    const id = `fake-${actors.length}`;
    const person = next() < 0.7;
    if (person) {
      const first = pick(FIRST, next);
      const last = pick(LAST, next);
      const name = fresh(() => `${first} ${pick(LAST, next)}-${last}`);
      const alias = fresh(() => `${first} ${String.fromCharCode(65 + Math.floor(next() * 26))}. ${last}`);
      const aliases = phrases + 2 <= phraseCount ? [alias] : [];
      actors.push({ id, name, kind: 'person', aliases, role: null, affiliations: [], gender: null });
      phrases += 1 + aliases.length;
    } else {
      const country = pick(COUNTRIES, next);
      const org = () => pick(ORG_TEMPLATES, next)(pick(LEVELS, next), country, pick(SUBJECTS, next));
      const name = fresh(org);
      const alias = fresh(org);
      const aliases = phrases + 2 <= phraseCount ? [alias] : [];
      actors.push({ id, name, kind: 'organisation', aliases, role: null, affiliations: [], gender: null });
      phrases += 1 + aliases.length;
    }
  }
  return actors;
}

/** Names, aliases, labels and variants: the phrases a compiled matcher holds. */
export function phraseCount(watchlist: Watchlist): number {
  const actors = watchlist.actors.reduce((n, a) => n + 1 + a.aliases.length, 0);
  return actors + watchlist.keywords.reduce((n, k) => n + 1 + k.variants.length, 0);
}
