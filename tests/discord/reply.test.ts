// Command replies in Discord: only the caller sees queries, link previews are off, mentions from
// quotes are broken up, and a long answer becomes several 2,000-character messages.
import { describe, expect, it } from 'vitest';
import { discordReplies } from '../../src/discord/reply.js';

describe('discordReplies', () => {
  it('marks replies ephemeral or not, always without link previews or mentions', () => {
    const [query] = discordReplies({ text: '**NATO** said “@everyone”', ephemeral: true });
    expect(query).toEqual({ content: '**NATO** said “@\u200beveryone”', flags: 64 | 4, allowedMentions: { parse: [] } });
    expect(discordReplies({ text: 'Subscribed', ephemeral: false })[0]?.flags).toBe(4);
  });

  it('splits a long answer at line ends into messages of at most 2,000 characters, nothing lost', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `• ${i} ${'x'.repeat(150)}`);
    const messages = discordReplies({ text: lines.join('\n'), ephemeral: true });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.content.length).toBeLessThanOrEqual(2_000);
    expect(messages.map((m) => m.content).join('\n')).toBe(lines.join('\n'));
  });
});
