import { z } from 'zod';
import type { Mute } from '../../model/index.js';
import type { Db } from './db.js';
import { int8, parseRow } from './rows.js';

const COLUMNS = 'channel, target, until, created_at';
const MuteRow = z
  .object({ channel: z.string(), target: z.string(), until: int8, created_at: int8 })
  .transform((r): Mute => ({ channel: r.channel, target: r.target, until: r.until, createdAt: r.created_at }));

export function mutesOver(db: Db) {
  return {
    async mute(m: Mute): Promise<void> {
      await db.query(
        `INSERT INTO mutes (${COLUMNS}) VALUES ($1, $2, $3, $4)
        ON CONFLICT (channel, target) DO UPDATE SET until = excluded.until, created_at = excluded.created_at`,
        [m.channel, m.target, m.until, m.createdAt],
      );
    },
    async unmute(channel: string, target: string): Promise<boolean> {
      return (await db.query('DELETE FROM mutes WHERE channel = $1 AND target = $2', [channel, target])).rowCount > 0;
    },
    /** In force at `now`: muted until a later time (at `until` alerts come again). */
    async mutes(now: number, channel?: string): Promise<Mute[]> {
      const { rows } =
        channel === undefined
          ? await db.query(`SELECT ${COLUMNS} FROM mutes WHERE until > $1 ORDER BY until, channel, target`, [now])
          : await db.query(`SELECT ${COLUMNS} FROM mutes WHERE until > $1 AND channel = $2 ORDER BY until, channel, target`, [now, channel]);
      return rows.map((row) => parseRow(MuteRow, row, 'mutes'));
    },
  };
}
