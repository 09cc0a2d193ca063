import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Mute } from '../../model/index.js';
import { int, parseRow } from './rows.js';

const COLUMNS = 'channel, target, until, created_at';

const MuteRow = z.object({
  channel: z.string(),
  target: z.string(),
  until: int,
  created_at: int,
});

function toMute(row: unknown): Mute {
  const r = parseRow(MuteRow, row, 'mutes');
  return { channel: r.channel, target: r.target, until: r.until, createdAt: r.created_at };
}

export function prepareMutes(db: Database.Database) {
  // Muting again is a new mute: its end and its creation time both replace the old ones.
  const upsert = db.prepare<Mute>(`
    INSERT INTO mutes (${COLUMNS}) VALUES (@channel, @target, @until, @createdAt)
    ON CONFLICT (channel, target) DO UPDATE SET until = excluded.until, created_at = excluded.created_at`);
  const deleteOne = db.prepare<[string, string]>('DELETE FROM mutes WHERE channel = ? AND target = ?');
  // Expired rows stay until muted or unmuted again (one per channel and target at most); `until > now` hides them.
  const active = db.prepare<[number]>(`SELECT ${COLUMNS} FROM mutes WHERE until > ? ORDER BY until, channel, target`);
  const activeIn = db.prepare<[number, string]>(
    `SELECT ${COLUMNS} FROM mutes WHERE until > ? AND channel = ? ORDER BY until, target`,
  );

  return {
    mute(mute: Mute): void {
      upsert.run({ channel: mute.channel, target: mute.target, until: mute.until, createdAt: mute.createdAt });
    },
    unmute(channel: string, target: string): boolean {
      return deleteOne.run(channel, target).changes > 0;
    },
    mutes(now: number, channel?: string): Mute[] {
      return (channel === undefined ? active.all(now) : activeIn.all(now, channel)).map(toMute);
    },
  };
}
