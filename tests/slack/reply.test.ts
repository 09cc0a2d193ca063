// Command replies in Slack: the handlers' light markdown as mrkdwn, article text escaped, long
// answers split into sections rather than refused.
import { describe, expect, it } from 'vitest';
import { slackReply, toMrkdwn } from '../../src/slack/reply.js';

describe('slackReply', () => {
  it('turns **bold** into *bold*, keeps `code`, and escapes what came from articles', () => {
    expect(toMrkdwn('**NATO** said “<!channel> & more” — try `nato since:24h`')).toBe('*NATO* said “&lt;!channel&gt; &amp; more” — try `nato since:24h`');
  });

  it('keeps replies to the caller ephemeral and announcements in the channel', () => {
    expect(slackReply({ text: 'x', ephemeral: true }).response_type).toBe('ephemeral');
    expect(slackReply({ text: 'Subscribed', ephemeral: false }).response_type).toBe('in_channel');
  });

  it('splits a long answer at line ends into sections of at most 3,000 characters, nothing lost', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `• line ${i} ${'x'.repeat(200)}`);
    const reply = slackReply({ text: ['**Header**', ...lines].join('\n'), ephemeral: true });
    const sections = reply.blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(3_000);
    expect(sections.join('\n')).toBe(['*Header*', ...lines].join('\n'));
    expect(reply.text).toBe('*Header*');
  });
});
