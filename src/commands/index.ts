/**
 * Chat commands: one grammar and one set of handlers for Slack, Discord and the CLI. Adapters
 * parse the text, call `handleCommand`, and format the plain-text reply for their platform.
 */
export { ACK_BUDGET_MS, announcesToChannel, answer, within, type PendingAnswer } from './answer.js';
export { completions, MAX_COMPLETIONS } from './autocomplete.js';
export { splitLines } from './format.js';
export { handleCommand } from './handle.js';
export { BOARD_SPEAKERS, DEFAULT_LIMIT, DEFAULT_MUTE_MS, MAX_LIMIT, MAX_MUTE_MS, parseCommand, parseDuration } from './parse.js';
export { affiliatedActorIds, resolveTerm, suggestions, type Resolved } from './resolve.js';
export type { Command, CommandContext, FeedChange, FeedStatusLine, Reply } from './types.js';
