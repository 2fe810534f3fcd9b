// Fails with a real EACCES. Writing into a read-only file is refused for normal users;
// root may write anywhere, so the script then executes a file with no execute bit,
// which the kernel refuses even for root.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const project = process.env.TASKDECK_PROJECT_DIR ?? process.cwd();
const dir = join(project, '.taskdeck', 'permission-demo');
mkdirSync(dir, { recursive: true });
const target = join(dir, 'locked.sh');
if (!existsSync(target)) writeFileSync(target, '#!/bin/sh\necho unreachable\n');
chmodSync(target, 0o444);
try {
  writeFileSync(target, 'overwritten\n');
} catch (err) {
  console.error(`permission: ${err.code}: permission denied, open '${target}'`);
  process.exit(1);
}
const run = spawnSync(target);
const code = run.error?.code ?? 'EACCES';
console.error(`permission: ${code}: permission denied, spawn '${target}'`);
process.exit(1);
