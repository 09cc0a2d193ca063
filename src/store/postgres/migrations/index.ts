/**
 * PostgreSQL migrations, oldest first. Each is applied once, in the transaction that holds the
 * migration lock, and recorded in `schema_migrations`. To change the schema, add the next
 * numbered file; never edit a released one. Numbered on their own: the SQLite file's versions
 * say nothing about these.
 */
import type { Migration } from '../../sqlite/migrations/index.js';
import { sql as initial } from './001_initial.js';
import { sql as textSearch } from './002_text_search.js';
import { sql as handledEvents } from './003_handled_events.js';

export type { Migration };

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'text search', sql: textSearch },
  { version: 3, name: 'handled events', sql: handledEvents },
];
