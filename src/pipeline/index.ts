export { SOLO_WORKER, type PipelineDeps, type Worker } from './deps.js';
export { processItem, type ItemResult } from './item.js';
export { runCycle, startMonitor, type CycleReport, type Monitor } from './monitor.js';
export { pollDueFeeds, pollOneFeed, type FeedReport } from './poll.js';
export { addFeed, removeFeed, watchedFeeds } from './feeds.js';
