import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests must not reach beyond loopback; nothing here needs more than a few seconds each.
    testTimeout: 20_000,
    // Fails a test file whose output shows a chat token or signing secret.
    setupFiles: ['tests/setup/no-secrets.ts'],
  },
});
