/** The store's public face: the interface, and how to open an implementation. */
export type { NewDelivery, StatementQuery, Store } from './types.js';
export { openStore } from './open.js';
export { openSqliteStore } from './sqlite/index.js';
export { openPostgresStore } from './postgres/index.js';
