/**
 * Bytes to text. Order of authority: a byte-order mark, then the Content-Type charset, then the
 * XML declaration (or an HTML <meta charset> for article pages), then UTF-8. Publishers often get
 * one of the declarations wrong, so when they disagree the bytes decide: valid UTF-8 stays UTF-8,
 * UTF-8 with a few bad bytes stays UTF-8 (each bad byte U+FFFD), other invalid UTF-8 falls to the
 * other declaration (or windows-1252, the web's usual mislabel), and a UTF-16 label on bytes that
 * are not UTF-16 is ignored.
 */
import { TextDecoder } from 'node:util';
import { decodeWindows1252 } from './windows-1252.js';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; message: string };

/** Declarations live near the start; browsers look at the first 1024 bytes too. */
const SNIFF_BYTES = 1024;

export function decodeBody(bytes: Uint8Array, contentType: string | undefined): Decoded {
  const bom = bomEncoding(bytes);
  if (bom !== null) return { ok: true, text: decodeAs(bom, bytes), encoding: bom };
  const declared = [
    { label: contentTypeCharset(contentType), where: 'Content-Type' },
    { label: documentCharset(bytes), where: 'document' },
  ];
  const encodings: string[] = [];
  for (const { label, where } of declared) {
    if (label === null) continue;
    const encoding = encodingName(label);
    if (encoding === null) return { ok: false, message: `unknown character encoding "${label}" (declared in the ${where})` };
    // UTF-16 markup is full of NUL bytes; without them (and without a BOM) the label is wrong.
    if (encoding.startsWith('utf-16') && !hasNul(bytes)) continue;
    encodings.push(encoding);
  }
  const chosen = encodings[0] ?? 'utf-8';
  const asUtf8 = chosen === 'utf-8' || encodings.includes('utf-8') ? strictUtf8(bytes) : null;
  if (chosen === 'utf-8') {
    if (asUtf8 !== null) return { ok: true, text: asUtf8, encoding: 'utf-8' };
    const lossy = mostlyUtf8(bytes);
    if (lossy !== null) return { ok: true, text: lossy, encoding: 'utf-8' };
    const fallback = encodings.find((e) => e !== 'utf-8') ?? 'windows-1252';
    return { ok: true, text: decodeAs(fallback, bytes), encoding: fallback };
  }
  // A legacy encoding decodes any bytes, so only bytes that are valid UTF-8, declared so elsewhere, overrule it.
  if (asUtf8 !== null && hasNonAscii(bytes)) return { ok: true, text: asUtf8, encoding: 'utf-8' };
  return { ok: true, text: decodeAs(chosen, bytes), encoding: chosen };
}

/** The WHATWG name for a label (latin1 → windows-1252), or null when TextDecoder does not know it. */
function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** Non-fatal decoding by a WHATWG encoding name; strips a BOM. */
function decodeAs(encoding: string, bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-8 with some invalid bytes, decoded with U+FFFD for them, when its valid non-ASCII characters
 * outnumber the invalid bytes: text in a legacy encoding mislabelled UTF-8 has next to no valid
 * multi-byte sequences, while a UTF-8 feed with one stray byte would lose every “quote” to mojibake.
 */
function mostlyUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c >= 0x80) valid++;
  }
  return valid > invalid ? text : null;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

export function contentTypeCharset(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^\s;"]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

/** The XML declaration's encoding, UTF-16 without a BOM (XML 1.0 appendix F), or an HTML meta charset. */
export function documentCharset(b: Uint8Array): string | null {
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return 'utf-16le';
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return 'utf-16be';
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, SNIFF_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (xml?.[1] !== undefined) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}
