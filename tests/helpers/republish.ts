import { mulberry32 } from './mulberry32.js';

/** Another outlet's copy of a wire story: own dateline and headline, a paragraph dropped, a few words changed, its own furniture. */
export function republish(text: string, outlet: string, seed: number): string {
  const random = mulberry32(seed);
  const paragraphs = text.split('\n').filter((p) => p.trim() !== '');
  const drop = 2 + Math.floor(random() * Math.max(1, paragraphs.length - 3));
  const kept = paragraphs.filter((_, i) => i !== drop);
  const reworded = kept.map((p) => p.replace(/\bsaid\b/, 'told reporters').replace(/\bon Wednesday\b/, 'on Feb. 16').replace(/\(Reuters\)/, `(${outlet})`));
  return [`${outlet.toUpperCase()} —`, ...reworded, `Also read | More from ${outlet}`].join('\n');
}
