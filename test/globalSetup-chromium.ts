// Before any test runs: is there a Chromium for the browser tests (test/e2e, the HTML
// report)? Without one, stop at once with one line saying how to get it, rather than
// letting every browser test time out on a launch error minutes later.
import { findChromium } from '../scripts/chromium.mjs';

export default function setup(): void {
  const found = findChromium();
  if (found.ok) return;
  process.stderr.write(`\ntaskdeck tests: ${found.message}\n\n`);
  process.exit(1);
}
