import { describe, expect, it } from 'vitest';
import { phrasalSplit, plural, singular, verbForms, verbOf } from '../../src/watchlist/init-words.js';

describe('word forms for drafted keywords', () => {
  it('inflects regular, doubling and irregular verbs, prefixed ones included', () => {
    expect(verbForms('escalate')).toEqual(['escalate', 'escalates', 'escalated', 'escalating']);
    expect(verbForms('verify')).toEqual(['verify', 'verifies', 'verified', 'verifying']);
    expect(verbForms('ban')).toEqual(['ban', 'bans', 'banned', 'banning']);
    expect(verbForms('withdraw')).toEqual(['withdraw', 'withdraws', 'withdrew', 'withdrawn', 'withdrawing']);
    expect(verbForms('build')).toEqual(['build', 'builds', 'built', 'building']);
    expect(verbForms('de-escalate')).toContain('de-escalating');
  });

  it('finds the verb a noun is made from, only when the articles use it', () => {
    const used = new Set(['withdrawing', 'invading', 'escalated', 'proposed', 'prepare', 'prepared', 'elected', 'verified', 'attacked', 'allies']);
    expect(verbOf('withdrawal', used)).toBe('withdraw');
    expect(verbOf('invasion', used)).toBe('invade');
    expect(verbOf('escalation', used)).toBe('escalate');
    expect(verbOf('proposal', used)).toBe('propose');
    expect(verbOf('preparation', used)).toBe('prepare');
    expect(verbOf('election', used)).toBe('elect');
    expect(verbOf('verification', used)).toBe('verify');
    expect(verbOf('attack', used)).toBe('attack');
    // "allies" is a plural as often as a verb: no evidence that "alliance" is an action.
    expect(verbOf('alliance', used)).toBeNull();
    expect(verbOf('border', used)).toBeNull();
    expect(verbOf('deployment', used)).toBeNull();
  });

  it('joins a phrasal verb written solid and apart', () => {
    expect(phrasalSplit('pullback', new Set(['pulling back']))).toEqual(['pull', 'back']);
    expect(phrasalSplit('walkout', new Set(['walked out']))).toEqual(['walk', 'out']);
    expect(phrasalSplit('pullback', new Set())).toBeNull();
  });

  it('folds plurals roughly', () => {
    expect(singular('troops')).toBe('troop');
    expect(singular('guarantees')).toBe('guarantee');
    expect(singular('casualties')).toBe('casualty');
    expect(singular('crisis')).toBe('crisis');
    expect(singular('talks')).toBe('talk');
    expect(plural('pullback')).toBe('pullbacks');
    expect(plural('casualty')).toBe('casualties');
  });
});
