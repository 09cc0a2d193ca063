import { describe, expect, it } from 'vitest';
import { type Command, parseCommand, parseDuration } from '../../src/commands/index.js';

const H = 3_600_000;

describe('parseCommand', () => {
  it.each<[string, Command]>([
    ['nato', { kind: 'query', term: 'nato', since: null, limit: 10 }],
    ['feeds add https://example.org/rss', { kind: 'feed-add', url: 'https://example.org/rss' }],
    ['feeds add <https://example.org/rss>', { kind: 'feed-add', url: 'https://example.org/rss' }],
    ['FEEDS remove chat-example-org-1a2b3c', { kind: 'feed-remove', id: 'chat-example-org-1a2b3c' }],
    ['  Jens   Stoltenberg ', { kind: 'query', term: 'Jens Stoltenberg', since: null, limit: 10 }],
    ['nato since:24h', { kind: 'query', term: 'nato', since: 24 * H, limit: 10 }],
    ['since:2d limit:5 nato', { kind: 'query', term: 'nato', since: 48 * H, limit: 5 }],
    ['nato LIMIT:50 Since:30m', { kind: 'query', term: 'nato', since: 30 * 60_000, limit: 50 }],
    ['troop withdrawal since:1w', { kind: 'query', term: 'troop withdrawal', since: 168 * H, limit: 10 }],
    ['"troop withdrawal"', { kind: 'query', term: 'troop withdrawal', since: null, limit: 10 }],
    ['since:24h', { kind: 'query', term: '', since: 24 * H, limit: 10 }],
    ['/statements nato', { kind: 'query', term: 'nato', since: null, limit: 10 }],
    ['subscribe nato, troop withdrawal', { kind: 'subscribe', terms: ['nato', 'troop withdrawal'] }],
    ['SUBSCRIBE  Peskov ,, peskov,  Kremlin ', { kind: 'subscribe', terms: ['Peskov', 'Kremlin'] }],
    ['unsubscribe nato', { kind: 'unsubscribe', terms: ['nato'] }],
    ['unsubscribe all', { kind: 'unsubscribe', terms: 'all' }],
    ['unsubscribe ALL', { kind: 'unsubscribe', terms: 'all' }],
    ['list', { kind: 'list' }],
    ['actors', { kind: 'actors' }],
    ['Feeds', { kind: 'feeds' }],
    ['help', { kind: 'help' }],
    ['help subscribe', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['constructor', { kind: 'query', term: 'constructor', since: null, limit: 10 }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each<[string, RegExp]>([
    ['nato limit:abc', /limit:abc.*whole number from 1 to 50/],
    ['nato limit:0', /limit:0/],
    ['nato limit:51', /limit:51/],
    ['nato limit:', /limit:/],
    ['nato since:5x', /since:5x.*m, h, d or w/],
    ['nato since:h', /since:h/],
    ['nato since:0h', /since:0h/],
    ['nato since:-1d', /since:-1d/],
    ['subscribe', /Say what to subscribe to/],
    ['subscribe , ,', /Say what to subscribe to/],
    ['unsubscribe', /unsubscribe all/],
    ['subscribe nato since:1d', /only apply to searches/],
    ['list foo', /`list` takes nothing/],
    ['x'.repeat(600), /too long/],
  ])('%j is invalid', (text, message) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') expect(command.message).toMatch(message);
  });
});

it('says how to use feeds add and feeds remove when they are mistyped', () => {
  for (const text of ['feeds add', 'feeds remove', 'feeds drop x', 'feeds add a b', 'feeds add x since:1h']) {
    expect(parseCommand(text)).toMatchObject({ kind: 'invalid' });
  }
  expect(parseCommand('feeds add')).toMatchObject({ message: expect.stringContaining('feeds add <link') });
});

describe('parseDuration', () => {
  it.each<[string, number | null]>([
    ['15m', 15 * 60_000],
    ['24h', 24 * H],
    ['7d', 7 * 24 * H],
    ['2w', 14 * 24 * H],
    ['24', null],
    ['1y', null],
    ['1.5h', null],
  ])('%s', (value, ms) => {
    expect(parseDuration(value)).toBe(ms);
  });
});
