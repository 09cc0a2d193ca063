export const EXTRACT_USAGE = `Usage: statements extract [--format jsonl|json|text] [--watchlist DIR] FILE...

Finds quotes, their speakers and the watchlist actors and keywords in plain-text articles.
FILE is read as UTF-8; "-" reads standard input.

Options:
  --format FORMAT   jsonl (default): one JSON object per file, one per line
                    json: one pretty-printed JSON array of those objects
                    text: a human-readable listing
  --watchlist DIR   read actors.yaml and keywords.yaml from DIR instead of config/
  -h, --help        show this help

Each JSON object: {"file", "statements": [{"quote", "speaker", "kind", "start", "end",
"speakerId", "role", "cue"}], "actors": [names], "keywords": [labels]}. start/end are
code-point offsets of the quote in the file's text.

Exit status: 0 when every file was read, 1 when some could not be, 2 for a usage error.
`;

export const START_USAGE = `Usage: statements start [--watchlist DIR]

Runs the extraction over the bundled sample articles (samples/articles) and prints what it finds.
`;

export const USAGE = `Usage: statements <command> [options]

Commands:
  extract [--format jsonl|json|text] [--watchlist DIR] FILE...
                    print the statements, actors and keywords found in articles ("-" = stdin)
  start [--watchlist DIR]
                    demo: the statements in the bundled sample articles
  help              show this help

Run "statements <command> --help" for a command's options.
`;
