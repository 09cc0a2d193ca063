import { z } from 'zod';
import type { StoryMember } from '../../model/index.js';
import { signatureBands } from '../../stories/signature.js';
import type { StoryProbe } from '../types.js';
import type { Db } from './db.js';
import { int8, nullableText, parseRow, textArray } from './rows.js';

const COLUMNS = 'identity, story_id, url, outlet, title_key, signature, quotes, seen_at';

const MemberRow = z
  .object({ identity: z.string(), story_id: z.string(), url: nullableText, outlet: nullableText, title_key: z.string(), signature: z.instanceof(Buffer), quotes: textArray, seen_at: int8 })
  .transform((r): StoryMember => {
    // The SQLite store's layout: 32-bit little-endian slots.
    const signature = new Uint32Array(r.signature.length / 4);
    for (let i = 0; i < signature.length; i++) signature[i] = r.signature.readUInt32LE(i * 4);
    return { identity: r.identity, storyId: r.story_id, url: r.url, outlet: r.outlet, titleKey: r.title_key, signature, quotes: r.quotes, seenAt: r.seen_at };
  });
const Outlet = z.object({ outlet: z.string() });

function toBytes(signature: Uint32Array): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  signature.forEach((slot, i) => buffer.writeUInt32LE(slot, i * 4));
  return buffer;
}

export function storiesOver(db: Db) {
  return {
    async addStoryMember(m: StoryMember): Promise<void> {
      await db.tx(async (query) => {
        const { rowCount } = await query(
          `INSERT INTO story_members (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (identity) DO NOTHING`,
          [m.identity, m.storyId, m.url, m.outlet, m.titleKey, toBytes(m.signature), m.quotes, m.seenAt],
        );
        if (rowCount === 0) return;
        await query('INSERT INTO story_bands (band, identity) SELECT band, $2 FROM unnest($1::text[]) AS b(band) ON CONFLICT DO NOTHING', [signatureBands(m.signature), m.identity]);
      });
    },
    /**
     * Every recent copy of every story that has a recent copy sharing the link, the headline or
     * a signature band: the candidates, with their stories' other copies (whose quotes count too).
     */
    async storyCandidates(probe: StoryProbe, since: number): Promise<StoryMember[]> {
      const { rows } = await db.query(
        `SELECT ${COLUMNS} FROM story_members
        WHERE seen_at >= $1 AND story_id IN (
          SELECT story_id FROM story_members WHERE seen_at >= $1 AND (url = $2 OR title_key = $3)
          UNION
          SELECT m.story_id FROM story_bands b JOIN story_members m ON m.identity = b.identity
          WHERE b.band = ANY ($4::text[]) AND m.seen_at >= $1)
        ORDER BY seen_at, identity`,
        [since, probe.url, probe.titleKey, signatureBands(probe.signature)],
      );
      return rows.map((row) => parseRow(MemberRow, row, 'story_members'));
    },
    async storyOutlets(storyId: string): Promise<string[]> {
      const { rows } = await db.query(
        'SELECT outlet FROM story_members WHERE story_id = $1 AND outlet IS NOT NULL GROUP BY outlet ORDER BY min(seen_at), min(seq)',
        [storyId],
      );
      return rows.map((row) => parseRow(Outlet, row, 'story_members').outlet);
    },
  };
}
