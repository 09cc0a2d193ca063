import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/feeds/charset.js';

const TEXT = 'Zelenskyy à l’Élysée';

describe('decodeBody', () => {
  it.each([
    ['UTF-8, undeclared', Buffer.from(TEXT, 'utf8'), undefined, TEXT],
    ['UTF-8 with a BOM over a wrong header', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'text/xml; charset=iso-8859-1', TEXT],
    ['windows-1252 curly quotes in the prolog', Buffer.from([...Buffer.from('<?xml version="1.0" encoding="windows-1252"?>', 'latin1'), 0x93, 0x41, 0x94]), undefined, '<?xml version="1.0" encoding="windows-1252"?>“A”'],
    ['latin1 undeclared (not UTF-8): windows-1252', Buffer.from('café', 'latin1'), undefined, 'café'],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), undefined, TEXT],
    ['UTF-16LE without a BOM, by the XML declaration bytes', Buffer.from('<?xml version="1.0"?><a/>', 'utf16le'), undefined, '<?xml version="1.0"?><a/>'],
    ['an HTML meta charset', Buffer.from('<html><head><meta charset="iso-8859-1"></head>é', 'latin1'), 'text/html', '<html><head><meta charset="iso-8859-1"></head>é'],
  ])('%s', (_name, bytes, contentType, expected) => {
    expect(decodeBody(bytes, contentType)).toMatchObject({ ok: true, text: expected });
  });

  it('refuses an unknown label, saying where it was declared', () => {
    expect(decodeBody(Buffer.from('<?xml version="1.0" encoding="x-martian"?><rss/>'), undefined)).toEqual({
      ok: false,
      message: 'unknown character encoding "x-martian" (declared in the document)',
    });
  });
});
