import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/cli/io.js';
import { toCodePointOffsets, toUtf16Offsets } from '../../src/cli/offsets.js';
import { renderFileRecord, toFileRecord } from '../../src/cli/record.js';
import { compileWatchlist } from '../../src/matches/index.js';
import type { Extraction } from '../../src/model/index.js';

describe('offset conversion', () => {
  it('is the identity for text without surrogate pairs', () => {
    const toCodePoint = toCodePointOffsets('plain “text” é');
    expect([0, 5, 14].map(toCodePoint)).toEqual([0, 5, 14]);
  });

  it('counts each surrogate pair as one code point, both ways', () => {
    const text = 'a😀b🇺🇦c';
    const utf16OfC = text.indexOf('c'); // 7
    const toCodePoint = toCodePointOffsets(text);
    expect(toCodePoint(utf16OfC)).toBe(Array.from(text).indexOf('c')); // 4
    expect(toCodePoint(text.indexOf('b'))).toBe(2);
    expect(toCodePoint(text.length)).toBe(Array.from(text).length);
    const toUtf16 = toUtf16Offsets(text);
    for (let cp = 0; cp <= Array.from(text).length; cp++) expect(toCodePoint(toUtf16(cp))).toBe(cp);
  });

  it('rounds an offset inside a pair down to the code point it splits', () => {
    expect(toCodePointOffsets('😀x')(1)).toBe(0);
  });
});

describe('file record', () => {
  const matcher = compileWatchlist({
    actors: [],
    keywords: [{ id: 'troop-withdrawal', label: 'troop withdrawal', variants: ['withdrawal'] }],
  });
  const text = '😀 “We stay,” said Ann Lee.';
  const extraction: Extraction = {
    statements: [
      { quote: 'We stay,', speaker: 'Ann Lee', speakerId: null, role: null, kind: 'direct', start: 4, end: 12, cue: 'said' },
    ],
    actors: [{ id: null, name: 'Ann Lee' }],
    keywords: ['troop-withdrawal', 'unknown-id'],
  };

  it('has the contract fields in order, names, labels and code-point offsets', () => {
    const record = toFileRecord('a.txt', text, extraction, matcher);
    expect(Object.keys(record.statements[0] ?? {})).toEqual(['quote', 'speaker', 'kind', 'start', 'end', 'speakerId', 'role', 'cue']);
    expect(record.statements[0]).toMatchObject({ start: 3, end: 11 });
    expect(Array.from(text).slice(3, 11).join('')).toBe('We stay,');
    expect(record.actors).toEqual(['Ann Lee']);
    expect(record.keywords).toEqual(['troop withdrawal', 'unknown-id']);
  });

  it('renders speaker — kind — “quote” lines', () => {
    const listing = renderFileRecord(toFileRecord('a.txt', text, extraction, matcher));
    expect(listing).toContain('a.txt (1 statement)');
    expect(listing).toContain('  Ann Lee — direct — “We stay,”');
  });

  it('keeps a byte-order mark in the text, so offsets count it', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('\uFEFFA');
  });
});
