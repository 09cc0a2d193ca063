export { consoleSink } from './console.js';
export { drainOutbox, retryDelay, type DrainReport, type OutboxOptions } from './outbox.js';
export { DeliveryError, platformOf, type Sink } from './sink.js';
