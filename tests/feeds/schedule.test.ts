import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextPollAfterFailure, nextPollAfterSuccess } from '../../src/feeds/index.js';

const NOW = Date.UTC(2024, 0, 1);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('nextPollAfterSuccess', () => {
  it.each([
    ['the interval alone', 15, null, null, 15 * MIN],
    ['a longer TTL', 15, 60, null, 60 * MIN],
    ['a longer max-age', 15, 30, 2 * 3600, 2 * HOUR],
    ['a shorter TTL and max-age do not shorten the interval', 30, 5, 60, 30 * MIN],
    ['hints are capped at a day', 15, 100_000, 10_000_000, 24 * HOUR],
    ['a configured interval above the cap is kept', 48 * 60, null, null, 48 * HOUR],
  ])('%s', (_name, interval, ttl, maxAge, delay) => {
    expect(nextPollAfterSuccess(NOW, interval, ttl, maxAge)).toBe(NOW + delay);
  });
});

describe('nextPollAfterFailure', () => {
  const middle = (): number => 0.5;

  it.each([
    [1, 15 * MIN],
    [2, 30 * MIN],
    [3, 60 * MIN],
    [6, 6 * HOUR],
    [1_000, 6 * HOUR],
  ])('failure %i backs off %i ms (no jitter)', (failures, delay) => {
    expect(nextPollAfterFailure(NOW, 15, failures, null, middle)).toBe(NOW + delay);
  });

  it('jitters by at most ±10 %', () => {
    expect(nextPollAfterFailure(NOW, 15, 3, null, () => 0)).toBe(NOW + 54 * MIN);
    expect(nextPollAfterFailure(NOW, 15, 3, null, () => 0.999999)).toBeLessThanOrEqual(NOW + 66 * MIN);
  });

  it('never retries before Retry-After, but never waits past a day for it', () => {
    expect(nextPollAfterFailure(NOW, 15, 1, 2 * HOUR, middle)).toBe(NOW + 2 * HOUR);
    expect(nextPollAfterFailure(NOW, 15, 1, 1_000, middle)).toBe(NOW + 15 * MIN);
    expect(nextPollAfterFailure(NOW, 15, 1, 1_000 * HOUR, middle)).toBe(NOW + 24 * HOUR);
  });

  it('keeps retrying at the cap however many failures', () => {
    const at = nextPollAfterFailure(NOW, 1, Number.MAX_SAFE_INTEGER, null, () => 1);
    expect(at).toBeGreaterThan(NOW);
    expect(at).toBeLessThanOrEqual(NOW + MAX_BACKOFF_MS * 1.1);
  });
});
