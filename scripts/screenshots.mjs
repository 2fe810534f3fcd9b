// `npm run screenshots`: refreshes the pictures in docs/screenshots that README.md and docs/
// show. The browser tests save every screenshot under test-results/screenshots (ignored by
// git), so `npm test` never changes a tracked file; this script runs the tests that take
// the published ones and copies those over the docs' copies. Needs `npm run build` first
// (the npm script does it) and Chromium (scripts/chromium.mjs says how to get it).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const shots = join(root, 'test-results', 'screenshots');
const docs = join(root, 'docs', 'screenshots');

/** The published pictures, and the test files that take them. */
export const PUBLISHED = {
  backlog: 'test/e2e/backlog.test.ts',
  drawer: 'test/e2e/backlog.test.ts',
  board: 'test/e2e/board.test.ts',
  'board-sprints': 'test/e2e/board.test.ts',
  dashboard: 'test/e2e/analytics.test.ts',
  'dashboard-failures': 'test/e2e/analytics.test.ts',
  runs: 'test/e2e/analytics.test.ts',
  'runs-trust': 'test/e2e/runs.test.ts',
  'runs-history': 'test/e2e/runs.test.ts',
  report: 'test/integration/report-html.test.ts',
  'new-task-form': 'test/e2e/plan.test.ts',
  'inline-editing': 'test/e2e/plan.test.ts',
  'board-drag': 'test/e2e/board-drop.test.ts',
  'dark-backlog': 'test/e2e/accessibility.test.ts',
  'dark-analytics': 'test/e2e/accessibility.test.ts',
};

const files = [...new Set(Object.values(PUBLISHED))];
// This Node, not the `node` on PATH (which may be another version than the native modules were built for).
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', ...files], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
  console.error('screenshots: the tests that take the pictures failed; docs/screenshots was left as it was.');
  process.exit(run.status ?? 1);
}
mkdirSync(docs, { recursive: true });
for (const name of Object.keys(PUBLISHED)) {
  const from = join(shots, `${name}.png`);
  if (!existsSync(from)) {
    console.error(`screenshots: ${from} was not written by ${PUBLISHED[name]}`);
    process.exit(1);
  }
  copyFileSync(from, join(docs, `${name}.png`));
  console.log(`docs/screenshots/${name}.png`);
}
