import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../src/alerts/index.js';
import type { Alert } from '../../src/model/index.js';

const alert: Alert = {
  key: 'k1',
  title: 'NATO says no sign of Russian pullback',
  outlet: 'Reuters',
  url: 'https://news.example/nato-pullback',
  published: new Date(2022, 1, 16, 14, 3).getTime(),
  lead: ['NATO said on Wednesday it had seen no sign of a Russian pullback from the border.'],
  actors: ['Jens Stoltenberg', 'NATO'],
  keywords: ['troop withdrawal'],
  quotes: [
    { quote: 'It remains to be seen whether there is a Russian withdrawal', speaker: 'Jens Stoltenberg', role: 'NATO Secretary General', kind: 'direct' },
    { quote: 'Russia should be judged by its actions', speaker: 'Ben Wallace', role: null, kind: 'indirect' },
  ],
};

describe('renderConsole', () => {
  it('shows title, outlet and local time, lead, quotes, tags and link', () => {
    const text = renderConsole(alert, { width: 200 });
    expect(text.split('\n')).toEqual([
      'NATO says no sign of Russian pullback',
      'Reuters · 16 Feb 2022, 14:03',
      '',
      'NATO said on Wednesday it had seen no sign of a Russian pullback from the border.',
      '',
      '  “It remains to be seen whether there is a Russian withdrawal” — Jens Stoltenberg, NATO Secretary General',
      '  Russia should be judged by its actions — Ben Wallace',
      '',
      'Tags: Jens Stoltenberg, NATO · troop withdrawal',
      'https://news.example/nato-pullback',
    ]);
  });

  it('wraps to the width with quotes indented', () => {
    const lines = renderConsole(alert, { width: 40 }).split('\n');
    for (const line of lines) if (!line.startsWith('https://')) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines.some((l) => l.startsWith('    '))).toBe(true);
  });

  it('colours only when asked', () => {
    expect(renderConsole(alert)).not.toContain('\u001b[');
    expect(renderConsole(alert, { color: true })).toContain('\u001b[1mNATO says no sign of Russian pullback\u001b[0m');
  });

  it('defuses terminal control sequences in article text', () => {
    const hostile: Alert = { ...alert, title: 'Bad\u001b[2J\u001b]0;owned\u0007 title', lead: ['Lead\r\nwith breaks.'] };
    const text = renderConsole(hostile);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).toContain('Lead with breaks.');
  });

  it('leaves out what an alert does not have', () => {
    const bare: Alert = { ...alert, outlet: null, published: null, lead: [], quotes: [], actors: [], keywords: [], url: null };
    expect(renderConsole(bare)).toBe('NATO says no sign of Russian pullback');
  });
});
