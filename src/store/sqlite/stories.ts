import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { StoryMember } from '../../model/index.js';
import { signatureBands } from '../../stories/signature.js';
import type { StoryProbe } from '../types.js';
import { int, jsonColumn, nullableText, parseRow } from './rows.js';

const COLUMNS = 'identity, story_id, url, outlet, title_key, signature, quotes, seen_at';
const MemberRow = z.object({ identity: z.string(), story_id: z.string(), url: nullableText, outlet: nullableText, title_key: z.string(), signature: z.instanceof(Buffer), quotes: jsonColumn(z.array(z.string())), seen_at: int });
const Outlet = z.object({ outlet: z.string() });

function toMember(row: unknown): StoryMember {
  const r = parseRow(MemberRow, row, 'story_members');
  const signature = new Uint32Array(r.signature.length / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = r.signature.readUInt32LE(i * 4);
  return { identity: r.identity, storyId: r.story_id, url: r.url, outlet: r.outlet, titleKey: r.title_key, signature, quotes: r.quotes, seenAt: r.seen_at };
}

function toBlob(signature: Uint32Array): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  signature.forEach((slot, i) => buffer.writeUInt32LE(slot, i * 4));
  return buffer;
}

export function prepareStories(db: Database.Database) {
  const insert = db.prepare(`INSERT INTO story_members (${COLUMNS}) VALUES (@identity, @storyId, @url, @outlet, @titleKey, @signature, @quotes, @seenAt) ON CONFLICT (identity) DO NOTHING`);
  // Every recent copy of every story that has a recent copy sharing the link, the headline or a
  // signature band: the candidates, with their stories' other copies (whose quotes count too).
  const candidates = db.prepare<{ since: number; url: string | null; titleKey: string; bands: string }>(`
    SELECT ${COLUMNS} FROM story_members
    WHERE seen_at >= @since AND story_id IN (
      SELECT story_id FROM story_members WHERE seen_at >= @since AND (url = @url OR title_key = @titleKey)
      UNION
      SELECT m.story_id FROM story_bands b JOIN story_members m ON m.identity = b.identity
      WHERE b.band IN (SELECT value FROM json_each(@bands)) AND m.seen_at >= @since)
    ORDER BY seen_at, identity`);
  const band = db.prepare<[string, string]>('INSERT INTO story_bands (band, identity) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const add = db.transaction((member: StoryMember): void => {
    if (insert.run({ ...member, signature: toBlob(member.signature), quotes: JSON.stringify(member.quotes) }).changes === 0) return;
    for (const key of signatureBands(member.signature)) band.run(key, member.identity);
  });
  const outlets = db.prepare<[string]>(`SELECT outlet FROM story_members WHERE story_id = ? AND outlet IS NOT NULL GROUP BY outlet ORDER BY min(seen_at), min(rowid)`);
  return {
    addStoryMember: (member: StoryMember): void => add(member),
    storyCandidates: (probe: StoryProbe, since: number): StoryMember[] =>
      candidates.all({ since, url: probe.url, titleKey: probe.titleKey, bands: JSON.stringify(signatureBands(probe.signature)) }).map(toMember),
    storyOutlets: (storyId: string): string[] => outlets.all(storyId).map((row) => Outlet.parse(row).outlet),
  };
}
