// Slack rendering of alerts: within Slack's limits whatever the article holds, escaped so that
// feed text pings nobody and links nowhere, and cut with an ellipsis rather than refused.
import { describe, expect, it } from 'vitest';
import { escapeSlack, SLACK_LIMITS, slackAlert, slackText } from '../../src/alerts/slack.js';
import type { Alert } from '../../src/model/index.js';
import { sampleAlert } from '../helpers/alert.js';

const base = sampleAlert;

type Block = { type: string; text?: { type: string; text: string }; elements?: { type: string; text?: string | { text: string }; url?: string }[] };
const blocks = (alert: Alert): Block[] => slackAlert(alert).blocks as Block[];
/** One text per block: a section's or header's text, a context's or actions' element texts joined. */
const texts = (alert: Alert): string[] => blocks(alert).map((b) => b.text?.text ?? (b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))).join(' '));
/** An "&" that does not start one of Slack's three entities: an entity was cut or never made. */
const BROKEN_ENTITY = /&(?!amp;|lt;|gt;)/;

describe('slackAlert', () => {
  it('has a header, outlet and time, lead, one section per quote with speaker and role (reported speech without marks), tags and a link button', () => {
    const b = blocks(base);
    expect(b.map((x) => x.type)).toEqual(['header', 'context', 'section', 'section', 'section', 'context', 'actions']);
    expect(b[0]?.text).toEqual({ type: 'plain_text', text: 'NATO sees no withdrawal', emoji: false });
    // Each reader sees the time in their own zone; the fallback is UTC.
    expect(texts(base)[1]).toBe('*Local Wire* · <!date^1645013100^{date_short_pretty} at {time}|2022-02-16 12:05 UTC>');
    expect(b[3]?.text?.text).toBe('>“We have not seen any de-escalation on the ground”\n— *Jens Stoltenberg*, NATO Secretary General');
    expect(b[4]?.text?.text).toBe('>Russia was pulling troops back\n— *Kremlin*');
    expect(texts(base)[5]).toBe('*Who:* NATO, Jens Stoltenberg   *Topics:* troop withdrawal');
    expect(b[6]?.elements?.[0]).toMatchObject({ type: 'button', url: 'https://news.example/1' });
    expect(slackAlert(base).text).toBe('NATO sees no withdrawal — Jens Stoltenberg: “We have not seen any de-escalation on the ground”');
  });

  it('escapes mentions, links and entities from the article everywhere, fallback included', () => {
    const ping = '<!channel> <!here> <@U123> <!subteam^S1> <https://evil.example|click> & co';
    const alert: Alert = { ...base, title: ping, outlet: ping, lead: [ping], actors: [ping], keywords: [ping], quotes: [{ quote: ping, speaker: ping, role: ping, kind: 'direct' }] };
    const message = slackAlert(alert);
    const json = JSON.stringify(message);
    for (const raw of ['<!channel>', '<!here>', '<@U123>', '<!subteam', '<https://evil']) expect(json).not.toContain(raw);
    expect(message.text).toContain('&lt;!channel&gt;');
    for (const text of [...texts(alert), message.text]) expect(text).not.toMatch(BROKEN_ENTITY);
  });

  it('stays within Slack’s limits for any article: 50 blocks, 3,000 a section, 150 a header, ellipsis not failure', () => {
    const long = 'Stoltenberg & <allies> said '.repeat(2_000);
    const quotes = Array.from({ length: 80 }, (_, i) => ({ quote: `${i} ${long}`, speaker: long, role: long, kind: 'direct' as const }));
    const alert: Alert = { ...base, title: long, outlet: long, lead: [long, long], actors: Array(500).fill('Jens Stoltenberg'), keywords: Array(500).fill('troop withdrawal'), quotes };
    const message = slackAlert(alert);
    const b = message.blocks as Block[];
    expect(b.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(b[0]?.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
    expect(b[0]?.text?.text.endsWith('…')).toBe(true);
    for (const text of texts(alert)) {
      expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.section);
      expect(text).not.toMatch(BROKEN_ENTITY);
    }
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallback);
    expect(b.at(-1)?.type).toBe('actions'); // the link survives the cut
  });

  it('never cuts an emoji in half', () => {
    const title = `${'a'.repeat(148)}🚀🚀🚀`;
    const header = blocks({ ...base, title })[0]?.text?.text ?? '';
    expect(header).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(header.endsWith('…')).toBe(true);
  });

  it('links only to web pages, and leaves out what it does not know', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url', null]) {
      expect(blocks({ ...base, url }).some((b) => b.type === 'actions')).toBe(false);
    }
    const bare = blocks({ ...base, outlet: null, published: null, lead: [], actors: [], keywords: [], quotes: [] });
    expect(bare.map((b) => b.type)).toEqual(['header', 'actions']);
    expect(bare[1]?.elements?.[0]).toMatchObject({ text: { text: 'Read the article' } });
  });
});

describe('slackText', () => {
  it('escapes Slack’s three control characters and nothing else', () => {
    expect(escapeSlack('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'');
  });

  it('fits the escaped text, not the raw text, into the limit', () => {
    const cut = slackText('&'.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^(&amp;)+…$/);
  });
});
