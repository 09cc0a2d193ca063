export { consoleSink } from './console.js';
export { startDeliveryLoop, type DeliveryLoop, type DeliveryLoopOptions } from './loop.js';
export { drainOutbox, retryDelay, type DrainReport, type OutboxOptions } from './outbox.js';
export { DeliveryError, platformOf, type DeliveryErrorOptions, type Sink } from './sink.js';
