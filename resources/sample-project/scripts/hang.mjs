// Never finishes. It also starts a child that ignores SIGTERM and would outlive a naive
// kill of this process alone; its pid goes to <project>/.taskdeck/hang-grandchild.pid
// so a test can prove the timeout killed the whole process tree.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const project = process.env.TASKDECK_PROJECT_DIR ?? process.cwd();
const child = spawn(
  process.execPath,
  ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);"],
  { stdio: 'ignore' },
);
mkdirSync(join(project, '.taskdeck'), { recursive: true });
writeFileSync(join(project, '.taskdeck', 'hang-grandchild.pid'), String(child.pid));
console.log(`hang: waiting forever (helper pid ${child.pid})`);
setInterval(() => {}, 1000);
