export { consoleSink } from './console.js';
export { DAILY_DIGEST_HOUR_UTC, periodEnd } from './digest.js';
export { startDeliveryLoop, type DeliveryLoop, type DeliveryLoopOptions } from './loop.js';
export { DEFAULT_LEASE_MS, drainOutbox, retryDelay, type DrainReport, type OutboxOptions } from './outbox.js';
export { DeliveryError, idempotencyKey, platformOf, type DeliveryErrorOptions, type SendContext, type SendReceipt, type Sink } from './sink.js';
