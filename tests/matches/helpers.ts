import type { Actor, Keyword } from '../../src/model/index.js';

/** An actor with only what a test cares about. */
export function actor(id: string, name: string, aliases: string[] = [], extra: Partial<Actor> = {}): Actor {
  return { id, name, kind: 'organisation', aliases, role: null, affiliations: [], gender: null, ...extra };
}

export function keyword(id: string, label: string, variants: string[] = []): Keyword {
  return { id, label, variants };
}
