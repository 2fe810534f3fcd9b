// One step of a three-step chain: step N needs step N-1's output (out/chain-<N-1>.txt),
// so running the steps out of order fails loudly.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const step = Number.parseInt(process.argv[2] ?? '', 10);
if (!Number.isInteger(step) || step < 1) {
  console.error('::error category=validation::usage: chain-step.mjs N (N >= 1)');
  process.exit(2);
}
const project = process.env.TASKDECK_PROJECT_DIR ?? process.cwd();
const outDir = join(project, 'out');
mkdirSync(outDir, { recursive: true });
if (step > 1 && !existsSync(join(outDir, `chain-${step - 1}.txt`))) {
  console.error(`::error category=validation::step ${step} ran before step ${step - 1}`);
  process.exit(2);
}
console.log(`::progress 50 chain step ${step}`);
writeFileSync(join(outDir, `chain-${step}.txt`), `step ${step} done\n`);
console.log(`chain-step: step ${step} done`);
