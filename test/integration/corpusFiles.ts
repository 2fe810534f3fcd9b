// Where the real backlog corpus lives (beside the repository), and how tests read it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = process.env.TASKDECK_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus/ai-dev-tasks/', import.meta.url));

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.startsWith('backlog-') && f.endsWith('.md'))
    .sort();
}

export function readCorpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), 'utf8');
}
