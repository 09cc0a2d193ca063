/** Alerts: a platform-neutral summary of an article's statements, and its console rendering. */
export { buildAlert, type AlertOptions } from './build.js';
export { renderConsole, renderConsoleDigest, type ConsoleOptions } from './console.js';
export { stripDateline } from './lead.js';
export { truncate } from './quotes.js';
