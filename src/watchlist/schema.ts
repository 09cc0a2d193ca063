/**
 * Shape of config/actors.yaml and config/keywords.yaml. Objects are strict so a misspelt key
 * ("alias:") is an error instead of a silently ignored line. Optional lists and fields may be
 * left out or left empty ("aliases:" with nothing after it).
 */
import { z } from 'zod';
import { tokenize } from '../matches/tokenize.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Describes a YAML value in an error message the way the user wrote it. */
function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping (key: value pairs)';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

/** Error text for a field: "missing; add <add>" or "must be <what>, found …". */
function explain(what: string, add = what) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? `missing; add ${add}` : `must be ${what}, found ${describeValue(issue.input)}`;
}

/** A strict object whose unknown-key error lists the keys that are allowed. */
function strict<T extends z.core.$ZodLooseShape>(shape: T, what: string, shapeHint?: string) {
  const allowed = Object.keys(shape).join(', ');
  const wrongType = explain(shapeHint ?? `${what} (a mapping with keys ${allowed})`);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((k) => `"${k}"`).join(', ');
        return `unknown key ${keys}; the keys of ${what} are: ${allowed}`;
      }
      return wrongType(issue);
    },
  });
}

const slug = (example: string) =>
  z
    .string({ error: explain(`an id such as "${example}"`) })
    .regex(SLUG, `must be a lower-case slug such as "${example}": letters a-z, digits and single hyphens`);

/** A name, alias or variant: must have at least one letter or digit, or it could never match. */
const phrase = (what: string) =>
  z
    .string({ error: explain('text', `the ${what}`) })
    .refine((s) => tokenize(s).length > 0, `must contain at least one letter or digit; write the ${what} out or remove it`);

/** A list that may be omitted or left empty in YAML. */
const list = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item, { error: explain(`a list of ${what}`) })
    .nullish()
    .transform((v) => v ?? []);

const optionalText = (what: string) =>
  z
    .string({ error: explain(what) })
    .nullish()
    .transform((v) => v ?? null);

export const actorSchema = strict(
  {
    id: slug('jens-stoltenberg'),
    name: phrase('display name'),
    kind: z.enum(['person', 'organisation'], { error: explain('person or organisation') }),
    role: optionalText('a role such as "NATO Secretary General"'),
    gender: z
      .enum(['female', 'male'], { error: explain('female, male or null') })
      .nullish()
      .transform((v) => v ?? null),
    aliases: list(phrase('alias'), 'names'),
    affiliations: list(slug('nato'), 'actor ids'),
  },
  'an actor',
).superRefine((actor, ctx) => {
  if (actor.kind === 'organisation' && actor.gender !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['gender'],
      message: 'only a person has a gender; remove it or set kind: person',
    });
  }
});

export const keywordSchema = strict(
  {
    id: slug('troop-withdrawal'),
    label: phrase('label'),
    variants: list(phrase('variant'), 'phrases'),
  },
  'a keyword',
);

export const actorsFileSchema = strict(
  { actors: list(actorSchema, 'actors') },
  'the file',
  'a mapping with the key "actors:" holding the list of actors',
);
export const keywordsFileSchema = strict(
  { keywords: list(keywordSchema, 'keywords') },
  'the file',
  'a mapping with the key "keywords:" holding the list of keywords',
);
