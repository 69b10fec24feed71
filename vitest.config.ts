import { defineConfig } from 'vitest/config';

// Two projects in one run: every test at UTC with each undocumented Google
// behaviour at its first variant, then the bundle, harness and core tests again
// at Asia/Bangkok with every behaviour at its last variant
// (test/harness/assumptions.ts). The browser tests run once.
const shared = { testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    globalSetup: ['test/setup/build.ts'],
    projects: [
      { test: { ...shared, name: 'utc', include: ['test/**/*.test.ts'], env: { TZ: 'UTC', ITA_FAKE_VARIANT: '0' } } },
      {
        test: {
          ...shared,
          name: 'bangkok-last-variants',
          include: ['test/bundle/**/*.test.ts', 'test/harness/**/*.test.ts', 'test/core/**/*.test.ts'],
          env: { TZ: 'Asia/Bangkok', ITA_FAKE_VARIANT: '1' },
        },
      },
    ],
  },
});
