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

export const COMMANDS = 'run, poll, query, on, feeds, outbox, chat, why, config, discord, extract, init, help';

export const USAGE = `Usage: statements <command> [options]

Commands:
  run               the monitor: poll the configured feeds on the schedule, print or send alerts
                    (what "npm start" runs; "start" is the same). Ctrl-C stops it cleanly.
  poll --once       one poll of every feed, then send waiting alerts, and exit
  query TERM [--since 24h] [--limit N]
                    latest statements by an actor and its people (nato, peskov…), newest first
  on TOPIC [--since 7d] [--limit N]
                    who says what on a keyword (withdrawal…) or words: each speaker's latest
  feeds             each feed's health, last error and next poll, and the outbox's state
  outbox [--limit N] | outbox retry ID...|all
                    alerts waiting and failed for good (with why); send failed ones again
  chat [--channel ID] TEXT
                    any chat command: subscribe nato, unsubscribe all, mute nato 6h, list, help…
                    (--channel slack:T…:C…/discord:…:… manages that channel's subscriptions)
  why URL           what happened to an item and why it was or was not alerted
  config check      every problem in the config and watchlist files, with file and key
  discord register  put the /statements command in place in Discord: in DISCORD_GUILD_ID
                    at once when set, else globally (Discord takes up to an hour)
  extract [--format jsonl|json|text] [--watchlist DIR] FILE...
                    print the statements, actors and keywords found in articles ("-" = stdin)
  init --from FILE... [--out DIR] [--force]
                    draft actors.yaml and keywords.yaml for a new situation from a few articles
  help              show this help

Settings: config/default.yaml (or $STATEMENTS_CONFIG), config/actors.yaml, config/keywords.yaml.
Run "statements <command> --help" for a command's options.
`;
