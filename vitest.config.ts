import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits 1 s by default: too little for a real backend and browser on a
    // loaded two-core CI machine. A poll still ends as soon as its condition holds.
    expect: { poll: { timeout: 10_000 } },
    // Integration and e2e tests spawn real processes and a real browser; two cores.
    maxWorkers: 2,
    // Fail at once, with one line saying how to install it, when there is no Chromium for
    // the browser tests. The CLI tests spawn the built bundle (out/cli/taskdeck.js); build
    // it once per run.
    globalSetup: ['test/globalSetup-chromium.ts', 'test/integration/globalSetup-cli.ts'],
  },
});
