import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests must not reach beyond loopback; nothing here needs more than a few seconds each.
    testTimeout: 20_000,
  },
});
