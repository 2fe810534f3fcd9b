// Builds the CLI once before the tests run, so the CLI tests spawn the real bundle
// (out/cli/taskdeck.js) as a user would, not the TypeScript sources.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build:cli failed:\n${r.stdout}${r.stderr}`);
}
