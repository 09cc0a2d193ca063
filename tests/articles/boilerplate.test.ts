import { describe, expect, it } from 'vitest';
import { isBoilerplateLine, removeBoilerplate } from '../../src/articles/index.js';

describe('isBoilerplateLine', () => {
  it.each([
    'Also read | US accuses financial website of spreading Russian propaganda',
    'ALSO READ: Ministers clash over budget',
    'Read more: Factories race to meet demand',
    'Photo – A handout still image taken from handout video made available by the press service.',
    'Photo: Example Agency',
    'Click here to read the full report',
    'Sign up for our daily briefing',
    'Follow us on Twitter and Facebook',
    'Share this article',
    'Tweet',
    'Advertisement',
    'Story continues below advertisement',
    '(Reporting by Jane Doe; Editing by John Roe)',
  ])('drops %j', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'NATO on Tuesday called on Russia to prove its willingness to de-escalate.',
    '“We will judge them on their actions,” he said.',
    'Photographers were kept away from the site, officials said.',
    'Readers of the report said it was thin.',
    'Followers of the party gathered outside.',
    `Also read | ${'a very long paragraph '.repeat(40)}`,
  ])('keeps %j', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });
});

describe('removeBoilerplate', () => {
  it('drops furniture lines and joins paragraphs with one blank line', () => {
    const text = 'First paragraph.\n\nAlso read | Other story\n\n\n\nSecond paragraph.\nShare this article\n';
    expect(removeBoilerplate(text)).toBe('First paragraph.\n\nSecond paragraph.');
  });

  it('drops a trailing list of related headlines', () => {
    const body = 'The ministers will meet again in June to agree on a longer plan for interceptors and parts.';
    const text = [body, 'Short closing line.', 'Related stories', 'Budget rules divide ministers', 'Factories race to meet demand'].join('\n\n');
    expect(removeBoilerplate(text)).toBe(`${body}\n\nShort closing line.`);
  });

  it('keeps a "Related" heading followed by real reporting', () => {
    const long = 'This paragraph is reporting rather than a headline, which it shows by being long enough. '.repeat(3).trim();
    const text = `Intro.\n\nRelated\n\n${long}`;
    expect(removeBoilerplate(text)).toBe(text);
  });
});
