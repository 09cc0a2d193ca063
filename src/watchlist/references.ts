/**
 * Checks across actors: affiliations that point at existing actors, no cycles (unique ids are
 * checked by duplicateIdProblems in config/problems.ts, for every config list).
 * They read the raw YAML data rather than the schema output so they still run, and report,
 * when some other entry has a schema error: the user gets every problem in one go.
 */

import { entries, type Problem, type RawEntry } from '../config/problems.js';
import { editDistance } from './edit-distance.js';

/** Affiliations that name no actor, name the actor itself, or go round in a cycle. */
export function affiliationProblems(root: unknown): Problem[] {
  const actors = entries(root, 'actors');
  const ids = new Set(actors.flatMap((a) => (a.id === undefined ? [] : [a.id])));
  const links = new Map<string, string[]>();
  const problems: Problem[] = [];
  for (const actor of actors) {
    const affiliations = actor.raw.affiliations;
    if (!Array.isArray(affiliations)) continue;
    affiliations.forEach((target: unknown, k) => {
      if (typeof target !== 'string') return; // the schema reports the wrong type
      const path = ['actors', actor.index, 'affiliations', k];
      if (target === actor.id) {
        problems.push({ path, message: `an actor cannot be affiliated with itself; remove "${target}"` });
      } else if (!ids.has(target)) {
        const hint = closest(target, ids);
        problems.push({
          path,
          message:
            `unknown actor id "${target}"; ` +
            (hint ? `did you mean "${hint}"? ` : '') +
            'add an actor with that id or fix the reference',
        });
      } else if (actor.id !== undefined) {
        links.set(actor.id, [...(links.get(actor.id) ?? []), target]);
      }
    });
  }
  return [...problems, ...cycleProblems(actors, links)];
}

/** One problem per cycle, reported at the first actor of the cycle in file order. */
function cycleProblems(actors: readonly RawEntry[], links: ReadonlyMap<string, string[]>): Problem[] {
  const done = new Set<string>();
  const problems: Problem[] = [];
  const visit = (id: string, trail: string[]): void => {
    const at = trail.indexOf(id);
    if (at >= 0) {
      const cycle = [...trail.slice(at), id];
      const first = actors.find((a) => a.id !== undefined && cycle.includes(a.id));
      problems.push({
        path: ['actors', first?.index ?? 0, 'affiliations'],
        message:
          `affiliations go round in a circle (${cycle.join(' → ')}); ` +
          'they should point outwards (person → organisation → country), so remove one link',
      });
      return;
    }
    if (done.has(id)) return;
    for (const next of links.get(id) ?? []) visit(next, [...trail, id]);
    done.add(id);
  };
  for (const actor of actors) if (actor.id !== undefined) visit(actor.id, []);
  return problems;
}

/** The id within edit distance 2 of `wrong`, to suggest a fix for a typo. */
function closest(wrong: string, ids: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const id of ids) {
    const d = editDistance(wrong, id);
    if (d < bestDistance) {
      best = id;
      bestDistance = d;
    }
  }
  return best;
}
