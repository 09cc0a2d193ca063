/**
 * brat standoff (.ann), the parts PolNeAR uses:
 *   T<n>\t<Type> START END[;START END...]\t<text>   a span; ";" joins discontinuous pieces
 *   E<n>\t<Role>:T<n> <Role>:T<n> ...                an event tying spans together
 * Offsets are as written (PolNeAR's are code points); lines of other kinds are ignored.
 */

export interface Piece {
  start: number;
  end: number;
}

export interface BratSpan {
  id: string;
  type: string;
  pieces: Piece[];
  text: string;
}

export interface BratEvent {
  id: string;
  /** Role names without the numeric suffix brat adds to repeats (`Content2` → `Content`). */
  args: Array<{ role: string; ref: string }>;
}

export interface BratDocument {
  spans: Map<string, BratSpan>;
  events: BratEvent[];
  /** T and E lines that did not parse, for the report. */
  malformed: number;
}

const SPAN_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;
const EVENT_LINE = /^(E\d+)\t(.*)$/;
const EVENT_ARG = /^([A-Za-z-]+?)\d*:(T\d+)$/;

export function parseBrat(ann: string): BratDocument {
  const doc: BratDocument = { spans: new Map(), events: [], malformed: 0 };
  for (const line of ann.split(/\r?\n/)) {
    if (line.startsWith('T')) {
      const m = SPAN_LINE.exec(line);
      if (!m) {
        doc.malformed++;
        continue;
      }
      const [, id = '', type = '', ranges = '', text = ''] = m;
      const pieces = ranges.split(';').map((range) => {
        const [start = 0, end = 0] = range.split(' ').map(Number);
        return { start, end };
      });
      doc.spans.set(id, { id, type, pieces, text });
    } else if (line.startsWith('E')) {
      const m = EVENT_LINE.exec(line);
      if (!m) {
        doc.malformed++;
        continue;
      }
      const args: BratEvent['args'] = [];
      for (const token of (m[2] ?? '').trim().split(/\s+/)) {
        const arg = EVENT_ARG.exec(token);
        if (arg?.[1] && arg[2]) args.push({ role: arg[1], ref: arg[2] });
      }
      doc.events.push({ id: m[1] ?? '', args });
    }
  }
  return doc;
}

/** One attribution: what was said (Content), by whom (Source, may be missing), how (Cue). */
export interface Attribution {
  id: string;
  contents: BratSpan[];
  sources: BratSpan[];
  cues: BratSpan[];
}

export function attributions(doc: BratDocument): Attribution[] {
  return doc.events.map((event) => {
    const spansFor = (role: string): BratSpan[] =>
      event.args.flatMap((a) => (a.role === role ? [doc.spans.get(a.ref)] : [])).filter((s) => s !== undefined);
    return { id: event.id, contents: spansFor('Content'), sources: spansFor('Source'), cues: spansFor('Cue') };
  });
}
