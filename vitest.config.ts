import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and e2e tests spawn real processes and a real browser; two cores.
    maxWorkers: 2,
    // The CLI tests spawn the built bundle (out/cli/taskdeck.js); build it once per run.
    globalSetup: ['test/integration/globalSetup-cli.ts'],
  },
});
