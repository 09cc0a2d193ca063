// Discord rendering of alerts: within Discord's embed limits whatever the article holds, mentions
// in feed text broken up, markdown shown as written, cut with an ellipsis rather than refused.
import { describe, expect, it } from 'vitest';
import { defuseMentions, DISCORD_LIMITS, discordAlert, discordText } from '../../src/alerts/discord.js';
import type { Alert } from '../../src/model/index.js';
import { sampleAlert } from '../helpers/alert.js';

const base = sampleAlert;

/** What Discord counts towards the 6,000 characters of an embed. */
function total(alert: Alert): number {
  const e = discordAlert(alert);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

describe('discordAlert', () => {
  it('links the headline, leads, gives each quote a field under its speaker, tags who and what, dates it', () => {
    expect(discordAlert(base)).toEqual({
      color: 0x1d3557,
      title: 'NATO sees no withdrawal',
      url: 'https://news.example/1',
      description: 'NATO said on Wednesday it saw no sign of a pullback.',
      fields: [
        { name: 'Jens Stoltenberg, NATO Secretary General', value: '> “We have not seen any de-escalation on the ground”' },
        { name: 'Kremlin', value: '> Russia was pulling troops back' },
        { name: 'Who', value: 'NATO, Jens Stoltenberg', inline: true },
        { name: 'Topics', value: 'troop withdrawal', inline: true },
      ],
      footer: { text: 'Local Wire' },
      timestamp: '2022-02-16T12:05:00.000Z',
    });
  });

  it('breaks up mentions and escapes markdown from the article', () => {
    const text = '@everyone @here <@123> <@!456> <@&789> <#42> **bold** _it_';
    const embed = discordAlert({ ...base, title: text, lead: [text], quotes: [{ quote: text, speaker: `${text} speaker`, role: null, kind: 'direct' }] });
    const json = JSON.stringify(embed);
    for (const raw of ['@everyone', '@here', '<@123>', '<@!456>', '<@&789>', '<#42>', '**bold**']) expect(json).not.toContain(raw);
    expect(embed.title).toContain('\\*\\*bold\\*\\*');
  });

  it('stays within every embed limit for any article, the link and tags kept', () => {
    const long = 'Stoltenberg said *this* and _that_ @everyone '.repeat(400);
    const quotes = Array.from({ length: 40 }, () => ({ quote: long, speaker: long, role: long, kind: 'direct' as const }));
    const huge: Alert = { ...base, title: long, outlet: long, lead: [long], actors: Array(300).fill('Jens Stoltenberg'), keywords: Array(300).fill('troop withdrawal'), quotes };
    const embed = discordAlert(huge);
    expect(embed.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed.title!.endsWith('…')).toBe(true);
    expect(embed.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(embed.fields!.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of embed.fields!) {
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    expect(total(huge)).toBeLessThanOrEqual(DISCORD_LIMITS.total);
    expect(embed.url).toBe('https://news.example/1');
    expect(embed.fields!.slice(-2).map((f) => f.name)).toEqual(['Who', 'Topics']);
  });

  it('links only to web pages and leaves out what it does not know', () => {
    expect(discordAlert({ ...base, url: 'javascript:alert(1)' }).url).toBeUndefined();
    const bare = discordAlert({ ...base, outlet: null, published: null, lead: [], actors: [], keywords: [], quotes: [] });
    expect(Object.keys(bare).sort()).toEqual(['color', 'fields', 'title', 'url']);
  });
});

describe('discordText and defuseMentions', () => {
  it('cuts the rendered text to the limit, never mid-escape', () => {
    const cut = discordText('*'.repeat(300), 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/^(\\\*)+…$/);
  });

  it('leaves ordinary @ and < alone', () => {
    expect(defuseMentions('mail me@example.org, 3 < 4, <@name>')).toBe('mail me@example.org, 3 < 4, <@name>');
  });
});
