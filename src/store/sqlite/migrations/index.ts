/**
 * SQLite migrations, oldest first. Each is applied once, in a transaction, and recorded in
 * `schema_migrations`. To change the schema, add the next numbered file; never edit a released one.
 * TypeScript modules rather than .sql files so the compiled dist needs nothing copied beside it.
 */
import type { Migration } from '../../migrations.js';
import { sql as initial } from './001_initial.js';
import { sql as claims } from './002_claims.js';
import { sql as addedFeeds } from './003_added_feeds.js';
import { sql as stories } from './004_stories.js';
import { sql as digests } from './005_digests.js';
import { sql as storyBands } from './006_story_bands.js';
import { sql as mutes } from './007_mutes.js';
import { sql as revisions } from './008_revisions.js';
import { sql as feedClaims } from './009_feed_claims.js';
import { sql as speakerRecency } from './010_speaker_recency.js';
import { sql as statementText } from './011_statement_text.js';
import { sql as handledEvents } from './012_handled_events.js';

export type { Migration };

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'claims', sql: claims },
  { version: 3, name: 'added feeds', sql: addedFeeds },
  { version: 4, name: 'stories', sql: stories },
  { version: 5, name: 'digests', sql: digests },
  { version: 6, name: 'story bands', sql: storyBands },
  { version: 7, name: 'mutes', sql: mutes },
  { version: 8, name: 'revisions', sql: revisions },
  { version: 9, name: 'feed claims', sql: feedClaims },
  { version: 10, name: 'speaker recency', sql: speakerRecency },
  { version: 11, name: 'statement text', sql: statementText },
  { version: 12, name: 'handled events', sql: handledEvents },
];
