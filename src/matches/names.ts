/**
 * Whole-phrase lookup of actors ("Mr. Peskov", "the Kremlin", "President Biden"). Phrases and
 * aliases are reduced the same way: tokenized, then leading "the" and titles removed, and the
 * remaining tokens joined into a Map key. A key two actors share is ambiguous and finds nobody.
 */
import type { Actor } from '../model/index.js';
import { capitalPositions, capitalsAt } from './capitals.js';
import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

/** Words that precede a name without being part of it, longest first. */
const TITLES: readonly (readonly string[])[] = [
  ['secretary', 'general'],
  ['prime', 'minister'],
  ['vice', 'president'],
  ['foreign', 'minister'],
  ['foreign', 'secretary'],
  ['defence', 'minister'],
  ['defense', 'minister'],
  ['defence', 'secretary'],
  ['defense', 'secretary'],
  ['the'],
  ['mr'],
  ['mrs'],
  ['ms'],
  ['miss'],
  ['mx'],
  ['dr'],
  ['prof'],
  ['professor'],
  ['sir'],
  ['dame'],
  ['president'],
  ['sen'],
  ['senator'],
  ['rep'],
  ['representative'],
  ['congressman'],
  ['congresswoman'],
  ['gov'],
  ['governor'],
  ['mayor'],
  ['premier'],
  ['chancellor'],
  ['ambassador'],
  ['secretary'],
  ['minister'],
];

/** The tokens that name someone: `tokens` without leading "the" and titles (never all of them). */
function nameTokens(tokens: readonly Token[]): readonly Token[] {
  let from = 0;
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const title of TITLES) {
      if (from + title.length >= tokens.length) continue;
      if (title.every((word, i) => tokens[from + i]?.value === word)) {
        from += title.length;
        stripped = true;
        break;
      }
    }
  }
  return tokens.slice(from);
}

function keyOf(tokens: readonly Token[]): string {
  return tokens.map((t) => t.value).join(' ');
}

interface Entry {
  actor: Actor;
  /** Positions within the name tokens that must be capitals (see capitals.ts). */
  capitals: number[];
}

export class NameIndex {
  private readonly byKey = new Map<string, Entry[]>();

  constructor(actors: readonly Actor[]) {
    for (const actor of actors) {
      for (const phrase of [actor.name, ...actor.aliases]) {
        const all = tokenize(phrase);
        const name = nameTokens(all);
        if (name.length === 0) continue;
        const skipped = all.length - name.length;
        const capitals = capitalPositions(phrase, all)
          .filter((p) => p >= skipped)
          .map((p) => p - skipped);
        const key = keyOf(name);
        const entries = this.byKey.get(key) ?? [];
        entries.push({ actor, capitals });
        this.byKey.set(key, entries);
      }
    }
  }

  /** The one actor `phrase` names, or undefined when none or several do. */
  find(phrase: string): Actor | undefined {
    const name = nameTokens(tokenize(phrase));
    if (name.length === 0) return undefined;
    const entries = this.byKey.get(keyOf(name));
    if (entries === undefined) return undefined;
    const found = new Set<Actor>();
    for (const entry of entries) {
      if (capitalsAt(phrase, name, entry.capitals)) found.add(entry.actor);
    }
    return found.size === 1 ? found.values().next().value : undefined;
  }
}
