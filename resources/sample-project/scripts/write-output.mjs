// Writes a small report into the project (out/report.txt): a task with a visible result.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const project = process.env.TASKDECK_PROJECT_DIR ?? process.cwd();
const outDir = join(project, 'out');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, 'report.txt');
const lines = [
  `task: ${process.env.TASKDECK_TASK_ID ?? '(none)'} ${process.env.TASKDECK_TASK_TITLE ?? ''}`.trim(),
  `run: ${process.env.TASKDECK_RUN_ID ?? '(none)'} attempt ${process.env.TASKDECK_ATTEMPT ?? '1'}`,
];
writeFileSync(file, lines.join('\n') + '\n');
console.log(`write-output: wrote ${file}`);
