// Shared by the editor's corpus and property tests: where the corpus is, and the part of a
// task an edit may change or must keep.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Task } from '../../src/shared/backlog';

export const corpusDir = resolve(import.meta.dirname, '../../../shared/corpus/ai-dev-tasks');

export function corpusFiles(): string[] {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
}

export function readCorpus(name: string): string {
  return readFileSync(join(corpusDir, name), 'utf8');
}

/** A task without what an edit legitimately shifts: raw texts, line numbers, rank. */
export function comparable(task: Task): Omit<Task, 'statusRaw' | 'priorityRaw' | 'line' | 'rank' | 'dependencyNotes' | 'dependencies'> & {
  dependencies: string[];
} {
  const { statusRaw: _s, priorityRaw: _p, line: _l, rank: _r, dependencyNotes: _n, dependencies, ...rest } = task;
  return { ...rest, dependencies: [...dependencies].sort() };
}
