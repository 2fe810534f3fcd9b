// Fails with a network-style error every other run. The run counter lives in
// <project>/.taskdeck/flaky-counter, so a fresh project behaves the same every time:
// the first run fails, its retry succeeds, and so on. FLAKY_SEED shifts the pattern.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const project = process.env.TASKDECK_PROJECT_DIR ?? process.cwd();
const dir = join(project, '.taskdeck');
const file = join(dir, 'flaky-counter');
mkdirSync(dir, { recursive: true });
let count = 0;
try {
  count = Number.parseInt(readFileSync(file, 'utf8'), 10) || 0;
} catch {
  // No counter yet: this is the first run.
}
writeFileSync(file, String(count + 1));
const seed = Number.parseInt(process.env.FLAKY_SEED ?? '0', 10) || 0;
if ((count + seed) % 2 === 0) {
  console.log(`flaky: run ${count + 1}, contacting the mirror at 127.0.0.1:9`);
  console.error(`::error category=network::ECONNREFUSED 127.0.0.1:9 (run ${count + 1})`);
  process.exit(1);
}
console.log(`flaky: run ${count + 1} reached the mirror`);
